/**
 * The command line's JSON (PRODUCT.md): money in currency units to the cent, weights as fractions
 * rounded to six decimals (0.0001 percentage points).
 */
import { centsToNumber } from './money';
import { DriftReport } from './drift';

export interface DriftJson {
  class: string;
  value: number;
  weight: number;
  target: number | null;
  drift: number | null;
  band: number | null;
  status: string;
}

export function roundWeight(x: number): number {
  const r = Math.round(x * 1e6) / 1e6;
  return r === 0 ? 0 : r;
}

const roundOrNull = (x: number | null) => (x === null ? null : roundWeight(x));

export function driftJson(report: DriftReport): DriftJson[] {
  return report.rows.map((r) => ({
    class: r.label,
    value: centsToNumber(r.value),
    weight: roundWeight(r.weight),
    target: roundOrNull(r.target),
    drift: roundOrNull(r.drift),
    band: roundOrNull(r.band),
    status: r.status,
  }));
}
