/**
 * Tax facts of one lot on AsOf, as PRODUCT.md states them:
 *   - short-term iff held one year or less, counting from the day after purchase — so a lot bought
 *     exactly one year before AsOf is still short-term; long-term from the day after the first
 *     anniversary. A lot without a date is short-term (the cautious choice).
 *   - a lot without a cost basis has no gain.
 *   - wash sale (IRS Pub. 550): a purchase in the 30 days before AsOf (inclusive) of the lot's ticker,
 *     or of one identical to it, in any account, blocks selling any lot of that group at a loss.
 */
import { addDays, addMonths, IsoDate } from '../dates';

export type Term = 'ST' | 'LT';

/** The window before AsOf in which a purchase blocks a loss sale. */
export const WASH_SALE_DAYS = 30;

export function termOf(acquired: IsoDate | null, asOf: IsoDate): Term {
  if (acquired === null) return 'ST';
  // Held more than one year: AsOf is after the first anniversary of the purchase.
  return asOf > addMonths(acquired, 12) ? 'LT' : 'ST';
}

/** True when a purchase on `acquired` falls in the 30 days before AsOf (AsOf itself included). */
export function boughtWithinWashWindow(acquired: IsoDate | null, asOf: IsoDate): boolean {
  if (acquired === null) return false;
  return acquired <= asOf && acquired >= addDays(asOf, -WASH_SALE_DAYS);
}

/** The wash-sale group of a ticker: its Identical group, else the ticker itself. */
export function washGroupOf(ticker: string, identical: ReadonlyMap<string, string>): string {
  const group = identical.get(ticker);
  return group === undefined ? `ticker:${ticker}` : `group:${group}`;
}
