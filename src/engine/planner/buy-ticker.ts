/**
 * The buy-ticker rule (PRODUCT.md): a buy for class c in account a uses the class's ticker already
 * held in a (the largest), else the Targets' Buy ticker, else the class's largest holding anywhere
 * in the household. One buy ticker per account and class, so a class is bought one way per account.
 *
 * A class that is under target but cannot be bought (no ticker to buy, or a Buy ticker with no price)
 * is left out of the buys with a warning naming its Targets row (PRODUCT.md, "Partial results"): the
 * rest of the household is still planned, and D still counts the class — the plan just cannot move it.
 */
import { Warning, warning } from '../errors';
import { formatPlainNumber } from '../format';
import { Book, BookAccount, BookClass, BookPosition, MIN_PRICE, positionId } from './book';

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

export interface BuyChoices {
  readonly choices: BuyChoice[];
  /** One per underweight class the planner cannot buy (or can buy only where it is already held). */
  readonly warnings: Warning[];
}

type Missing = { readonly kind: 'noTicker' } | { readonly kind: 'noPrice' | 'tinyPrice'; readonly ticker: string };

export function buyChoices(book: Book, underweight: (cls: BookClass) => boolean): BuyChoices {
  const choices: BuyChoice[] = [];
  const largestAnywhere = largestTickerByClass(book);
  const missing = new Map<BookClass, Missing>();
  const valueOnlyClasses = new Set([...book.leftAlone.values()].map((p) => `${p.account.name}\u0000${p.keyId}`));
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
      // The account holds the class only in rows with a Value and no Shares/Price: its ticker for the
      // class is that one, which the planner leaves as it is (the value-only warning says so).
      if (valueOnlyClasses.has(`${account.name}\u0000${cls.keyId}`)) continue;
      const ticker = cls.buyTicker ?? largestAnywhere.get(cls.keyId) ?? null;
      if (ticker === null) {
        if (cls.target > 0 && underweight(cls)) missing.set(cls, { kind: 'noTicker' });
        continue;
      }
      if (book.leftAlone.has(positionId(account.name, ticker))) continue; // never buy into a value-only position
      const price = book.priceOf.get(ticker);
      if (price === undefined || price < MIN_PRICE) {
        if (underweight(cls)) missing.set(cls, { kind: price === undefined ? 'noPrice' : 'tinyPrice', ticker });
        continue;
      }
      const position = book.positions.find((p) => p.account === account && p.ticker === ticker) ?? null;
      choices.push({ account, cls, ticker, price, source: cls.buyTicker ? 'targets' : 'largest', position });
    }
  }
  const warnings = [...missing].map(([cls, why]) => notBought(cls, why, choices.some((c) => c.cls === cls)));
  return { choices, warnings };
}

function notBought(cls: BookClass, why: Missing, boughtSomewhere: boolean): Warning {
  const place = { table: 'Targets', row: cls.row, column: 'Buy' };
  // Only the accounts that already hold the class buy it; the others have no ticker to buy.
  const outcome = boughtSomewhere ? 'only accounts that already hold it buy it' : 'it is left out of the plan';
  if (why.kind === 'noTicker') {
    return warning('classNotBought', place, `${cls.label} is under target but no account holds it (with Shares and Price) and Targets gives no Buy ticker for it; ${outcome} (add a Buy ticker to buy it)`);
  }
  if (why.kind === 'tinyPrice') {
    return warning('classNotBought', place, `${cls.label} is under target but its Buy ticker ${why.ticker} has a price below the ${formatPlainNumber(MIN_PRICE, '$')} the planner can trade at; ${outcome}`);
  }
  return warning(
    'classNotBought',
    place,
    `${cls.label} is under target but its Buy ticker ${why.ticker} has no price: no Holdings row gives one; ${outcome} (add a row for ${why.ticker} with Shares 0 and its Price)`,
  );
}

/**
 * The ticker with the largest total value in each class, across every account. A position the planner
 * leaves alone (a value-only row) still counts when its ticker has a price elsewhere: VTI held as a
 * value-only row is still a VTI holding, and other accounts may buy VTI at that price.
 */
function largestTickerByClass(book: Book): Map<string, string> {
  const valueOf = new Map<string, { keyId: string; ticker: string; value: number }>();
  const priced = [...book.leftAlone.values()].filter((p) => (book.priceOf.get(p.ticker) ?? 0) >= MIN_PRICE);
  for (const p of [...book.positions, ...priced]) {
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
