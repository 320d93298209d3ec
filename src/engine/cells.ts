/**
 * What a cell can hold when it reaches the engine, and the normalisers that turn Excel's messy input
 * into typed values. Blank cells arrive as null, undefined, "" or (on older desktop builds) 0; dates
 * as serial numbers; percentages as fractions; Stocks data-type cells as entity objects.
 * Each normaliser returns null for a blank and a problem string for a value it cannot read, so the
 * caller can throw with the table, row and column.
 */
import { dateToIso, excelSerialToIso, IsoDate, parseIsoDate } from './dates';
import { oneLine } from './errors';

/**
 * A Stocks (or other) data-type cell, in the shape Excel's `valuesAsJson` gives an entity
 * (Excel.EntityCellValue / LinkedEntityCellValue): `type`, the `text` Excel shows, and `properties`
 * whose values are cell values with a `basicValue`. The task pane's adapter hands these over where
 * the host has ExcelApi 1.16; the custom functions never receive them (see docs/decisions.md).
 */
export interface EntityCell {
  readonly [property: string]: unknown;
}

/**
 * An Excel error value (`#N/A`, `#REF!`, …) in a cell. Adapters hand it over as this, or as the
 * error's text (Office.js `Range.values` does), or as a `CustomFunctions.Error` ({ code: "#N/A" });
 * the engine reads all three as the same error and never as a name, a number or a blank.
 */
export class ExcelErrorCell {
  constructor(readonly code: string) {}
}

/**
 * A formula cell whose result was never saved: a file written by a program (a script, a library),
 * never opened and saved in Excel, has formulas without values. Reading it as blank would be a guess.
 */
export class UnsavedFormulaCell {
  constructor(readonly formula: string) {}
}

export type Cell = string | number | boolean | Date | null | undefined | EntityCell | ExcelErrorCell | UnsavedFormulaCell;

export type Parsed<T> = { ok: true; value: T | null } | { ok: false; problem: string };

const ok = <T>(value: T | null): Parsed<T> => ({ ok: true, value });
const bad = <T>(problem: string): Parsed<T> => ({ ok: false, problem });

/** Every error value Excel can show in a cell, as its text. */
const ERROR_TEXT = /^#(NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|GETTING_DATA|SPILL!|CONNECT!|BLOCKED!|UNKNOWN!|FIELD!|CALC!|BUSY!|EXTERNAL!|PYTHON!|TIMEOUT!)$/i;

/** The error code (`#N/A`) when the cell holds an Excel error in any of the forms adapters hand over, else null. */
export function excelErrorOf(cell: Cell): string | null {
  if (typeof cell === 'string') return cell.charCodeAt(0) === 35 && ERROR_TEXT.test(cell.trim()) ? cell.trim().toUpperCase() : null;
  if (cell instanceof ExcelErrorCell) return cell.code;
  if (typeof cell === 'object' && cell !== null && !(cell instanceof Date) && !(cell instanceof UnsavedFormulaCell)) {
    const code = (cell as { code?: unknown }).code; // a CustomFunctions.Error handed in as an input
    if (typeof code === 'string' && ERROR_TEXT.test(code.trim())) return code.trim().toUpperCase();
  }
  return null;
}

/** What a cell that cannot be read at all (an error value, an unsaved formula) is, for a message; null for any other cell. */
export function unreadableCell(cell: Cell): string | null {
  if (cell instanceof UnsavedFormulaCell) {
    const formula = cell.formula === '' ? 'the formula here' : `the formula ${quoteText(cell.formula.startsWith('=') ? cell.formula : `=${cell.formula}`)}`;
    return `${formula} has no saved result (the file was written by a program, not saved by Excel); open the file in Excel, save it, and run again`;
  }
  const code = excelErrorOf(cell);
  return code === null ? null : `the cell holds the error ${code}; fix the cell (or the formula it comes from) first`;
}

export function isEntity(cell: Cell): cell is EntityCell {
  // excelErrorOf also answers for ExcelErrorCell and a CustomFunctions.Error.
  return typeof cell === 'object' && cell !== null && !(cell instanceof Date) && !(cell instanceof UnsavedFormulaCell) && excelErrorOf(cell) === null;
}

export function isBlank(cell: Cell): boolean {
  return cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '');
}

/** Blank, or the 0 that older Excel builds send for an empty cell. */
export function isBlankOrZero(cell: Cell): boolean {
  return isBlank(cell) || cell === 0;
}

