/**
 * Drift over 1k / 10k / 100k holdings rows, against a plain-number loop doing the same job in the
 * same run: find the columns, sum shares × price per class, divide by the total.
 */
import { computeDrift, readHousehold } from '../src/engine';
import type { Cell } from '../src/engine';
import { formatMs, seededRandom, timeMs } from './timing';
import { renderTable } from '../src/cli/text-table';

const CLASSES = ['US Stocks', 'Intl Stocks', 'Bonds', 'Real Estate', 'Cash'];
const HEADER = ['Account', 'Ticker', 'Class', 'Shares', 'Price', 'Value', 'Cost Basis', 'Acquired'];

export function holdingsRows(n: number, seed = 7): Cell[][] {
  const random = seededRandom(seed);
  const rows: Cell[][] = [HEADER];
  for (let i = 0; i < n; i++) {
    const cls = CLASSES[Math.floor(random() * 4)];
    const shares = Math.round(random() * 50000) / 100;
    const price = Math.round(random() * 40000) / 100 + 1;
    rows.push([`Account ${i % 8}`, `T${i % 400}`, cls, shares, price, null, Math.round(shares * price * 90) / 100, 40000 + (i % 3000)]);
  }
  rows.push(['Account 0', 'CASH', 'Cash', null, null, 12345.67, null, null]);
  return rows;
}

const TARGETS: Cell[][] = [['Class', 'Target'], ['US Stocks', 0.5], ['Intl Stocks', 0.25], ['Bonds', 0.2], ['Real Estate', 0.05]];

/** The baseline: what a hand-written loop over the same 2-D array does, with no validation. */
export function plainDrift(rows: readonly (readonly Cell[])[], targets: readonly (readonly Cell[])[]): Map<string, number> {
  const header = rows[0] as string[];
  const iClass = header.indexOf('Class');
  const iShares = header.indexOf('Shares');
  const iPrice = header.indexOf('Price');
  const iValue = header.indexOf('Value');
  const byClass = new Map<string, number>();
  let total = 0;
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r];
    const v = row[iShares] !== null ? (row[iShares] as number) * (row[iPrice] as number) : (row[iValue] as number);
    total += v;
    const c = row[iClass] as string;
    byClass.set(c, (byClass.get(c) ?? 0) + v);
  }
  const drift = new Map<string, number>();
  for (let r = 1; r < targets.length; r++) {
    const c = targets[r][0] as string;
    drift.set(c, (byClass.get(c) ?? 0) / total - (targets[r][1] as number));
  }
  return drift;
}

export function benchDrift(): string {
  const rows: string[][] = [];
  for (const n of [1_000, 10_000, 100_000]) {
    const holdings = holdingsRows(n);
    const runs = n >= 100_000 ? 9 : 31;
    const household = readHousehold({ holdings: { name: 'Holdings', cells: holdings }, targets: { name: 'Targets', cells: TARGETS } });
    const plain = timeMs(() => plainDrift(holdings, TARGETS), runs);
    const full = timeMs(
      () => computeDrift(readHousehold({ holdings: { name: 'Holdings', cells: holdings }, targets: { name: 'Targets', cells: TARGETS } })),
      runs,
    );
    const driftOnly = timeMs(() => computeDrift(household), runs);
    rows.push([
      n.toLocaleString('en-US'),
      formatMs(plain),
      formatMs(full),
      `${(full / plain).toFixed(2)}×`,
      formatMs(driftOnly),
      `${(driftOnly / plain).toFixed(2)}×`,
    ]);
  }
  return renderTable(
    ['rows', 'plain loop', 'parse + drift', 'vs plain', 'drift (parsed)', 'vs plain'],
    rows,
    [true, true, true, true, true, true],
  );
}
