/**
 * Writing an import into the ExcelJS workbook: the imported accounts' Holdings rows are taken out
 * and the new ones added at the table's end, every other row kept as it was (formulas and formats
 * included); new accounts are added at the end of Accounts. Only the table's own columns move, as
 * when Excel deletes or adds table rows, and a table that would grow over cells below it is refused.
 */
import type { Cell as ExcelCell, CellValue, Style, Worksheet } from 'exceljs';
import { parseIsoDate } from '../engine';
import type { Cell, ImportPlan, TableInput } from '../engine';
import { WorkbookError } from './files';
import { TableLocation, WorkbookTables } from './workbook-tables';

interface RowContent {
  readonly values: CellValue[];
  readonly styles: (Partial<Style> | null)[];
}

export function writeImport(tables: WorkbookTables, holdings: TableInput, plan: ImportPlan): void {
  const place = tables.locate('Holdings');
  if (!place?.area) throw new WorkbookError('the Holdings table could not be found again to write into');
  const removed = new Set(plan.removedRows.map((i) => holdings.rowNumbers?.[i] ?? (holdings.headerRow ?? 1) + i));
  const acquiredColumn = headerIndex(holdings.cells[0] ?? [], /^(acquired|date acquired|purchase date|open date)$/i);
  rewriteBody(place, 'Holdings', removed, plan.addedRows, acquiredColumn, tables);
  if (plan.accountRows.length > 0) {
    const accounts = tables.locate('Accounts');
    if (!accounts?.area) throw new WorkbookError('the Accounts table could not be found again to write into');
    rewriteBody(accounts, 'Accounts', new Set(), plan.accountRows, -1, tables);
  }
}

function headerIndex(header: readonly Cell[], name: RegExp): number {
  return header.findIndex((h) => typeof h === 'string' && name.test(h.trim()));
}

function rewriteBody(place: TableLocation, name: string, removed: ReadonlySet<number>, added: readonly Cell[][], dateColumn: number, tables: WorkbookTables): void {
  const { sheet, table } = place;
  const area = place.area!;
  const columns = area.columns;
  const top = area.top;
  const bottom = table ? area.bottom : lastRowWithData(tables, sheet, top);
  const totals = table?.model.totalsRow ? read(sheet, bottom + 1, columns) : null;
  const kept: RowContent[] = [];
  for (let r = top + 1; r <= bottom; r++) if (!removed.has(r)) kept.push(read(sheet, r, columns));
  // New rows take the number formats of the table's first data row (a date column stays a date).
  const template = bottom > top ? read(sheet, top + 1, columns).styles : columns.map(() => null);
  const fresh = added.map((row): RowContent => ({ values: columns.map((_, i) => toExcel(row[i], i === dateColumn)), styles: template }));
  const body = [...kept, ...fresh, ...(totals ? [totals] : [])];
  const oldEnd = bottom + (totals ? 1 : 0);
  const newEnd = top + body.length;
  for (let r = oldEnd + 1; r <= newEnd; r++) {
    const taken = columns.find((c) => !isEmpty(sheet.findRow(r)?.findCell(c)));
    if (taken !== undefined) {
      throw new WorkbookError(`the ${name} table needs ${newEnd - oldEnd} more rows, but ${sheet.name} has data below it at row ${r}; move it so the table can grow`);
    }
  }
  body.forEach((content, i) => write(sheet, top + 1 + i, columns, content));
  for (let r = newEnd + 1; r <= oldEnd; r++) write(sheet, r, columns, { values: columns.map(() => null), styles: columns.map(() => null) });
  if (table) {
    const ref = `${columnLetters(columns[0])}${top}:${columnLetters(columns[columns.length - 1])}${newEnd}`;
    table.model.tableRef = ref;
    if (table.model.ref !== undefined) table.model.ref = ref;
    if (table.model.autoFilterRef !== undefined) table.model.autoFilterRef = `${columnLetters(columns[0])}${top}:${columnLetters(columns[columns.length - 1])}${newEnd - (totals ? 1 : 0)}`;
  }
}

function read(sheet: Worksheet, r: number, columns: readonly number[]): RowContent {
  const row = sheet.findRow(r);
  const cells = columns.map((c) => row?.findCell(c));
  return { values: cells.map((cell) => cell?.value ?? null), styles: cells.map((cell) => (cell ? { ...cell.style } : null)) };
}

function write(sheet: Worksheet, r: number, columns: readonly number[], content: RowContent): void {
  const row = sheet.getRow(r);
  columns.forEach((c, i) => {
    const cell = row.getCell(c);
    cell.value = content.values[i];
    cell.style = content.styles[i] ?? {};
  });
}

function isEmpty(cell: ExcelCell | undefined): boolean {
  const v = cell?.value;
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

/** A plain range (no Excel table) ends at the sheet's last row holding data. */
function lastRowWithData(tables: WorkbookTables, sheet: Worksheet, top: number): number {
  const rows = tables.rowsOf(sheet);
  return Math.max(top, rows.length > 0 ? rows[rows.length - 1].number : top);
}

/** An engine cell as ExcelJS writes it: an ISO date in a date column becomes a date. */
function toExcel(cell: Cell, isDate: boolean): CellValue {
  if (cell === null || cell === undefined) return null;
  if (isDate && typeof cell === 'string' && parseIsoDate(cell) !== null) return new Date(`${parseIsoDate(cell)}T00:00:00Z`);
  if (typeof cell === 'string' || typeof cell === 'number' || typeof cell === 'boolean' || cell instanceof Date) return cell;
  return String(cell);
}

function columnLetters(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}