function entityProperty(entity: EntityCell, name: string): unknown {
  const props = entity.properties;
  if (typeof props !== 'object' || props === null) return undefined;
  const wanted = name.toLowerCase();
  for (const [key, prop] of Object.entries(props as Record<string, unknown>)) {
    if (key.toLowerCase() !== wanted) continue;
    if (typeof prop === 'object' && prop !== null && 'basicValue' in prop) {
      return (prop as { basicValue: unknown }).basicValue;
    }
    return prop;
  }
  return undefined;
}

function entityText(entity: EntityCell): string | null {
  for (const candidate of [entity.text, entity.basicValue, entity.displayString]) {
    if (typeof candidate === 'string' && candidate.trim() !== '') return candidate.trim();
  }
  return null;
}

/** How much of a cell's text a message quotes. */
export const QUOTE_LIMIT = 60;

/** A cell's text as a message quotes it: on one line, cut at QUOTE_LIMIT characters. */
export function quoteText(text: string): string {
  const chars = [...oneLine(text)];
  return `"${chars.length > QUOTE_LIMIT ? `${chars.slice(0, QUOTE_LIMIT).join('')}…` : chars.join('')}"`;
}

/** Shows a cell in a message as a noun phrase: text quoted, a data-type value by its quoted text. */
export function showCell(cell: Cell): string {
  if (typeof cell === 'string') return quoteText(cell);
  if (cell instanceof Date) return dateToIso(cell) ?? 'an invalid date';
  const code = excelErrorOf(cell);
  if (code !== null) return code;
  if (cell instanceof UnsavedFormulaCell) return cell.formula === '' ? 'an unsaved formula' : `the unsaved formula ${quoteText(cell.formula)}`;
  if (isEntity(cell)) {
    const text = entityText(cell);
    return text === null ? 'a data-type value with no text' : `the data-type value ${quoteText(text)}`;
  }
  return String(cell);
}

/**
 * Text; 0 (an older build's blank) counts as blank. A data-type cell is refused: what Excel shows
 * for a Stocks cell is the company's name, and reading that as a ticker would be a guess (the field
 * that holds the symbol is not one Microsoft's documentation names).
 */
export function readText(cell: Cell): Parsed<string> {
  const unreadable = unreadableCell(cell);
  if (unreadable !== null) return bad(unreadable);
  if (isBlankOrZero(cell)) return ok(null);
  if (typeof cell === 'string') return ok(cell.trim());
  if (typeof cell === 'number' || typeof cell === 'boolean') return ok(String(cell));
  if (cell instanceof Date) return ok(dateToIso(cell));
  if (isEntity(cell)) return bad(`${showCell(cell)} is not plain text; type it as text (a Stocks cell can stay in a column of its own)`);
  return bad(`${showCell(cell)} is not text`);
}

const NUMBER_TEXT = /^[+-]?(\d{1,3}(,\d{3})+|\d+)?(\.\d+)?$/;

/**
 * Reads "1,234.50", "$1,234.50", "$ 1,234.50", "(12.00)", "−3" as numbers. A space may follow a sign,
 * a currency sign or a parenthesis, never sit between digits: "25 40" is two numbers or a typo, and
 * reading it as 2540 would be a guess.
 */
function parseNumberText(raw: string): number | null {
  let text = raw.trim().replace(/\u2212/g, '-');
  let negative = false;
  if (/^\(.*\)$/.test(text)) {
    negative = true;
    text = text.slice(1, -1).trim();
  }
  text = text.replace(/^([+-]?)\s*[$€£]\s*/, '$1').replace(/^([+-])\s+/, '$1');
  if (text === '' || text === '.' || !NUMBER_TEXT.test(text)) return null;
  const n = Number(text.replace(/,/g, ''));
  if (!Number.isFinite(n)) return null;
  return negative ? -n : n;
}

/** A plain number. Blank is null; a "%" string is refused (use readPercent for such columns). */
export function readNumber(cell: Cell): Parsed<number> {
  const unreadable = unreadableCell(cell);
  if (unreadable !== null) return bad(unreadable);
  if (isBlank(cell)) return ok(null);
  if (typeof cell === 'number') return Number.isFinite(cell) ? ok(cell) : bad(`${cell} is not a number`);
  if (typeof cell === 'string') {
    const n = parseNumberText(cell);
    return n === null ? bad(`${showCell(cell)} is not a number`) : ok(n);
  }
  return bad(`${showCell(cell)} is not a number`);
}

