/** What every rule needs to know about the household while the model is built. */
import { Cents } from '../money';
import { Book, CASH_KEY } from './book';

export interface PlanContext {
  readonly book: Book;
  /** Value of a class today; Cash includes every account's contribution (T counts it). */
  classValueToday(keyId: string): Cents;
}

export function planContext(book: Book): PlanContext {
  const contributions = book.accounts.reduce((s, a) => s + a.account.contribution, 0);
  return {
    book,
    classValueToday: (keyId) => (book.valueByKey.get(keyId) ?? 0) + (keyId === CASH_KEY ? contributions : 0),
  };
}
