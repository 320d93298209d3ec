/**
 * The 2-D shapes the REBAL functions spill and the command line writes as sheets: a header row, then
 * plain values. Money is in currency units rounded to the cent; weights are fractions.
 */
import { centsToNumber } from './money';
import { DriftReport } from './drift';

export type SpillValue = string | number;
export type Spill = SpillValue[][];

export const DRIFT_HEADER = ['Class', 'Value', 'Weight', 'Target', 'Drift', 'Band', 'Status'] as const;

/** Class | Value | Weight | Target | Drift | Band | Status, then a Total row. Blank cells are "". */
export function driftSpill(report: DriftReport): Spill {
  const blank = (x: number | null): SpillValue => (x === null ? '' : x);
  const rows: Spill = [[...DRIFT_HEADER]];
  for (const r of report.rows) {
    rows.push([r.label, centsToNumber(r.value), r.weight, blank(r.target), blank(r.drift), blank(r.band), r.status]);
  }
  // 15 significant digits drop the float residue of the sum: targets of 60/30/10 total 1, not 0.9999999999999999.
  const targetSum = Number(report.rows.reduce((s, r) => s + (r.target ?? 0), 0).toPrecision(15));
  rows.push(['Total', centsToNumber(report.total), 1, targetSum, '', '', '']);
  return rows;
}
