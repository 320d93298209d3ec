/** What every rule needs to know about the household while the model is built. */
import { addCents, Cents, sumCents, ZERO_CENTS } from '../money';
import { Book, BookAccount, CASH_KEY } from './book';

export interface PlanContext {
  readonly book: Book;
  /** Value of a class today; Cash includes every account's contribution (T counts it). */
  classValueToday(keyId: string): Cents;
  /**
   * Dollars of headroom added to the rows that must hold to the cent (cash ≥ reserve, MinTrade), so
   * that the solver's tolerance (numericTolerance) cannot break them: 0 at everyday sizes.
   */
  readonly slack: number;
  /**
   * The slack an account's cash row gets: at most what its cash and contribution exceed its reserve
   * by, so that doing nothing always keeps the rule (the planner relies on that: only a reserve
   * above cash and contribution can make the rules impossible).
   */
  reserveSlack(account: BookAccount): number;
}

/**
 * The absolute tolerance HiGHS works to on rows: its default (1e-7) up to a household of $10 million;
 * beyond, 10⁻¹⁴ of T (about 45 units in the last place of T) — a row adding up trillions is exact in
 * floating point only to about 10⁻⁴, and a tighter tolerance ends in "solve error".
 */
export function numericTolerance(book: Book): number {
  // The money the model handles: T, or more when positions are valued at a ticker's first price and
  // another row of it is priced far lower (the planner uses one price per ticker).
  const positions = book.positions.reduce((s, p) => s + p.shares * p.price, 0);
  return Math.max(book.total / 100, positions) * 1e-14;
}

export function planContext(book: Book): PlanContext {
  const contributions = sumCents(book.accounts.map((a) => a.account.contribution));
  const tolerance = numericTolerance(book);
  const slack = tolerance > 1e-7 ? tolerance : 0;
  return {
    book,
    slack,
    reserveSlack: (a) => Math.min(slack, Math.max(0, (a.cash + a.account.contribution - a.account.reserve) / 100)),
    classValueToday: (keyId) => addCents(book.valueByKey.get(keyId) ?? ZERO_CENTS, keyId === CASH_KEY ? contributions : ZERO_CENTS),
  };
}
