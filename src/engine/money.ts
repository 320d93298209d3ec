/**
 * Money in whole cents. A row's value is shares × price rounded half-up to the cent — what a
 * broker's statement shows — computed exactly: the float product is used only when it is provably
 * far from a half-cent boundary, and decimal.js decides every case that is close. Integer cents then
 * add exactly and fast as plain numbers (safe to ±$90 trillion), so drift over 100k rows costs
 * little more than a plain loop while every total reconciles to the cent.
 */
import Decimal from 'decimal.js';

/** Decimal configured for money: plenty of digits, half-up like a broker. */
export const Money = Decimal.clone({ precision: 34, rounding: Decimal.ROUND_HALF_UP });
export type Money = Decimal;

/** An integer number of cents. */
export type Cents = number & { readonly __unit?: 'cents' };

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
  return c === 0 ? 0 : c; // never -0
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
      return r === 0 ? 0 : r;
    }
  }
  return decimalToCents(new Money(quantity).times(unitPrice));
}

/** Cents of an amount typed as a plain number (e.g. 1234.565 → 123457). */
export function amountCents(amount: number): Cents {
  return productCents(amount, 1);
}

export function centsToNumber(c: Cents): number {
  return c / 100;
}

export function centsToDecimal(c: Cents): Decimal {
  return new Money(c).dividedBy(100);
}
