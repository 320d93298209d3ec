/**
 * Cents is a brand the type checker enforces. The `@ts-expect-error` lines are the test: ts-jest
 * reports type errors, and a `@ts-expect-error` with no error under it is itself an error — so this
 * file stops compiling (and fails) if the brand ever becomes optional again, or a helper starts
 * taking plain numbers.
 */
import { formatCents } from '../../src/engine/format';
import { addCents, amountCents, Cents, cents, sumCents, ZERO_CENTS } from '../../src/engine/money';

/** Where cents are expected. */
const takesCents = (c: Cents): Cents => c;

describe('Cents: only the named constructors make money in cents', () => {
  const fee = cents(1250); // $12.50
  const dollars = 12.5;

  it('refuses a plain number, or dollars, where cents are expected', () => {
    // @ts-expect-error a number literal is not Cents
    takesCents(12.5);
    // @ts-expect-error an amount in dollars is not Cents
    takesCents(dollars);
    // @ts-expect-error and no formatter of cents takes dollars (at run time, 12.5 is not whole cents either)
    expect(() => formatCents(dollars)).toThrow(/not a whole number of cents/);
  });

  it('refuses Cents + dollars, and Cents + Cents without a helper', () => {
    // @ts-expect-error Cents + dollars is a plain number
    takesCents(fee + dollars);
    // @ts-expect-error even Cents + Cents is a plain number in TypeScript: sums go through addCents or sumCents
    takesCents(fee + fee);
    // @ts-expect-error addCents takes Cents on both sides
    addCents(fee, dollars);
  });

  it('accepts what the constructors and helpers give', () => {
    expect(takesCents(addCents(fee, amountCents(dollars)))).toBe(2500);
    expect(takesCents(sumCents([fee, fee, ZERO_CENTS]))).toBe(2500);
    expect(formatCents(fee)).toBe('$12.50');
  });

  it('cents() checks that the number is whole cents', () => {
    expect(cents(-3)).toBe(-3);
    expect(() => cents(12.5)).toThrow(/not a whole number of cents/);
    expect(() => cents(NaN)).toThrow(/not a whole number of cents/);
    expect(() => cents(2 ** 53)).toThrow(/not a whole number of cents/);
  });
});
