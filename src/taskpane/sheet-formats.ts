/**
 * Number formats for the sheets the pane writes as plain values. A share count is whole or not,
 * and its format says so per cell: `#,##0.######` shows a whole 1 as "1." in Excel.
 */
export const MONEY = '$#,##0.00';
export const PERCENT = '0.0%';
const WHOLE_SHARES = '#,##0';
/** At least one decimal, up to six: 0.5 → "0.5", 12.345678 → "12.345678", never a bare point. */
const FRACTIONAL_SHARES = '#,##0.0#####';

export function sharesFormat(shares: number): string {
  return Number.isInteger(shares) ? WHOLE_SHARES : FRACTIONAL_SHARES;
}

/** Points for a column of sentences (a trade's reason): about 60 characters a line, wrapped. */
export const SENTENCE_COLUMN_POINTS = 320;
