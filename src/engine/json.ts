/**
 * The command line's JSON (PRODUCT.md): money in currency units to the cent, weights as fractions
 * rounded to six decimals (0.0001 percentage points).
 */
import { centsToNumber, Money } from './money';
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

/**
 * Six decimals, half away from zero, decided on the fraction's 12 significant digits so that −x
 * always rounds to −(x rounded) (Math.round sends −0.1234565 to −0.123456 but 0.1234565 to 0.123457).
 */
export function roundWeight(x: number): number {
  const r = new Money(x.toPrecision(12)).toDecimalPlaces(6).toNumber();
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
