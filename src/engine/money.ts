/**
 * Money in whole cents. A row's value is shares × price rounded half-up to the cent — what a
 * broker's statement shows — computed exactly: the float product is used only when it is provably
 * far from a half-cent boundary, and decimal.js decides every case that is close. Integer cents then
 * add exactly and fast as plain numbers (safe to ±$90 trillion), so drift over 100k rows costs
 * little more than a plain loop while every total reconciles to the cent.
 *
 * `Cents` is a branded number, and the brand is required: a plain number — or an amount in dollars —
 * is not Cents until it goes through one of the constructors here, so the type checker refuses a
 * dollar amount where cents are expected. The constructors: `amountCents` (a typed dollar amount),
 * `productCents` (shares × price), `decimalToCents` (an exact decimal in dollars), `cents` (an
 * integer already known to be cents, checked) and `ZERO_CENTS`. TypeScript types `a + b` of two Cents
 * as a plain number, so arithmetic that stays in cents goes through `addCents`, `subtractCents`,
 * `negateCents`, `absCents` and `sumCents`. Going out is free: Cents is a number, so `c / 100` or
 * `centsToNumber(c)` gives dollars, and comparisons need nothing. At run time Cents is a plain number.
 */
import Decimal from 'decimal.js';

/** Decimal configured for money: plenty of digits, half-up like a broker. */
export const Money = Decimal.clone({ precision: 34, rounding: Decimal.ROUND_HALF_UP });
export type Money = Decimal;

/**
 * An integer number of cents. The brand is required (never make it optional: then every number is
 * Cents again — test/engine/cents-brand.test.ts fails to compile if it is). It exists only for the
 * type checker; at run time Cents is a plain number.
 */
export type Cents = number & { readonly __unit: 'cents' };

/** No money. */
export const ZERO_CENTS = 0 as Cents;

/**
 * An integer the caller knows to be a number of cents (a literal like `cents(5000)` for $50.00, a
 * part counted in whole cents, a rounded excess): the one unchecked way in, so it checks — a number
 * that is not a safe integer is a bug (an amount in dollars, a fraction of a cent) and throws.
 */
export function cents(n: number): Cents {
  if (!Number.isSafeInteger(n)) throw new Error(`cents: ${String(n)} is not a whole number of cents`);
  return n as Cents;
}

/** a + b, in cents (exact while the sum is within ±$90 trillion). */
export function addCents(a: Cents, b: Cents): Cents {
  return (a + b) as Cents;
}

/** a − b, in cents. */
export function subtractCents(a: Cents, b: Cents): Cents {
  return (a - b) as Cents;
}

/** −c, in cents. */
export function negateCents(c: Cents): Cents {
  return (-c) as Cents;
}

/** |c|, in cents. */
export function absCents(c: Cents): Cents {
  return Math.abs(c) as Cents;
}

/** The sum of amounts in cents; 0 for none. */
export function sumCents(values: Iterable<Cents>): Cents {
  let total = 0;
  for (const c of values) total += c;
  return total as Cents;
}

const SAFE_CENTS = Number.MAX_SAFE_INTEGER;

/**
 * The largest amount (in dollars) one row may hold: a value, a price, a cost basis, a contribution.
 * No household's single position is worth a trillion dollars; beyond it a number is a typo or a
 * pasted ID, and cents would lose exactness in a household total (safe to ±$90 trillion).
 */
export const MAX_ROW_AMOUNT = 1e12;
/** The largest household total, in dollars: well inside exact integer cents, with room for contributions. */
export const MAX_HOUSEHOLD_TOTAL = 1e13;

/** Cents of an exact decimal amount, rounded half-up. */
export function decimalToCents(amount: Decimal.Value): Cents {
  const c = new Money(amount).times(100).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber();
  return (c === 0 ? 0 : c) as Cents; // never -0
}

/** Cents of quantity × unitPrice (both as typed in the workbook), rounded half-up to the cent. */
export function productCents(quantity: number, unitPrice: number): Cents {
  const p = quantity * unitPrice * 100;
  const magnitude = Math.abs(p);
  if (magnitude < SAFE_CENTS / 4) {
    const frac = magnitude - Math.floor(magnitude);
    // Float error of the product is far below this margin, so rounding cannot go the wrong way.
    const margin = 1e-9 + magnitude * 4e-15;
    if (Math.abs(frac - 0.5) > margin) {
      const r = Math.sign(p) * Math.round(magnitude);
      return (r === 0 ? 0 : r) as Cents;
    }
  }
  return decimalToCents(new Money(quantity).times(unitPrice));
}

/** Cents of an amount typed as a plain number (e.g. 1234.565 → 123457). */
export function amountCents(amount: number): Cents {
  return productCents(amount, 1);
}

/** The amount in dollars (c / 100), as the spills, JSON and the solver hold money. */
export function centsToNumber(c: Cents): number {
  return c / 100;
}

/** The amount in dollars, exactly. */
export function centsToDecimal(c: Cents): Decimal {
  return new Money(c).dividedBy(100);
}
