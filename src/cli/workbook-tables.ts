/**
 * Finding the household's tables in an ExcelJS workbook: by Excel table name first, then by sheet
 * name (case-insensitive). A sheet found by its name is read as its one table, as a plain range when
 * it has none, and is an error when it has several (none of them named for what is wanted). Data
 * outside the table that is read is never read. Cells become the engine's Cell values; only the rows
 * that hold data are handed over, with Excel's own row numbers, so a note in XFD1048576 or a table
 * that reaches the last row costs what the data costs.
 */
import type { CellValue, Row, Workbook, Worksheet } from 'exceljs';
import { ExcelErrorCell, UnsavedFormulaCell, warning } from '../engine';
import type { Cell, TableInput, Warning } from '../engine';

interface RangeRef {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

interface TableLike {
  table?: { name?: string; displayName?: string; tableRef?: string; ref?: string; autoFilterRef?: string; headerRow?: boolean; totalsRow?: boolean };
}

/** An Excel table on a sheet, with what messages call it. */
export interface SheetTable {
  readonly sheet: Worksheet;
  /** The name Excel shows (Table Design > Table Name). */
  readonly name: string;
  readonly names: readonly string[];
  /** The rows to read: the header and the data, without a Total Row. */
  readonly ref: RangeRef;
  /** Where it sits, as the user would select it ("A1:H1048576"). */
  readonly address: string;
  /** ExcelJS's own record of the table, whose ref a command that grows or shrinks the table updates. */
  readonly model: NonNullable<TableLike['table']>;
}

/** The workbook's tables cannot be told apart (several on a sheet, none named for what is wanted). */
export class TableLookupError extends Error {}

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

function isBlankValue(cell: Cell): boolean {
  return cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '');
}

/** Where to read: the header's row, the last row, and the worksheet columns to take, in order. */
export interface ReadArea {
  readonly top: number;
  readonly bottom: number;
  readonly columns: readonly number[];
}

const columnsOf = (ref: RangeRef): number[] => Array.from({ length: ref.right - ref.left + 1 }, (_, i) => ref.left + i);

/**
 * The given columns of an existing row. `findCell` looks without creating: `getCell` would add a
 * cell (and `getRow` a row) to the user's sheet, which the output workbook would then carry.
 */
function rowCells(row: Row | undefined, columns: readonly number[]): Cell[] {
  return columns.map((c) => (row ? toEngineCell(row.findCell(c)?.value ?? null) : null));
}

/**
 * The header row and every row below it, down to `bottom`, that holds something in its columns. The
 * engine skips blank rows anyway; handing over only these (with their row numbers) keeps the cost to
 * the rows that exist.
 */
function readRows(name: string, rows: readonly Row[], area: ReadArea): TableInput {
  const header = rows.find((r) => r.number === area.top);
  const cells: Cell[][] = [rowCells(header, area.columns)];
  const rowNumbers = [area.top];
  for (const row of rows) {
    if (row.number <= area.top) continue;
    if (row.number > area.bottom) break;
    const values = rowCells(row, area.columns);
    if (values.every(isBlankValue)) continue;
    cells.push(values);
    rowNumbers.push(row.number);
  }
  return { name, cells, headerRow: area.top, rowNumbers };
}

/**
 * A sheet without a table: its header is the first row with two filled cells (every table has at
 * least two columns, so rows above it are titles such as "Our holdings, Q3"); its columns are the
 * header's filled cells, so a note far to the right of the data is not a column, and one in the
 * header's row (XFD1) is one unknown column rather than sixteen thousand; its rows are all below.
 */
function plainRange(rows: readonly Row[]): ReadArea | null {
  for (const row of rows) {
    const columns: number[] = [];
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      if (!isBlankValue(toEngineCell(cell.value))) columns.push(c);
    });
    if (columns.length >= 2) return { top: row.number, bottom: Number.MAX_SAFE_INTEGER, columns };
  }
  return null;
}

function tablesOf(sheet: Worksheet): SheetTable[] {
  const tables = Object.values((sheet as unknown as { tables?: Record<string, TableLike> }).tables ?? {});
  const found: SheetTable[] = [];
  for (const { table } of tables) {
    const address = table?.tableRef ?? table?.ref;
    const ref = address ? parseRef(address) : null;
    const names = [table?.displayName, table?.name].filter((n): n is string => !!n);
    if (!ref || names.length === 0) continue;
    // A table's Total Row is a SUBTOTAL line, not a holding.
    if (table?.totalsRow) ref.bottom -= 1;
    found.push({ sheet, name: names[0], names, ref, address: address!.replace(/\$/g, '').toUpperCase(), model: table! });
  }
  return found;
}

const key = (name: string) => name.trim().toLowerCase();

const areaOf = (table: SheetTable): ReadArea => ({ top: table.ref.top, bottom: table.ref.bottom, columns: columnsOf(table.ref) });

