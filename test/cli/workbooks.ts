/**
 * Real .xlsx files for the command-line tests, written with ExcelJS into a temporary directory:
 * each table either as a real Excel table (optionally on a sheet with another name, anywhere on it)
 * or as a plain range on a sheet named after it.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { main } from '../../src/cli/main';

export type XlValue = string | number | boolean | Date | null;

export interface SheetSpec {
  /** Header row first. */
  readonly cells: XlValue[][];
  /** Write as an Excel table with this name (default: a plain range). */
  readonly table?: string;
  /** The sheet's name (default: the table's name). */
  readonly sheet?: string;
  /** Top-left cell of the header, e.g. "B4" (default "A1"). */
  readonly at?: string;
}

export function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'rebal-test-'));
}

/** A fresh temporary folder for each test of the file, removed after it: `file(name)` is a path in it. */
export function useTempDir(): { file(name: string): string; dir(): string } {
  let dir = '';
  beforeEach(() => {
    dir = tempDir();
  });
  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });
  return { file: (name) => path.join(dir, name), dir: () => dir };
}

function corner(at: string): { row: number; col: number } {
  const m = /^([A-Z]+)(\d+)$/.exec(at)!;
  const col = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  return { row: Number(m[2]), col };
}

export async function writeBook(file: string, sheets: Record<string, SheetSpec>): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  for (const [name, spec] of Object.entries(sheets)) {
    const sheet = workbook.getWorksheet(spec.sheet ?? name) ?? workbook.addWorksheet(spec.sheet ?? name);
    const at = spec.at ?? 'A1';
    if (spec.table) {
      sheet.addTable({
        name: spec.table,
        ref: at,
        headerRow: true,
        columns: spec.cells[0].map((h) => ({ name: String(h), filterButton: true })),
        rows: spec.cells.slice(1),
      });
    } else {
      const { row, col } = corner(at);
      spec.cells.forEach((cells, r) => cells.forEach((v, c) => { if (v !== null) sheet.getCell(row + r, col + c).value = v; }));
    }
  }
  await workbook.xlsx.writeFile(file);
  return file;
}

/** A small household: 10,000.00 across US Stocks, Bonds and cash, with lots and an untargeted holding. */
export function household(): Record<string, XlValue[][]> {
  return {
    Holdings: [
      ['Account', 'Ticker', 'Class', 'Shares', 'Price', 'Value', 'Cost Basis', 'Acquired'],
      ['Joint Brokerage', 'VTI', 'US Stocks', 10, 300.5, null, 2500, new Date(Date.UTC(2019, 2, 4))],
      ['Joint Brokerage', 'VTI', 'US Stocks', 5, 300.5, null, 1400, new Date(Date.UTC(2025, 0, 2))],
      ['Sam IRA', 'BND', 'Bonds', 40, 72.5, null, null, null],
      ['Sam IRA', 'GLD', 'Gold', 1, 1492.5, null, null, null],
      ['Joint Brokerage', 'CASH', 'Cash', null, null, 1100, null, null],
    ],
    Targets: [['Class', 'Target'], ['US Stocks', 0.6], ['Bonds', 0.4]],
  };
}

export function asTables(tables: Record<string, XlValue[][]>, extra: Partial<Record<string, Partial<SheetSpec>>> = {}): Record<string, SheetSpec> {
  return Object.fromEntries(Object.entries(tables).map(([name, cells]) => [name, { cells, table: name, ...extra[name] }]));
}

export function asRanges(tables: Record<string, XlValue[][]>, extra: Partial<Record<string, Partial<SheetSpec>>> = {}): Record<string, SheetSpec> {
  return Object.fromEntries(Object.entries(tables).map(([name, cells]) => [name, { cells, ...extra[name] }]));
}

export interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the command in-process, as bin/rebal.js does, capturing what it prints. */
export async function rebal(args: string[], now = new Date(2026, 10, 21, 12)): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { stdout: (t) => { stdout += t; }, stderr: (t) => { stderr += t; } }, now);
  return { code, stdout, stderr };
}
