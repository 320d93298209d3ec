/**
 * Normalising what Excel hands a custom function, once, at the edge: a range argument (with its
 * header) becomes a TableInput that knows its worksheet row, so messages use Excel's row numbers.
 */
import type { Cell, HouseholdTables, TableInput } from '../engine';
import { isFundsTable } from '../engine';

/** The worksheet row of the first cell in an address like "Sheet1!$A$3:$H$20" or "'My Sheet'!B7". */
export function firstRowOfAddress(address: string | undefined | null): number | undefined {
  if (!address) return undefined;
  const local = address.slice(address.lastIndexOf('!') + 1);
  const cell = /^\$?[A-Za-z]{1,3}\$?(\d+)/.exec(local);
  if (cell) return Number(cell[1]);
  const wholeRows = /^\$?(\d+):\$?\d+$/.exec(local); // "3:40"
  if (wholeRows) return Number(wholeRows[1]);
  return /^\$?[A-Za-z]{1,3}:\$?[A-Za-z]{1,3}$/.test(local) ? 1 : undefined; // "A:H" starts at row 1
}

export function isOmitted(range: unknown): boolean {
  return range === null || range === undefined;
}

/** A range argument as a table; a single cell arrives as a scalar and becomes a 1×1 range. */
export function tableArgument(name: string, range: unknown, address?: string | null): TableInput {
  const cells = Array.isArray(range) ? (range as Cell[][]).map((row) => (Array.isArray(row) ? row : [row])) : [[range as Cell]];
  return { name, cells, headerRow: firstRowOfAddress(address) };
}

/** An optional range argument: null when omitted. */
export function optionalTableArgument(name: string, range: unknown, address?: string | null): TableInput | null {
  return isOmitted(range) ? null : tableArgument(name, range, address);
}

/** The optional `mix` argument: the Mix table, or the Funds table to derive mixes through (by its header). */
export function mixArgument(range: unknown, address?: string | null): Pick<HouseholdTables, 'mix' | 'funds'> {
  if (isOmitted(range)) return {};
  const mix = tableArgument('Mix', range, address);
  return isFundsTable(mix) ? { funds: { ...mix, name: 'Funds' } } : { mix };
}
