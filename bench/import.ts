/**
 * Importing a 5,000-line positions export (seeded, written as the broker writes it), against
 * papaparse alone on the same text in the same run: the cost of recognising the format, reading
 * money exactly and setting totals aside, on top of the CSV parse itself. Then the merge into a
 * workbook's Holdings of 5,000 rows.
 */
import Papa from 'papaparse';
import { importFile, mergeImport } from '../src/engine';
import type { Cell } from '../src/engine';
import { renderTable } from '../src/cli/text-table';
import { fidelityExport, ibkrExport } from './import-exports';
import { performance } from 'perf_hooks';
import { formatMs, median, timeMs } from './timing';

const LINES = 5_000;
const RUNS = 25;

/**
 * Median milliseconds of each function, taken in turns within every run so that the baseline and the
 * import see the same machine (two cores shared with other work make any one run noisy).
 */
function interleaved(fns: readonly (() => unknown)[], runs: number): number[] {
  for (const fn of fns) for (let i = 0; i < 3; i++) fn();
  const times = fns.map((): number[] => []);
  for (let i = 0; i < runs; i++) {
    fns.forEach((fn, k) => {
      const start = performance.now();
      fn();
      times[k].push(performance.now() - start);
    });
  }
  return times.map(median);
}

/** The workbook the merge goes into: the same accounts' 5,000 rows (so each is replaced), classes on every ticker. */
function workbookHoldings(text: string): Cell[][] {
  const file = importFile('bench.csv', text);
  return [['Account', 'Ticker', 'Shares', 'Price', 'Value', 'Class', 'Notes'], ...file.holdings.map((h, i): Cell[] => [h.account, h.ticker, h.shares, h.price, null, `Class ${i % 5}`, 'kept'])];
}

export function benchImport(): string {
  const rows: string[][] = [];
  for (const [name, text] of [
    ['Fidelity positions', fidelityExport(LINES)],
    ['IBKR statement with lots', ibkrExport(LINES)],
  ] as const) {
    const [papa, read] = interleaved([() => Papa.parse<string[]>(text, { delimiter: ',', skipEmptyLines: false }), () => importFile('bench.csv', text)], RUNS);
    const file = importFile('bench.csv', text);
    const holdings = { name: 'Holdings', cells: workbookHoldings(text) };
    const merge = timeMs(() => mergeImport({ holdings, accounts: null, files: [file] }), RUNS);
    rows.push([name, String(text.split('\n').length), String(file.holdings.length), formatMs(papa), formatMs(read), `${(read / papa).toFixed(2)}×`, formatMs(merge)]);
  }
  return renderTable(['export', 'lines', 'rows read', 'papaparse alone', 'import (parse + read)', 'vs papaparse', 'merge into Holdings'], rows, [false, true, true, true, true, true, true]);
}
