/**
 * The Review Log: one row per quarterly review, in a table the add-in creates on first use.
 * Date | Total | Largest drift | Trades approved | Est. tax | Note
 */
import { Cell, centsToNumber, DriftReport, formatPoints, IsoDate, isoToExcelSerial, largestDrift } from '../engine';
import type { WorkbookPort, WorkbookTable } from '../office/workbook-port';
import { ROLE_NAMES } from './household-view';

export const REVIEW_LOG_HEADER = ['Date', 'Total', 'Largest drift', 'Trades approved', 'Est. tax', 'Note'] as const;
export const REVIEW_LOG_FORMATS = ['yyyy-mm-dd', '$#,##0.00', null, '0', '$#,##0.00', null] as const;

export function describeLargestDrift(drift: DriftReport): string {
  const r = largestDrift(drift);
  if (r === null || r.drift === null) return '';
  return `${r.label} ${formatPoints(r.drift)}`;
}

export function reviewLogRow(date: IsoDate, drift: DriftReport, tradesDrafted: number, estTax: number, note: string): Cell[] {
  return [isoToExcelSerial(date), centsToNumber(drift.total), describeLargestDrift(drift), tradesDrafted, estTax, note];
}

/**
 * The Review Log's line for an import: the date, the household's total and largest drift after it,
 * no trades, and which files were imported (the quarterly review starts from them).
 */
export function importLogRow(date: IsoDate, driftAfter: DriftReport | null, files: string): Cell[] {
  return [isoToExcelSerial(date), driftAfter ? centsToNumber(driftAfter.total) : '', driftAfter ? describeLargestDrift(driftAfter) : '', '', '', `Imported positions from ${files}`];
}

/** Adds a row to the Review Log, creating the table (on its own sheet) on first use; resolves to its name. */
export async function appendReviewLog(workbook: WorkbookPort, existing: WorkbookTable | null, row: Cell[]): Promise<string> {
  if (existing) {
    await workbook.appendRow(existing.name, row);
    return existing.name;
  }
  const { sheet, table } = ROLE_NAMES.reviewLog;
  await workbook.createTable({ sheet, table, values: [[...REVIEW_LOG_HEADER], row], numberFormats: REVIEW_LOG_FORMATS });
  return table;
}
