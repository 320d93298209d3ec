/** What every rule needs to know about the household while the model is built. */
import { addCents, Cents, sumCents, ZERO_CENTS } from '../money';
import { Book, CASH_KEY } from './book';

export interface PlanContext {
  readonly book: Book;
  /** Value of a class today; Cash includes every account's contribution (T counts it). */
  classValueToday(keyId: string): Cents;
}

export function planContext(book: Book): PlanContext {
  const contributions = sumCents(book.accounts.map((a) => a.account.contribution));
  return {
    book,
    classValueToday: (keyId) => addCents(book.valueByKey.get(keyId) ?? ZERO_CENTS, keyId === CASH_KEY ? contributions : ZERO_CENTS),
  };
}
