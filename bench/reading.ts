/**
 * Reading a workbook whose sheet reaches far beyond its data: a stray note at XFD1048576 beside the
 * holdings, and a Holdings table whose ref runs to row 1,048,576. Each is timed against the same
 * holdings without the extent, in the same run: ExcelJS loading the file, then WorkbookTables and
 * readHousehold, as the command line does.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { performance } from 'perf_hooks';
import ExcelJS from 'exceljs';
import { readHousehold } from '../src/engine';
import type { Cell } from '../src/engine';
import { WorkbookTables } from '../src/cli/workbook-tables';
import { holdingsRows } from './drift';
import { formatMs, median } from './timing';

const TARGETS: Cell[][] = [['Class', 'Target'], ['US Stocks', 0.5], ['Intl Stocks', 0.25], ['Bonds', 0.2], ['Real Estate', 0.05]];

type Extent = 'none' | 'stray cell' | 'table to the last row';

async function writeWorkbook(file: string, n: number, extent: Extent): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Holdings');
  const [header, ...rows] = holdingsRows(n) as ExcelJS.CellValue[][];
  if (extent === 'table to the last row') {
    const table = sheet.addTable({ name: 'Holdings', ref: 'A1', columns: header.map((h) => ({ name: String(h) })), rows });
    // What a table over whole columns (or one resized to the bottom of the sheet) looks like in the file.
    (table as unknown as { table: { tableRef: string } }).table.tableRef = `A1:H1048576`;
  } else {
    sheet.addRows([header, ...rows]);
    if (extent === 'stray cell') sheet.getCell('XFD1048576').value = 'checked with the broker';
  }
  workbook.addWorksheet('Targets').addRows(TARGETS as ExcelJS.CellValue[][]);
  await workbook.xlsx.writeFile(file);
}

async function loadAndRead(file: string): Promise<number> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const tables = new WorkbookTables(workbook);
  return readHousehold({ holdings: tables.find('Holdings')!, targets: tables.find('Targets') }).holdings.length;
}

/**
 * Median milliseconds of reading each file, the files taken in turns within every run so that both
 * see the same machine (a busy one slows whichever file happens to run during the load).
 */
async function timeFiles(files: readonly string[], n: number, runs: number): Promise<number[]> {
  // +1: the cash row holdingsRows adds
  for (const file of files) if ((await loadAndRead(file)) !== n + 1) throw new Error(`${file}: read the wrong number of holdings`);
  const times = files.map((): number[] => []);
  for (let i = 0; i < runs; i++) {
    for (const [k, file] of files.entries()) {
      const start = performance.now();
      await loadAndRead(file);
      times[k].push(performance.now() - start);
    }
  }
  return times.map(median);
}

const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;

export async function benchReading(): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rebal-bench-'));
  try {
    const lines = ['| holdings rows | without | stray cell at XFD1048576 | ratio |', '|---:|---:|---:|---:|'];
    for (const n of [1_000, 10_000]) {
      const runs = n >= 10_000 ? 9 : 21;
      const [plain, stray] = [path.join(dir, `plain-${n}.xlsx`), path.join(dir, `stray-${n}.xlsx`)];
      await writeWorkbook(plain, n, 'none');
      await writeWorkbook(stray, n, 'stray cell');
      const [a, b] = await timeFiles([plain, stray], n, runs);
      lines.push(`| ${n.toLocaleString('en-US')} | ${formatMs(a)} | ${formatMs(b)} | ${ratio(b, a)} |`);
    }
    const n = 10_000;
    const [own, last] = [path.join(dir, 'table-own.xlsx'), path.join(dir, 'table-last.xlsx')];
    await writeWorkbook(own, n, 'none');
    await writeWorkbook(last, n, 'table to the last row');
    const [a, b] = await timeFiles([own, last], n, 9);
    lines.push(
      '',
      `Table ref reaching row 1,048,576 (A1:H1048576, ${n.toLocaleString('en-US')} holdings rows): ${formatMs(b)}, against ${formatMs(a)} for the same rows without it (${ratio(b, a)}).`,
    );
    return lines.join('\n');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
