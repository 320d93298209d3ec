import fc from 'fast-check';
import { cents } from '../../src/engine/money';
import { kthLargest, splitCents } from '../../src/engine/split-cents';

/** Positive weights normalised to add up to 1, like a fund's look-through weights. */
const weightsArb = fc
  .array(fc.double({ min: 1e-9, max: 1, noNaN: true }), { minLength: 1, maxLength: 60 })
  .map((ws) => {
    const sum = ws.reduce((s, w) => s + w, 0);
    return ws.map((w) => w / sum);
  });

describe('splitting cents by largest remainder', () => {
  it('gives parts that add up to the amount exactly, each within a cent of its share', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), weightsArb, (amount, weights) => {
        const parts = splitCents(cents(amount), weights);
        expect(parts.reduce((s, p) => s + p, 0)).toBe(amount);
        parts.forEach((p, i) => {
          expect(Number.isInteger(p)).toBe(true);
          expect(Math.abs(p - amount * weights[i])).toBeLessThan(1 + 1e-6);
        });
      }),
      { numRuns: 500 },
    );
  });

  it('gives the leftover cents to the largest remainders, ties to the earlier part', () => {
    expect(Array.from(splitCents(cents(100), [1 / 3, 1 / 3, 1 / 3]))).toEqual([34, 33, 33]);
    expect(Array.from(splitCents(cents(10), [0.14, 0.36, 0.5]))).toEqual([1, 4, 5]);
    expect(Array.from(splitCents(cents(-100), [1 / 3, 1 / 3, 1 / 3]))).toEqual([-34, -33, -33]);
  });

  it('finds the k-th largest value as a sort would', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 200 }), fc.nat(), (xs, k) => {
        const kth = (k % xs.length) + 1;
        const sorted = [...xs].sort((a, b) => b - a);
        expect(kthLargest(Float64Array.from(xs), kth)).toBe(sorted[kth - 1]);
      }),
      { numRuns: 500 },
    );
  });
});
