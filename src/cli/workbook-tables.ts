/**
 * Finding the household's tables in an ExcelJS workbook: by Excel table name first, then by sheet
 * name (case-insensitive). A sheet is read as its one table if it holds exactly one, else as a plain
 * range starting at its first non-empty row. Cells become the engine's Cell values, with Excel's
 * own row numbers kept for messages.
 */
import type { Cell as XlCell, CellValue, Workbook, Worksheet } from 'exceljs';
import { ExcelErrorCell, UnsavedFormulaCell } from '../engine';
import type { Cell, TableInput } from '../engine';

interface RangeRef {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

interface TableLike {
  table?: { name?: string; displayName?: string; tableRef?: string; ref?: string; headerRow?: boolean; totalsRow?: boolean };
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** "B3:H20" → its corners. */
export function parseRef(ref: string): RangeRef | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?$/.exec(ref.trim());
  if (!m) return null;
  const left = columnNumber(m[1]);
  const top = Number(m[2]);
  return { top, left, right: m[3] ? columnNumber(m[3]) : left, bottom: m[4] ? Number(m[4]) : top };
}

/** An ExcelJS cell value as the engine expects it: formulas by their result, rich text as text. */
export function toEngineCell(value: CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('error' in value) return new ExcelErrorCell(String(value.error));
    if ('result' in value && value.result !== undefined) return toEngineCell(value.result as CellValue);
    // A formula saved without its value (files written by a program, never saved by Excel): not a blank.
    if ('formula' in value || 'sharedFormula' in value) {
      // A shared formula's own text lives in its master cell; name the formula only when it is here.
      const formula = (value as { formula?: unknown }).formula;
      return new UnsavedFormulaCell(typeof formula === 'string' ? formula : '');
    }
    if ('text' in value && 'hyperlink' in value) return String(value.text);
  }
  return String(value);
}

function readRange(sheet: Worksheet, ref: RangeRef): Cell[][] {
  const rows: Cell[][] = [];
  for (let r = ref.top; r <= ref.bottom; r++) {
    const row = sheet.getRow(r);
    const cells: Cell[] = [];
    for (let c = ref.left; c <= ref.right; c++) cells.push(toEngineCell((row.getCell(c) as XlCell).value));
    rows.push(cells);
  }
  return rows;
}

function tablesOf(sheet: Worksheet): TableLike[] {
  return Object.values((sheet as unknown as { tables?: Record<string, TableLike> }).tables ?? {});
}

function tableRef(table: TableLike): RangeRef | null {
  const ref = table.table?.tableRef ?? table.table?.ref;
  const range = ref ? parseRef(ref) : null;
  // A table's Total Row is a SUBTOTAL line, not a holding.
  if (range && table.table?.totalsRow) range.bottom -= 1;
  return range;
}

function isBlankValue(cell: Cell): boolean {
  return cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '');
}

/**
 * A sheet without a table: from its header to its last non-empty row and column. Every table has at
 * least two columns, so rows above the first with two filled cells are titles ("Our holdings, Q3"),
 * not the header.
 */
function usedRange(sheet: Worksheet): RangeRef | null {
  let top = 0;
  let bottom = 0;
  let left = Number.MAX_SAFE_INTEGER;
  let right = 0;
  sheet.eachRow({ includeEmpty: false }, (row, r) => {
    let filled = 0;
    let rowLeft = Number.MAX_SAFE_INTEGER;
    let rowRight = 0;
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      if (isBlankValue(toEngineCell(cell.value))) return;
      filled++;
      rowLeft = Math.min(rowLeft, c);
      rowRight = Math.max(rowRight, c);
    });
    if (filled === 0 || (top === 0 && filled < 2)) return;
    if (top === 0) top = r;
    bottom = r;
    left = Math.min(left, rowLeft);
    right = Math.max(right, rowRight);
  });
  return top === 0 ? null : { top, left, bottom, right };
}

export class WorkbookTables {
  constructor(private readonly workbook: Workbook) {}

  /** The table the engine calls `name`, or null when the workbook has none by that name. */
  find(name: string): TableInput | null {
    const wanted = name.toLowerCase();
    for (const sheet of this.workbook.worksheets) {
      for (const table of tablesOf(sheet)) {
        const names = [table.table?.name, table.table?.displayName].filter((n): n is string => !!n);
        const ref = tableRef(table);
        if (ref && names.some((n) => n.toLowerCase() === wanted)) return this.input(name, sheet, ref);
      }
    }
    const sheet = this.workbook.worksheets.find((s) => s.name.trim().toLowerCase() === wanted);
    if (!sheet) return null;
    const tables = tablesOf(sheet);
    const ref = tables.length === 1 ? tableRef(tables[0]) : usedRange(sheet);
    return ref ? this.input(name, sheet, ref) : { name, cells: [], headerRow: 1 };
  }

  private input(name: string, sheet: Worksheet, ref: RangeRef): TableInput {
    return { name, cells: readRange(sheet, ref), headerRow: ref.top };
  }
}
