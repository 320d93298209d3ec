/**
 * Reading the cells of broker files: money as the brokers write it (`$1,234.56`, `"$1,234.56 "`,
 * `+$1.00`, `-$1.00`, `($1.00)`, `.0066`), missing values (`--`, `n/a`, `Incomplete`, blank), dates
 * in the forms the files use, and header names matched without regard to case or to the
 * `Abbrev (Full name)` form. A cell that is none of these is an error naming the file, line and column.
 */
import { IsoDate, parseIsoDate } from '../dates';
import { cents, Cents, decimalToCents, productCents } from '../money';
import { CsvRow } from './csv';
import { ImportError } from './model';

const MISSING = new Set(['', '-', '--', 'n/a', 'na', 'incomplete', 'none']);

export function isMissing(text: string | undefined): boolean {
  if (text === undefined) return true;
  // A digit or a $ starts an amount, never a missing mark: most cells are answered here.
  const first = text.charCodeAt(0);
  if ((first >= 48 && first <= 57) || first === 36) return false;
  return MISSING.has(text.trim().toLowerCase());
}

const MONEY = /^([+-]?)\s*\$?\s*([+-]?)(\d{1,3}(?:,\d{3})+|\d*)(\.\d+)?$/;

/** The decimal text of a money or number cell ("-1234.56"), null when missing, undefined when it is not a number. */
export function decimalText(cell: string | undefined): string | null | undefined {
  if (isMissing(cell)) return null;
  let text = cell!.trim().replace(/\u2212/g, '-');
  let negative = false;
  if (/^\(.*\)$/.test(text)) {
    negative = true;
    text = text.slice(1, -1).trim();
  }
  const m = MONEY.exec(text);
  if (!m || (m[3] === '' && m[4] === undefined) || (m[1] !== '' && m[2] !== '')) return undefined;
  if (m[1] === '-' || m[2] === '-') negative = !negative;
  const digits = `${m[3].replace(/,/g, '') || '0'}${m[4] ?? ''}`;
  return negative && Number(digits) !== 0 ? `-${digits}` : digits;
}

/** Whole dollars and at most two decimals, small enough that cents are an exact integer. */
const PLAIN_AMOUNT = /^(-?)(\d{1,13})(?:\.(\d{1,2}))?$/;

/**
 * Cents of a decimal amount, exactly: the amounts brokers write (two decimals at most) by integer
 * arithmetic, anything finer rounded half-up by decimal.js.
 */
export function exactCents(text: string): Cents {
  const m = PLAIN_AMOUNT.exec(text);
  if (!m) return decimalToCents(text);
  const c = Number(m[2]) * 100 + Number((m[3] ?? '').padEnd(2, '0'));
  return cents(m[1] === '-' && c !== 0 ? -c : c);
}

/** The columns of a header row, by the names a broker uses, and the readers for one data row. */
export class Columns {
  private readonly index = new Map<string, number>();
  private readonly answers = new Map<string, number | undefined>();

  constructor(
    readonly file: string,
    readonly header: readonly string[],
  ) {
    header.forEach((cell, i) => {
      for (const name of headerNames(cell)) if (!this.index.has(name)) this.index.set(name, i);
    });
  }

  /** The first of `names` that is a column here, as its index; undefined when none is. */
  find(...names: string[]): number | undefined {
    // Readers ask per row (IBKR's sections change their columns as they go): each question is answered once.
    const key = names.join('\u0000');
    if (this.answers.has(key)) return this.answers.get(key);
    let found: number | undefined;
    for (const n of names) {
      found = this.index.get(normalise(n));
      if (found !== undefined) break;
    }
    this.answers.set(key, found);
    return found;
  }

  has(...names: string[]): boolean {
    return this.find(...names) !== undefined;
  }

  name(column: number): string {
    return this.header[column] ?? `#${column + 1}`;
  }

  text(row: CsvRow, column: number | undefined): string | null {
    if (column === undefined) return null;
    const cell = row.cells[column];
    return isMissing(cell) ? null : cell.trim();
  }

