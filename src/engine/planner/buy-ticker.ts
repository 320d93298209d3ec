/**
 * The buy-ticker rule (PRODUCT.md): a buy for class c in account a uses the class's ticker already
 * held in a (the largest), else the Targets' Buy ticker, else the class's largest holding anywhere
 * in the household. One buy ticker per account and class, so a class is bought one way per account.
 */
import { InputError } from '../errors';
import { Book, BookAccount, BookClass, BookPosition } from './book';

export type BuySource = 'held' | 'targets' | 'largest';

export interface BuyChoice {
  readonly account: BookAccount;
  readonly cls: BookClass;
  readonly ticker: string;
  readonly price: number;
  readonly source: BuySource;
  /** The account's position in that ticker, when it holds one. */
  readonly position: BookPosition | null;
}

export function buyChoices(book: Book, underweight: (cls: BookClass) => boolean): BuyChoice[] {
  const choices: BuyChoice[] = [];
  const largestAnywhere = largestTickerByClass(book);
  for (const account of book.accounts) {
    if (!account.account.tradable) continue;
    for (const cls of book.classes) {
      if (cls.isCash) continue;
      const held = book.positions
        // A row of the class in the account counts even at 0 shares: the user listed it there.
        .filter((p) => p.account === account && p.keyId === cls.keyId)
        .sort((a, b) => b.value - a.value)[0];
      if (held) {
        choices.push({ account, cls, ticker: held.ticker, price: held.price, source: 'held', position: held });
        continue;
      }
      const ticker = cls.buyTicker ?? largestAnywhere.get(cls.keyId) ?? null;
      if (ticker === null) {
        if (cls.target > 0 && underweight(cls)) throw noTickerToBuy(cls);
        continue;
      }
      const price = book.priceOf.get(ticker);
      if (price === undefined) {
        if (!underweight(cls)) continue;
        throw new InputError(
          { table: 'Targets', row: cls.row, column: 'Buy' },
          `${cls.label} is under target and its Buy ticker ${ticker} has no price: no Holdings row gives one (add a row for ${ticker} with Shares 0 and its Price)`,
        );
      }
      const position = book.positions.find((p) => p.account === account && p.ticker === ticker) ?? null;
      choices.push({ account, cls, ticker, price, source: cls.buyTicker ? 'targets' : 'largest', position });
    }
  }
  return choices;
}

function noTickerToBuy(cls: BookClass): InputError {
  return new InputError(
    { table: 'Targets', row: cls.row, column: 'Buy' },
    `${cls.label} is under target but no account holds it and Targets gives no Buy ticker for it; add a Buy ticker`,
  );
}

/** The ticker with the largest total value in each class, across every account. */
function largestTickerByClass(book: Book): Map<string, string> {
  const valueOf = new Map<string, { keyId: string; ticker: string; value: number }>();
  for (const p of book.positions) {
    const id = `${p.keyId}\u0000${p.ticker}`;
    const entry = valueOf.get(id) ?? { keyId: p.keyId, ticker: p.ticker, value: 0 };
    entry.value += p.value;
    valueOf.set(id, entry);
  }
  const best = new Map<string, { ticker: string; value: number }>();
  for (const e of valueOf.values()) {
    const current = best.get(e.keyId);
    if (!current || e.value > current.value) best.set(e.keyId, { ticker: e.ticker, value: e.value });
  }
  return new Map([...best].map(([k, v]) => [k, v.ticker]));
}
