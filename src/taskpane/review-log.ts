/**
 * The Review Log: one row per quarterly review, in a table the add-in creates on first use.
 * Date | Total | Largest drift | Trades drafted | Est. tax | Note
 */
import { Cell, centsToNumber, DriftReport, formatPoints, IsoDate, isoToExcelSerial, largestDrift } from '../engine';

export const REVIEW_LOG_HEADER = ['Date', 'Total', 'Largest drift', 'Trades drafted', 'Est. tax', 'Note'] as const;
export const REVIEW_LOG_FORMATS = ['yyyy-mm-dd', '$#,##0.00', null, '0', '$#,##0.00', null] as const;

export function describeLargestDrift(drift: DriftReport): string {
  const r = largestDrift(drift);
  if (r === null || r.drift === null) return '';
  return `${r.label} ${formatPoints(r.drift)}`;
}

export function reviewLogRow(date: IsoDate, drift: DriftReport, tradesDrafted: number, estTax: number, note: string): Cell[] {
  return [isoToExcelSerial(date), centsToNumber(drift.total), describeLargestDrift(drift), tradesDrafted, estTax, note];
}
