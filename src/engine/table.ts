/**
 * Reading a 2-D array whose first row is a header: columns are found by name (case-insensitive,
 * with synonyms, punctuation ignored), unknown columns are ignored, blank rows are skipped, and
 * every problem is raised with the table, the Excel row number and the column's header.
 */
import {
  Cell,
  isBlankOrZero,
  Parsed,
  readBoolean,
  readDate,
  readNumber,
  readPercent,
  readPercentParts,
  readPrice,
  readText,
  unreadableCell,
} from './cells';
import { IsoDate } from './dates';
import { InputError, oneLine, Place } from './errors';
import { MAX_ROW_AMOUNT } from './money';

/** A table as an adapter hands it over: its name, its cells (header first) and where it sits. */
export interface TableInput {
  /** The table's name as the user knows it ("Holdings"), used in every message. */
  readonly name: string;
  readonly cells: readonly (readonly Cell[])[];
  /** The worksheet row of the header (1 when unknown), so messages use Excel's row numbers. */
  readonly headerRow?: number;
  /**
   * The worksheet row of each row of `cells` (header first), for a reader that hands over only the
   * rows holding data (a sheet with a stray note at row 1,048,576 costs its data, not its extent).
   * Without it the rows are consecutive from `headerRow`.
   */
  readonly rowNumbers?: readonly number[];
}

export interface ColumnSpec<K extends string> {
  readonly key: K;
  /** The name used in messages when the column is missing. */
  readonly label: string;
  /** Accepted headers, first is canonical. */
  readonly names: readonly string[];
}

export function normaliseHeader(header: string): string {
  return header
    .toLowerCase()
    .replace(/%/g, ' % ') // "Target%" and "Target (%)" are "Target %"
    .replace(/[^a-z0-9%]+/g, ' ')
    .trim();
}

/** Where each column of `specs` is in a header row: the first header matching one of its names. */
export function headerColumns<K extends string>(header: readonly Cell[], specs: readonly ColumnSpec<K>[]): Partial<Record<K, number>> {
  const lookup = new Map<string, K>();
  for (const spec of specs) for (const n of spec.names) lookup.set(normaliseHeader(n), spec.key);
  const index: Partial<Record<K, number>> = {};
  header.forEach((cell, i) => {
    if (typeof cell !== 'string') return;
    const key = lookup.get(normaliseHeader(cell));
    if (key !== undefined && index[key] === undefined) index[key] = i;
  });
  return index;
}

export class TableReader<K extends string> {
  readonly name: string;
  private readonly cells: readonly (readonly Cell[])[];
  private readonly headerRow: number;
  private readonly rowNumbers: readonly number[] | null;
  private readonly index: Partial<Record<K, number>>;
  private readonly headers: Partial<Record<K, string>> = {};
  private readonly specs: readonly ColumnSpec<K>[];

  constructor(input: TableInput, specs: readonly ColumnSpec<K>[]) {
    this.name = input.name;
    this.cells = input.cells;
    this.rowNumbers = input.rowNumbers ?? null;
    this.headerRow = this.rowNumbers?.[0] ?? input.headerRow ?? 1;
    this.specs = specs;
    const header = input.cells[0];
    if (!header || input.cells.length === 0) {
      throw new InputError({ table: this.name, row: null, column: null }, 'the range is empty (it needs a header row)');
    }
    this.index = headerColumns(header, specs);
    // A wrapped header ("Market⏎Value") is named on one line in messages.
    for (const [key, i] of Object.entries(this.index) as [K, number][]) this.headers[key] = oneLine(String(header[i]).replace(/\s+/g, ' ')).trim();
    if (Object.keys(this.index).length === 0) {
      const expected = specs.map((s) => s.label).join(', ');
      throw new InputError(
        this.place(this.headerRow, null),
        `the first row has no recognisable header (expected columns such as ${expected}); select the range with its header row, e.g. ${this.name}[#All]`,
      );
    }
  }

  has(key: K): boolean {
    return this.index[key] !== undefined;
  }

  /** The header as the user wrote it, or the canonical label when the column is absent. */
  columnName(key: K): string {
    return this.headers[key] ?? this.spec(key).label;
  }

  /** Throws naming the column when none of its synonyms is in the header. */
  require(key: K): void {
    if (this.has(key)) return;
    const spec = this.spec(key);
    const names = spec.names.join(', ');
    throw new InputError(this.place(this.headerRow, spec.label), `no ${spec.label} column (looked for ${names})`);
  }

  get dataRowCount(): number {
    return this.cells.length - 1;
  }

