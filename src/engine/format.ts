/**
 * Numbers for people: the one place that turns money, weights, percentage points and share counts
 * into text. Values written to spills, JSON and sheets stay numbers; only text a person reads comes
 * from here. The rules (docs/decisions.md, "Numbers for people"):
 *   - rounding is half away from zero on the decimal the number stands for — integer cents exactly,
 *     a fraction shown as a percent on its 12 significant digits (so 4,507.50 of 10,000.00 is 45.08%,
 *     where float's toFixed says 45.07%), a dollar amount, price or share count on its shortest decimal;
 *   - a negative shows U+2212 MINUS SIGN (`−$12.00`, `−11.6 pp`), never a hyphen, and never on a value
 *     that rounds to zero (no `−0.0%`, no `−$0`);
 *   - the integer part has thousands separators (`$1,445.72`, `1,234.5 pp`, `1,234.567` shares);
 *   - NaN and ±Infinity are never shown: they are bugs, so formatting one throws an internal Error
 *     (not an InputError) and the adapters report it as "could not finish". Callers that have no
 *     value show "—" themselves.
 * Pure: no DOM, no Intl, no locale — the same text in Node, Excel and the browser.
 */
import Decimal from 'decimal.js';
import { amountCents, Cents, Money } from './money';

/** U+2212 MINUS SIGN: the minus a person reads. */
export const MINUS = '\u2212';

function finite(x: number, what: string): void {
  if (typeof x !== 'number' || !Number.isFinite(x)) throw new Error(`format: ${what} ${String(x)} is not a finite number`);
}

function checkDigits(digits: number): void {
  if (!Number.isInteger(digits) || digits < 0 || digits > 20) throw new Error(`format: ${digits} is not a number of decimals (0–20)`);
}

/** "1234567.5" → "1,234,567.5"; the text is an unsigned decimal. */
function grouped(unsigned: string): string {
  const dot = unsigned.indexOf('.');
  const int = dot < 0 ? unsigned : unsigned.slice(0, dot);
  const rest = dot < 0 ? '' : unsigned.slice(dot);
  return int.replace(/\B(?=(\d{3})+$)/g, ',') + rest;
}

/** True when an unsigned decimal's digits are all zero ("0.00"). */
function isZeroText(unsigned: string): boolean {
  return !/[1-9]/.test(unsigned);
}

/** U+2212 when the value is negative and does not show as zero; otherwise nothing. */
function minusFor(negative: boolean, unsigned: string): string {
  return negative && !isZeroText(unsigned) ? MINUS : '';
}

/** |fraction| × 100 rounded half away from zero to `digits` decimals, decided on its 12 significant digits. */
function percentMagnitude(fraction: number, digits: number): string {
  finite(fraction, 'percentage');
  checkDigits(digits);
  return new Money(fraction.toPrecision(12)).abs().times(100).toDecimalPlaces(digits, Decimal.ROUND_HALF_UP).toFixed(digits);
}

// ---- Money -----------------------------------------------------------------------------------------

/** "$1,445.72", "−$12.00", "$0.00" — integer cents, to the cent. */
export function formatCents(c: Cents): string {
  if (!Number.isSafeInteger(c)) throw new Error(`format: ${String(c)} is not a whole number of cents`);
  const abs = Math.abs(c);
  const cents = abs % 100;
  const dollars = (abs - cents) / 100; // exact: a multiple of 100 divided by 100
  const text = `${dollars}.${cents < 10 ? '0' : ''}${cents}`;
  return `${minusFor(c < 0, text)}$${grouped(text)}`;
}

/** "$1,446" — integer cents to whole dollars (half away from zero), for sentences where cents are noise. */
export function formatWholeDollars(c: Cents): string {
  if (!Number.isSafeInteger(c)) throw new Error(`format: ${String(c)} is not a whole number of cents`);
  const abs = Math.abs(c);
  const cents = abs % 100;
  const text = String((abs - cents) / 100 + (cents >= 50 ? 1 : 0));
  return `${minusFor(c < 0, text)}$${grouped(text)}`;
}

/**
 * "$1,445.72" from an amount in dollars (as the pane's trades and the JSON hold money), rounded to the
 * cent half away from zero on its shortest decimal (1.005 → "$1.01") — the Money rule.
 */
export function formatDollarAmount(dollars: number): string {
  finite(dollars, 'amount');
  return formatCents(amountCents(dollars));
}

/** A price per share in dollars: 2 to 4 decimals ("$250.00", "$0.1235", "$1,234.5678"), half away from zero. */
export function formatPrice(dollars: number): string {
  finite(dollars, 'price');
  let text = new Money(dollars).abs().toDecimalPlaces(4, Decimal.ROUND_HALF_UP).toFixed(4);
  while (text.endsWith('0') && text.length > text.indexOf('.') + 3) text = text.slice(0, -1);
  return `${minusFor(dollars < 0, text)}$${grouped(text)}`;
}

// ---- Weights and percentage points -----------------------------------------------------------------

/** A fraction as a percent: 0.4508 → "45.1%" (digits 1), "45.08%" (digits 2); −0.05 → "−5.0%". */
export function formatPercent(fraction: number, digits = 1): string {
  const text = percentMagnitude(fraction, digits);
  return `${minusFor(fraction < 0, text)}${grouped(text)}%`;
}

/** A fraction as a percent with at most `maxDigits` decimals and no trailing zeros: 0.1 → "10%", 0.125 → "12.5%". */
export function formatPercentUpTo(fraction: number, maxDigits = 4): string {
  const fixed = percentMagnitude(fraction, maxDigits);
  const text = fixed.includes('.') ? fixed.replace(/0+$/, '').replace(/\.$/, '') : fixed;
  return `${minusFor(fraction < 0, text)}${grouped(text)}%`;
}

/**
 * A difference of two weights in percentage points, always signed: 0.1 → "+10.0 pp", −0.116 →
 * "−11.6 pp"; one that rounds to zero is "0.0 pp", with no sign.
 */
export function formatPoints(fraction: number, digits = 1): string {
  const text = percentMagnitude(fraction, digits);
  const sign = isZeroText(text) ? '' : fraction < 0 ? MINUS : '+';
  return `${sign}${grouped(text)} pp`;
}

// ---- Shares ----------------------------------------------------------------------------------------

/** A share count: up to 6 decimals (the planner's precision), no trailing zeros: "12", "0.5", "1,234.567". */
export function formatShares(shares: number): string {
  finite(shares, 'share count');
  const text = new Money(shares).abs().toDecimalPlaces(6, Decimal.ROUND_HALF_UP).toFixed();
  return `${minusFor(shares < 0, text)}${grouped(text)}`;
}

/**
 * A number of any size written out in full, for limits and extremes in messages: `0.0000001` and
 * `20,000,000,000,000` rather than 1e-7 and 2e13 (12 significant digits), with an optional prefix
 * such as `$`.
 */
export function formatPlainNumber(x: number, prefix = ''): string {
  finite(x, 'number');
  const text = new Money(x).abs().toSignificantDigits(12, Decimal.ROUND_HALF_UP).toFixed();
  return `${minusFor(x < 0, text)}${prefix}${grouped(text)}`;
}

// ---- Lists -----------------------------------------------------------------------------------------

/** Items as a sentence lists them: "a", "a and b", "a, b and c". */
export function formatList(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
