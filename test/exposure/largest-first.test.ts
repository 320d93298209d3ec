import fc from 'fast-check';
import { largestFirst } from '../../src/engine/exposure/lookthrough';
import { cents } from '../../src/engine/money';

const stableByTotal = <R extends { total: number }>(rows: R[]) => [...rows].sort((a, b) => b.total - a.total);

describe('ordering exposure rows, largest first', () => {
  it('matches a stable comparator sort: equal totals keep their order', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -5_000, max: 5_000 }), { maxLength: 300 }), (totals) => {
        const rows = totals.map((total, i) => ({ total: cents(total), i }));
        expect(largestFirst(rows)).toEqual(stableByTotal(rows));
      }),
      { numRuns: 300 },
    );
  });

  it('falls back to the comparator when totals are too far apart to pack into one number', () => {
    const rows = [1, 9e15, -9e15, 1].map((total, i) => ({ total: cents(total), i }));
    expect(largestFirst(rows).map((r) => r.i)).toEqual([1, 0, 3, 2]);
  });
});