/** A table found for a name: its sheet, the Excel table when there is one, and the area it covers. */
export interface TableLocation {
  readonly sheet: Worksheet;
  readonly table: SheetTable | null;
  readonly area: ReadArea | null;
}

/** tablesOf builds its objects afresh on each call, so a table is known again by its sheet and name. */
const tableId = (t: SheetTable) => `${t.sheet.name}\u0000${t.name}`;

/** "Kids at A1:D6, Table3 at F1:H9" */
const listTables = (tables: readonly SheetTable[]) => tables.map((t) => `${t.name} at ${t.address}`).join(', ');

export class WorkbookTables {
  private readonly rowsBySheet = new Map<Worksheet, Row[]>();
  /** Every table handed out, and the tables found by their own name with what they were read as. */
  private readonly handedOut = new Set<string>();
  private readonly foundByName: { table: SheetTable; as: string }[] = [];

  constructor(private readonly workbook: Workbook) {}

  /**
   * The table the engine calls `name`, or null when the workbook has none by that name. Throws
   * TableLookupError for a sheet of that name with several tables, none of them named so.
   */
  find(name: string): TableInput | null {
    const found = this.locate(name);
    if (!found) return null;
    if (found.table) this.handedOut.add(tableId(found.table));
    return found.area ? readRows(name, this.rowsOf(found.sheet), found.area) : { name, cells: [], headerRow: 1 };
  }

  /**
   * Where the table the engine calls `name` sits: its sheet, the Excel table (null for a plain range)
   * and the area read (null for an empty sheet). The same lookup as `find`, for a command that
   * writes back into the table it read.
   */
  locate(name: string): TableLocation | null {
    const wanted = key(name);
    for (const sheet of this.workbook.worksheets) {
      const table = tablesOf(sheet).find((t) => t.names.some((n) => key(n) === wanted));
      if (table) {
        this.foundByName.push({ table, as: name });
        return { sheet, table, area: areaOf(table) };
      }
    }
    const sheet = this.workbook.worksheets.find((s) => key(s.name) === wanted);
    if (!sheet) return null;
    const tables = tablesOf(sheet);
    if (tables.length > 1) {
      throw new TableLookupError(
        `the sheet ${sheet.name} has ${tables.length} tables (${listTables(tables)}) and none is named ${name}; name the one to read "${name}" (Table Design > Table Name)`,
      );
    }
    if (tables.length === 1) return { sheet, table: tables[0], area: areaOf(tables[0]) };
    return { sheet, table: null, area: plainRange(this.rowsOf(sheet)) };
  }

  /**
   * The tables that share a sheet with a table found by its name and were not read themselves (a
   * kid's account in a second table beside Holdings): their rows count nowhere, so the user is told.
   */
  warnings(): Warning[] {
    const warned = new Set<Worksheet>();
    const result: Warning[] = [];
    for (const { table, as } of this.foundByName) {
      if (warned.has(table.sheet)) continue;
      const unread = tablesOf(table.sheet).filter((t) => !this.handedOut.has(tableId(t)));
      if (unread.length === 0) continue;
      warned.add(table.sheet);
      const [them, are, their] = unread.length === 1 ? ['the table', 'is', 'its'] : ['the tables', 'are', 'their'];
      const list = unread.map((t) => `${t.name} (${t.address})`).join(', ');
      result.push(
        warning(
          'tableNotRead',
          { table: as, row: null, column: null },
          `the sheet ${table.sheet.name} also holds ${them} ${list}, which ${are} not read: only the table named ${table.name} is; move ${their} rows into ${table.name} to count them`,
        ),
      );
    }
    return result;
  }

  /** The rows that exist, once per sheet (every table on a sheet reads from the same list). */
  rowsOf(sheet: Worksheet): Row[] {
    let rows = this.rowsBySheet.get(sheet);
    if (!rows) {
      rows = existingRows(sheet);
      this.rowsBySheet.set(sheet, rows);
    }
    return rows;
  }
}

/**
 * The rows that hold values, in order. ExcelJS keeps rows in a sparse array and `eachRow` visits
 * every slot up to its length: with a note in row 1,048,576 that is a million empty slots, about
 * 40 ms per sheet here, more than reading 1,000 holdings. The array's own keys are only the rows that
 * exist. `eachRow` remains for an ExcelJS that keeps its rows otherwise.
 */
function existingRows(sheet: Worksheet): Row[] {
  const rows: Row[] = [];
  const sparse = (sheet as unknown as { _rows?: unknown })._rows;
  if (!Array.isArray(sparse)) {
    sheet.eachRow({ includeEmpty: false }, (row) => rows.push(row));
    return rows;
  }
  for (const key in sparse) {
    const row = sparse[Number(key)] as Row | undefined;
    if (row?.hasValues) rows.push(row);
  }
  // Array index keys come in ascending order; the sort is a guard, not the rule.
  for (let i = 1; i < rows.length; i++) {
    if (rows[i].number < rows[i - 1].number) return rows.sort((a, b) => a.number - b.number);
  }
  return rows;
}
