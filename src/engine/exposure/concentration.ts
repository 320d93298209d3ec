/**
 * Concentration: a single holding whose look-through exposure is more than the ConcentrationLimit
 * setting (default 10%) of the household is flagged, with where it comes from, e.g.
 * "AAPL is 12.1% of the household: 5.6% direct, 3.4% via QQQ, 3.1% via VTI".
 * Cash and a fund's unlisted remainder (`Other (FUND)`) are not single holdings and are never flagged.
 */
import { formatPercent } from '../format';
import { Cents } from '../money';
import { ConcentrationFlag, ExposureRow } from './types';

/** Floating-point slack so that a holding exactly at the limit is not flagged. */
const EDGE_EPSILON = 1e-12;

/** Rows must be largest first; flags come out in the same order. */
export function concentrationFlags(rows: readonly ExposureRow[], limit: number, householdTotal: Cents): ConcentrationFlag[] {
  const flags: ConcentrationFlag[] = [];
  for (const r of rows) {
    if (r.kind !== 'holding' || r.weight <= limit + EDGE_EPSILON) continue;
    flags.push({ holding: r.holding, weight: r.weight, limit, direct: r.direct, via: r.via, total: r.total, message: flagMessage(r, householdTotal) });
  }
  return flags;
}

function flagMessage(row: ExposureRow, household: Cents): string {
  const parts: string[] = [];
  if (row.direct !== 0) parts.push(`${formatPercent(row.direct / household)} direct`);
  for (const v of row.via) parts.push(`${formatPercent(v.value / household)} via ${v.fund}`);
  return `${row.holding} is ${formatPercent(row.weight)} of the household: ${parts.join(', ')}`;
}
