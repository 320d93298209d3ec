/**
 * Splitting an amount of cents by weights so that the parts add up to the amount exactly — the
 * largest-remainder (Hamilton) method: every part gets the whole cents of its exact share
 * floor(amount × weight), and the cents left over go one each to the parts with the largest
 * fractional remainders (ties to the earlier part). Each part is then within one cent of its exact
 * share, and no other rounding with that property is closer overall.
 *
 * The shares are float products; their error (about 1e-16 of the amount) can only decide which of two
 * parts whose remainders differ by less than a millionth of a cent gets a cent. The sum is exact
 * regardless, because the leftover is counted in whole cents.
 */
import { Cents } from './money';

/** Weights must add up to 1 (within float error). Returns the parts, in whole cents, in weight order. */
export function splitCents(amount: Cents, weights: ArrayLike<number>): Float64Array {
  const n = weights.length;
  const parts = new Float64Array(n);
  if (n === 0 || amount === 0) return parts;
  const magnitude = Math.abs(amount);
  const remainders = new Float64Array(n);
  let given = 0;
  for (let i = 0; i < n; i++) {
    const share = magnitude * weights[i];
    const whole = Math.floor(share);
    parts[i] = whole;
    remainders[i] = share - whole;
    given += whole;
  }
  let left = magnitude - given;
  if (left < 0 || left > n) throw new Error(`splitCents: weights add up to ${given / magnitude}, not 1`);
  if (left > 0) {
    const threshold = kthLargest(remainders.slice(), left);
    for (let i = 0; i < n && left > 0; i++) {
      if (remainders[i] > threshold) {
        parts[i] += 1;
        left--;
      }
    }
    for (let i = 0; i < n && left > 0; i++) {
      if (remainders[i] === threshold) {
        parts[i] += 1;
        left--;
      }
    }
  }
  if (amount < 0) for (let i = 0; i < n; i++) parts[i] = parts[i] === 0 ? 0 : -parts[i];
  return parts;
}

/** The k-th largest value (k ≥ 1) by quickselect, in linear time on average; reorders `xs`. */
export function kthLargest(xs: Float64Array, k: number): number {
  let lo = 0;
  let hi = xs.length - 1;
  const target = k - 1; // index in descending order
  while (lo < hi) {
    const pivot = xs[(lo + hi) >>> 1];
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (xs[i] > pivot) i++;
      while (xs[j] < pivot) j--;
      if (i <= j) {
        const t = xs[i];
        xs[i] = xs[j];
        xs[j] = t;
        i++;
        j--;
      }
    }
    if (target <= j) hi = j;
    else if (target >= i) lo = i;
    else return xs[target];
  }
  return xs[target];
}