  /** A plain number (shares, a price). */
  number(row: CsvRow, column: number | undefined): number | null {
    const text = this.decimal(row, column);
    return text === null ? null : Number(text);
  }

  /** An amount of money, in cents, exactly as the file wrote it. */
  cents(row: CsvRow, column: number | undefined): Cents | null {
    const text = this.decimal(row, column);
    return text === null ? null : exactCents(text);
  }

  date(row: CsvRow, column: number | undefined): IsoDate | null {
    const text = this.text(row, column);
    if (text === null || column === undefined) return null;
    const iso = readBrokerDate(text);
    if (iso === null) throw new ImportError(this.file, row.line, `"${text}" is not a date`, this.name(column));
    return iso;
  }

  private decimal(row: CsvRow, column: number | undefined): string | null {
    if (column === undefined) return null;
    const cell = row.cells[column];
    const text = decimalText(cell);
    if (text === undefined) throw new ImportError(this.file, row.line, `"${cell.slice(0, 60)}" is not a number`, this.name(column));
    return text;
  }
}

/** Lower case, punctuation as spaces: "Qty (Quantity)" answers to "qty" and to "quantity", "Value $" to "value". */
function normalise(name: string): string {
  return name
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9%]+/g, ' ')
    .trim();
}

function headerNames(cell: string): string[] {
  const names = [normalise(cell)];
  const m = /^(.*?)\s*\((.*)\)\s*$/.exec(cell);
  if (m) names.push(normalise(m[1]), normalise(m[2]));
  // "Value $", "Last Price $": the currency sign is not part of the name.
  const noSign = normalise(cell.replace(/\$/g, ''));
  if (!names.includes(noSign)) names.push(noSign);
  return names.filter((n) => n !== '');
}

/** Each row's header names, worked out once: the recognisers ask every row whether it is their header. */
const namesOfRow = new WeakMap<CsvRow, Set<string>>();

/** A cell that names a column is text: a number or an amount never is, so such a row is answered at once. */
const LOOKS_LIKE_DATA = /^[-+($.\d]/;

/** Does this row have every one of `names` (alternatives as "a|b") as a column? (For finding a header by its content.) */
export function rowHasColumns(row: CsvRow, ...names: string[]): boolean {
  let present = namesOfRow.get(row);
  if (!present) {
    present = new Set(row.cells.filter((c) => c !== '' && !LOOKS_LIKE_DATA.test(c)).flatMap(headerNames));
    namesOfRow.set(row, present);
  }
  const has = present;
  return names.length > 0 && names.every((n) => n.split('|').some((alt) => has.has(normalise(alt))));
}

/** Any header naming one of the alternatives "a|b|c". */
export function anyOf(...names: string[]): string {
  return names.join('|');
}

/**
 * ISO dates, `YYYY-MM-DD, HH:MM:SS` (IBKR lots), `YYYYMMDD` and `YYYYMMDD;HHMMSS` (Flex queries) and
 * `MM/DD/YYYY` (US brokers: their files are US-only, so the order is not ambiguous here).
 */
export function readBrokerDate(text: string): IsoDate | null {
  const t = text.trim();
  let m = /^(\d{4}-\d{2}-\d{2})(?:[ ,;T].*)?$/.exec(t);
  if (m) return parseIsoDate(m[1]);
  m = /^(\d{4})(\d{2})(\d{2})(?:[;, ].*)?$/.exec(t);
  if (m) return parseIsoDate(`${m[1]}-${m[2]}-${m[3]}`);
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t);
  if (m) return parseIsoDate(`${m[3]}-${m[1].padStart(2, '0')}-${m[2].padStart(2, '0')}`);
  return null;
}

/** Shares × price per share, in cents: a total cost from a per-share one (E*TRADE's Price Paid). */
export function totalCents(shares: number | null, perShare: number | null): Cents | null {
  return shares === null || perShare === null ? null : productCents(shares, perShare);
}
