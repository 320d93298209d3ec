/**
 * Legs: every (account, ticker) the plan may trade, with what it may do. A leg may buy when it is the
 * account's buy ticker for its class, and sell lot by lot when its account trades (Trade ≠ No), the
 * mode is not BuyOnly, and the holding has a target (or SellUntargeted is on). Everything else is
 * left untouched by construction: frozen accounts and untargeted holdings get no columns at all.
 */
import { ClassShare } from '../model';
import { Book, BookAccount, BookLot, BookPosition, CASH_KEY, splitOf } from './book';
import { BuyChoice } from './buy-ticker';

/** Lots of equal tax per share and loss status, next to each other in the sell order. */
export interface SellTier {
  readonly lots: readonly BookLot[];
  readonly shares: number;
  /** Estimated tax per share sold, in dollars (0 outside taxable accounts or with TaxAware off). */
  readonly taxPerShare: number;
  readonly isLoss: boolean;
}

export interface Leg {
  readonly id: number;
  readonly account: BookAccount;
  readonly ticker: string;
  readonly keyId: string;
  readonly label: string;
  /** The classes a share of it moves, by weight (one class at 1 unless the ticker spans classes). */
  readonly split: readonly ClassShare[];
  readonly price: number;
  readonly position: BookPosition | null;
  readonly buyChoice: BuyChoice | null;
  readonly sellable: boolean;
  /** Shares held (0 for a ticker the account does not hold yet). */
  readonly shares: number;
  /** Shares bought. */
  buy: number | null;
  /** 1 when the leg buys. */
  buyOn: number | null;
  /** Shares sold (positions scope). */
  sell: number | null;
  /** The lots it may sell, in the order a sell takes them (sell-order.ts). */
  tiers: SellTier[];
  /** Estimated tax of the sell (lots scope); null when the leg has one tier, whose tax is then on `sell`. */
  tax: number | null;
  /** 1 when the leg sells. */
  sellOn: number | null;
  /** 1 when the leg sells the whole position (exempt from MinTrade; allows the fractional remainder). */
  sellsAll: number | null;
  /** Whole shares sold, apart from a fractional remainder sold with the whole position. */
  wholeSold: number | null;
}

export function planLegs(book: Book, choices: readonly BuyChoice[]): Leg[] {
  const legs: Leg[] = [];
  const buyOf = new Map(choices.map((c) => [`${c.account.name}\u0000${c.ticker}`, c]));
  const used = new Set<string>();
  const sellsAllowed = book.settings.mode !== 'BuyOnly';
  for (const p of book.positions) {
    const id = `${p.account.name}\u0000${p.ticker}`;
    const choice = buyOf.get(id) ?? null;
    if (choice) used.add(id);
    const sellable = sellsAllowed && p.account.account.tradable && p.shares > 0 && (p.targeted || book.settings.sellUntargeted);
    if (!sellable && !choice) continue;
    legs.push(newLeg(legs.length, p.account, p.ticker, p.keyId, p.label, p.split, p.price, p, choice, sellable));
  }
  for (const c of choices) {
    if (used.has(`${c.account.name}\u0000${c.ticker}`)) continue;
    legs.push(newLeg(legs.length, c.account, c.ticker, c.cls.keyId, c.cls.label, splitOf(book, c.ticker, c.cls), c.price, c.position, c, false));
  }
  return legs;
}

function newLeg(
  id: number,
  account: BookAccount,
  ticker: string,
  keyId: string,
  label: string,
  split: readonly ClassShare[],
  price: number,
  position: BookPosition | null,
  buyChoice: BuyChoice | null,
  sellable: boolean,
): Leg {
  return {
    id,
    account,
    ticker,
    // A buy leg is counted in the class it is bought for (its ticker's own class when held).
    keyId: buyChoice && !position ? buyChoice.cls.keyId : keyId,
    label: buyChoice && !position ? buyChoice.cls.label : label,
    split,
    price,
    position,
    buyChoice,
    sellable,
    shares: position?.shares ?? 0,
    buy: null,
    buyOn: null,
    sell: null,
    tiers: [],
    tax: null,
    sellOn: null,
    sellsAll: null,
    wholeSold: null,
  };
}

export function isCashKey(keyId: string): boolean {
  return keyId === CASH_KEY;
}

/** The fraction of a leg's value that counts toward a class: 1 or 0, or its mix's weight. */
export function weightIn(leg: Pick<Leg, 'split'>, keyId: string): number {
  let w = 0;
  for (const s of leg.split) if (s.keyId === keyId) w += s.weight;
  return w;
}

/** Every column that belongs to one leg. */
export function legColumns(leg: Leg): number[] {
  return [leg.buy, leg.buyOn, leg.sell, leg.sellOn, leg.sellsAll, leg.wholeSold, leg.tax].filter((c): c is number => c !== null);
}