/**
 * A price: a number, or the `Price` field of a Stocks data-type cell (the field Microsoft's
 * FIELDVALUE documentation reads, `=FIELDVALUE(A2, "Price")`).
 */
export function readPrice(cell: Cell): Parsed<number> {
  if (isEntity(cell)) {
    const price = entityProperty(cell, 'Price');
    if (typeof price === 'number' && Number.isFinite(price)) return ok(price);
    return bad(`${showCell(cell)} has no Price`);
  }
  return readNumber(cell);
}

/**
 * A percent number as a fraction, the double nearest the exact decimal: 7 → 0.07 and 0.07 → 0.0007,
 * where float's 0.07 / 100 is 0.0007000000000000001.
 */
export function percentToFraction(percent: number): number {
  // 15 significant digits is what a typed percentage can carry; rounding there drops float's residue
  // as decimal.js would, at a fraction of its cost (Funds tables run to 100k rows).
  return Number((percent / 100).toPrecision(15));
}

/**
 * A weight or rate written as a fraction (0.6), a percent string ("60%") or a percent number (60).
 * Returns the number as written and whether it carried a % sign; the caller decides between
 * fraction and percent number (by a column's sum, or by the setting's rule).
 */
export function readPercentParts(cell: Cell): Parsed<{ amount: number; percentSign: boolean }> {
  const unreadable = unreadableCell(cell);
  if (unreadable !== null) return bad(unreadable);
  if (typeof cell === 'string' && cell.trim().endsWith('%')) {
    const n = parseNumberText(cell.trim().slice(0, -1));
    return n === null ? bad(`${showCell(cell)} is not a percentage`) : ok({ amount: percentToFraction(n), percentSign: true });
  }
  const n = readNumber(cell);
  if (!n.ok) return bad(`${showCell(cell)} is not a percentage`);
  return n.value === null ? ok(null) : ok({ amount: n.value, percentSign: false });
}

/**
 * A single percentage setting or band: "5%" and 0.05 are 5%, and so is 5 (a number of 1 or more is
 * read as a percent number, since no band or rate of 100% or more makes sense).
 */
export function readPercent(cell: Cell): Parsed<number> {
  const parts = readPercentParts(cell);
  if (!parts.ok || parts.value === null) return parts as Parsed<number>;
  const { amount, percentSign } = parts.value;
  return ok(percentSign || Math.abs(amount) < 1 ? amount : percentToFraction(amount));
}

/** A date: an Excel serial, a JS Date (ExcelJS), or an ISO string. 0 counts as blank. */
export function readDate(cell: Cell): Parsed<IsoDate> {
  const unreadable = unreadableCell(cell);
  if (unreadable !== null) return bad(unreadable);
  if (isBlankOrZero(cell)) return ok(null);
  if (typeof cell === 'number') {
    const iso = excelSerialToIso(cell);
    return iso === null ? bad(`${cell} is not a date`) : ok(iso);
  }
  if (cell instanceof Date) {
    const iso = dateToIso(cell);
    return iso === null ? bad('the date is invalid') : ok(iso);
  }
  if (typeof cell === 'string') {
    const iso = parseIsoDate(cell);
    return iso === null ? bad(`${showCell(cell)} is not a date (use an Excel date or YYYY-MM-DD)`) : ok(iso);
  }
  return bad(`${showCell(cell)} is not a date`);
}

const TRUE_WORDS = new Set(['true', 'yes', 'y', '1']);
const FALSE_WORDS = new Set(['false', 'no', 'n', '0']);

/** TRUE/FALSE, Yes/No, Y/N, 1/0. */
export function readBoolean(cell: Cell): Parsed<boolean> {
  const unreadable = unreadableCell(cell);
  if (unreadable !== null) return bad(unreadable);
  if (isBlank(cell)) return ok(null);
  if (typeof cell === 'boolean') return ok(cell);
  if (cell === 1 || cell === 0) return ok(cell === 1);
  if (typeof cell === 'string') {
    const word = cell.trim().toLowerCase();
    if (TRUE_WORDS.has(word)) return ok(true);
    if (FALSE_WORDS.has(word)) return ok(false);
  }
  return bad(`${showCell(cell)} is not TRUE/FALSE (or Yes/No)`);
}