  /** Calls `visit` for each non-blank data row with a cursor positioned on it (the cursor is reused). */
  forEachRow(visit: (row: RowCursor<K>) => void): void {
    const cursor = new RowCursor<K>(this);
    const used = Object.values(this.index) as number[];
    const isBlankRow = (cells: readonly Cell[]) => {
      for (let i = 0; i < used.length; i++) if (!isBlankOrZero(cells[used[i]])) return false;
      return true;
    };
    for (let r = 1; r < this.cells.length; r++) {
      const cells = this.cells[r];
      if (!cells || isBlankRow(cells)) continue;
      cursor.moveTo(cells, this.rowNumbers ? this.rowNumbers[r] : this.headerRow + r);
      visit(cursor);
    }
  }

  place(row: number | null, column: string | null): Place {
    return { table: this.name, row, column };
  }

  columnIndex(key: K): number | undefined {
    return this.index[key];
  }

  private spec(key: K): ColumnSpec<K> {
    const spec = this.specs.find((s) => s.key === key);
    if (!spec) throw new Error(`unknown column key ${key}`);
    return spec;
  }
}

/** One row of a table; every reader returns null for a blank or absent column and throws for junk. */
export class RowCursor<K extends string> {
  private cells: readonly Cell[] = [];
  /** The worksheet row number. */
  excelRow = 0;

  constructor(private readonly table: TableReader<K>) {}

  moveTo(cells: readonly Cell[], excelRow: number): void {
    this.cells = cells;
    this.excelRow = excelRow;
  }

  raw(key: K): Cell {
    const i = this.table.columnIndex(key);
    return i === undefined ? null : this.cells[i];
  }

  place(key: K | null): Place {
    return this.table.place(this.excelRow, key === null ? null : this.table.columnName(key));
  }

  fail(key: K | null, detail: string): never {
    throw new InputError(this.place(key), detail);
  }

  private take<T>(key: K, parsed: Parsed<T>): T | null {
    if (!parsed.ok) this.fail(key, parsed.problem);
    return parsed.value;
  }

  // The common cases (a plain string, a finite number, an empty cell) are answered inline: a table of
  // 100k rows reads most of its cells this way, without a Parsed object per cell.

  text(key: K): string | null {
    const cell = this.raw(key);
    if (typeof cell === 'string') {
      const text = cell.trim();
      // "#N/A" and its kind are Excel's errors as Office.js hands them over, never names.
      if (text.charCodeAt(0) === 35) {
        const problem = unreadableCell(text);
        if (problem !== null) this.fail(key, problem);
      }
      return text === '' ? null : text;
    }
    if (cell === null || cell === undefined) return null;
    return this.take(key, readText(cell));
  }

  number(key: K): number | null {
    const cell = this.raw(key);
    if (typeof cell === 'number' && Number.isFinite(cell)) return cell;
    if (cell === null || cell === undefined) return null;
    return this.take(key, readNumber(cell));
  }

  /** A number that may not be negative. */
  nonNegative(key: K): number | null {
    const n = this.number(key);
    if (n !== null && n < 0) this.fail(key, `${n} is negative`);
    return n;
  }

  /** An amount of money (a value, a basis, a contribution): a number no larger than MAX_ROW_AMOUNT either way. */
  amount(key: K, options: { negative?: boolean } = {}): number | null {
    const n = options.negative ? this.number(key) : this.nonNegative(key);
    if (n !== null) checkAmount(this, key, n);
    return n;
  }

  price(key: K): number | null {
    const cell = this.raw(key);
    const n = typeof cell === 'number' && Number.isFinite(cell) ? cell : this.take(key, readPrice(cell));
    if (n !== null && n < 0) this.fail(key, `the price ${n} is negative`);
    if (n !== null) checkAmount(this, key, n);
    return n;
  }

  percent(key: K): number | null {
    return this.take(key, readPercent(this.raw(key)));
  }

  percentParts(key: K): { amount: number; percentSign: boolean } | null {
    const cell = this.raw(key);
    if (typeof cell === 'number' && Number.isFinite(cell)) return { amount: cell, percentSign: false };
    if (cell === null || cell === undefined) return null;
    return this.take(key, readPercentParts(cell));
  }

  date(key: K): IsoDate | null {
    const cell = this.raw(key);
    if (cell === null || cell === undefined) return null;
    return this.take(key, readDate(cell));
  }

  boolean(key: K): boolean | null {
    return this.take(key, readBoolean(this.raw(key)));
  }
}

/** Refuses an amount beyond a trillion dollars, naming the cell: no single row holds that much. */
export function checkAmount<K extends string>(row: RowCursor<K>, key: K | null, dollars: number, what?: string): void {
  if (!(Math.abs(dollars) <= MAX_ROW_AMOUNT)) {
    const shown = Number.isFinite(dollars) ? String(dollars) : 'too large to compute';
    const amount = what === undefined ? `${shown} is` : `${what} is ${shown},`;
    row.fail(key, `${amount} beyond $1 trillion, more than one row can hold; check the number`);
  }
}
