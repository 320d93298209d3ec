/**
 * From a place the engine names in a message (table, row as Excel numbers it, column) to the range
 * in the workbook that Go to cell selects. The engine names tables by role (a Holdings table the user
 * called "Positions" is still "Holdings" in its messages), so the role's table is looked up in the view.
 */
import { isInputError, keyOf } from '../engine';
import type { Place } from '../engine';
import { columnLetters, firstColumnOf, quoteSheet } from '../office/address';
import type { WorkbookTable } from '../office/workbook-port';
import type { HouseholdView } from './household-view';

/** The place an error names, when it is the user's input. */
export function placeOf(e: unknown): Place | null {
  return isInputError(e) ? { table: e.table, row: e.row, column: e.column } : null;
}

function tableNamed(view: HouseholdView, name: string): WorkbookTable | null {
  const { found } = view;
  const byRole: [string, WorkbookTable | null][] = [
    ['Holdings', view.holdingsTable],
    ['Targets', found.targets],
    ['Accounts', found.accounts],
    ['Settings', found.settings],
    ['Funds', found.funds],
    ['Identical', found.identical],
    [found.mix?.name ?? 'Mix', found.mix],
    ['ReviewLog', found.reviewLog],
  ];
  return byRole.find(([role]) => keyOf(role) === keyOf(name))?.[1] ?? null;
}

/** The column's index in the table, by its header (as written, or as the engine expects it). */
export function columnIndex(table: WorkbookTable, header: string): number {
  return (table.values[0] ?? []).findIndex((h) => typeof h === 'string' && keyOf(h) === keyOf(header));
}

/**
 * "Holdings!F7" for a cell; the table's row when the column is not in the table (a missing column:
 * its header row), the column when no row is named, the whole table when neither is. Null when the
 * place is not in the workbook (no such table, or a row outside it).
 */
export function placeAddress(view: HouseholdView, place: Place): string | null {
  const table = tableNamed(view, place.table);
  if (!table) return null;
  return tableRangeAddress(table, place.row, place.column === null ? -1 : columnIndex(table, place.column));
}

/** The address of a row (worksheet number) and column (index in the table, −1 for all) of a table. */
export function tableRangeAddress(table: WorkbookTable, row: number | null, column: number): string | null {
  const height = table.values.length;
  const width = Math.max(1, table.values[0]?.length ?? 1);
  const lastRow = table.headerRow + height - 1;
  if (row !== null && (row < table.headerRow || row > lastRow)) return null;
  const left = firstColumnOf(table.address);
  const cols = column >= 0 ? [left + column, left + column] : [left, left + width - 1];
  const rows = row !== null ? [row, row] : [table.headerRow, lastRow];
  const first = `${columnLetters(cols[0])}${rows[0]}`;
  const last = `${columnLetters(cols[1])}${rows[1]}`;
  return `${quoteSheet(table.sheet)}!${first === last ? first : `${first}:${last}`}`;
}
