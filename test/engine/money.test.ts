import fc from 'fast-check';
import Decimal from 'decimal.js';
import { amountCents, decimalToCents, productCents } from '../../src/engine/money';

/** The reference: the exact decimal product of the numbers as typed, rounded half-up (away from zero). */
function referenceCents(quantity: number, price: number): number {
  const exact = new Decimal(String(quantity)).times(new Decimal(String(price))).times(100);
  const r = exact.abs().toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber();
  return exact.isNegative() && r !== 0 ? -r : r;
}

describe('productCents: shares × price to the cent, half-up, exactly', () => {
  it.each([
    [1, 0.005, 1],
    [1, 0.015, 2],
    [1, 1.005, 101],
    [3, 0.335, 101], // 1.005 exactly
    [10, 0.1005, 101], // 1.005
    [120, 331.42, 3977040],
    [0.5, 0.01, 1], // half a cent rounds up
    [7, 0.0007142857, 0], // 0.004999...
    [1000, 1.234565, 123457],
    [-1, 0.005, -1], // away from zero, like a statement
  ])('%d × %d = %d cents', (q, p, cents) => {
    expect(productCents(q, p)).toBe(cents);
    expect(productCents(q, p)).toBe(referenceCents(q, p));
  });

  it('never returns -0', () => {
    expect(Object.is(productCents(-0.001, 1), 0)).toBe(true);
    expect(Object.is(decimalToCents('-0.001'), 0)).toBe(true);
  });

  it('reads amounts typed in currency (1234.565 → 123457)', () => {
    expect(amountCents(1234.565)).toBe(123457);
    expect(amountCents(1.005)).toBe(101);
    expect(amountCents(0.145)).toBe(15);
  });

  it('agrees with decimal.js for any shares and price as typed in a workbook', () => {
    const shares = fc.oneof(
      fc.integer({ min: 0, max: 1_000_000 }),
      fc.integer({ min: 0, max: 100_000_000 }).map((n) => n / 1000),
      fc.integer({ min: 0, max: 10_000_000 }).map((n) => n / 10000),
    );
    const price = fc.oneof(
      fc.integer({ min: 0, max: 10_000_000 }).map((n) => n / 100),
      fc.integer({ min: 0, max: 10_000_000 }).map((n) => n / 10000),
      fc.integer({ min: 0, max: 1_000_000 }).map((n) => n / 1000 + 0.0005), // half-cent-ish prices
    );
    fc.assert(
      fc.property(shares, price, (q, p) => productCents(q, p) === referenceCents(q, p)),
      { numRuns: 20_000 },
    );
  });

  it('rounds exactly at every half-cent boundary whatever float error the product carries', () => {
    // prices d.dd5 (exactly half a cent) times share counts that keep the product on a half cent
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9_999_999 }), fc.constantFrom(1, 3, 5, 7, 9, 11), (k, odd) => {
        const price = Number(`${Math.floor(k / 100)}.${String(k % 100).padStart(2, '0')}5`);
        const expected = referenceCents(odd, price);
        return productCents(odd, price) === expected && productCents(odd * 2, price / 2) === referenceCents(odd * 2, price / 2);
      }),
      { numRuns: 5_000 },
    );
    expect(productCents(1, 10.005)).toBe(1001);
    expect(productCents(3, 3.335)).toBe(1001); // 10.005
  });
});
