/**
 * The solver's numbers → trades in exact money. Share counts become exact decimals (whole shares, or
 * fractional to 6 places), each sell is split over its lots as the solver chose (specific
 * identification), and every amount, gain, tax and cost is rounded to the cent with decimal.js, so
 * each account's cash after the plan reconciles to the cent.
 */
import Decimal from 'decimal.js';
import { IsoDate } from '../dates';
import { addCents, Cents, decimalToCents, Money, negateCents, subtractCents, sumCents, ZERO_CENTS } from '../money';
import { Book, BookAccount, BookLot } from './book';
import { Leg } from './legs';
import { Term, washGroupOf } from './taxes';
import { ClassShare, Settings } from '../model';

export type TradeAction = 'BUY' | 'SELL';

export interface TradeLot {
  /** The Holdings row of the lot. */
  readonly row: number;
  readonly acquired: IsoDate | null;
  readonly shares: number;
  /** Basis of the shares sold from this lot (not of the whole lot); null when the lot has none. */
  readonly basis: Cents | null;
  readonly gain: Cents;
  readonly term: Term;
  readonly estTax: Cents;
}

export interface Trade {
  readonly account: string;
  readonly ticker: string;
  readonly action: TradeAction;
  readonly shares: number;
  readonly price: number;
  readonly amount: Cents;
  readonly estTax: Cents;
  /** Commission plus spread. */
  readonly cost: Cents;
  readonly lots: readonly TradeLot[];
  /** The class (or ticker) the trade moves, as written in Targets/Holdings; the ticker for a fund that spans classes. */
  readonly classLabel: string;
  readonly keyId: string;
  /** The classes it moves, by weight: one at 1, or a mix (Mix, or derived through Funds). */
  readonly split: readonly ClassShare[];
  readonly reason: string;
}

export type DraftTrade = Omit<Trade, 'reason'> & { readonly leg: Leg; readonly bookAccount: BookAccount };

const FRACTION_DIGITS = 6;

/**
 * Decimals a fractional share count keeps: 6, fewer once the count is large, so that it has at most 15
 * significant digits and its plain number (the JSON, the cell) is exactly the decimal the lots add up
 * to — 5,000,000,123,455.99 shares, not 5,000,000,123,455.990234.
 */
export function shareDigits(shares: number): number {
  return Math.max(0, Math.min(FRACTION_DIGITS, 15 - Math.ceil(Math.log10(Math.max(1, Math.abs(shares))))));
}
const EPS = 1e-7;

/**
 * The trades of a solution. A sell takes its lots in the sell order (sell-order.ts), loss lots only
 * when `lossAllowed` says its wash-sale group is not bought by the plan.
 */
export function draftTrades(legs: readonly Leg[], x: ArrayLike<number>, settings: Settings, lossAllowed: (leg: Leg) => boolean): DraftTrade[] {
  const out: DraftTrade[] = [];
  for (const leg of legs) {
    const sell = sellOf(leg, x, settings, lossAllowed(leg));
    if (sell) out.push(sell);
    const buy = buyOf(leg, x, settings);
    if (buy) out.push(buy);
  }
  return out;
}

function sharesOf(value: number, whole: boolean, digits = shareDigits(value)): Decimal {
  if (whole) return new Money(Math.round(value));
  return new Money(value).toDecimalPlaces(digits, Decimal.ROUND_DOWN);
}

function buyOf(leg: Leg, x: ArrayLike<number>, settings: Settings): DraftTrade | null {
  if (leg.buy === null || x[leg.buyOn!] < 0.5 || x[leg.buy] < EPS) return null;
  const shares = sharesOf(x[leg.buy], settings.wholeShares);
  if (shares.lte(0)) return null;
  const amount = decimalToCents(shares.times(leg.price));
  return draft(leg, 'BUY', shares.toNumber(), amount, [], settings);
}

function sellOf(leg: Leg, x: ArrayLike<number>, settings: Settings, lossAllowed: boolean): DraftTrade | null {
  if (leg.sell === null || leg.sellOn === null || x[leg.sellOn] < 0.5) return null;
  const sellsAll = leg.sellsAll !== null && x[leg.sellsAll] > 0.5;
  const lots = sellableLots(leg, lossAllowed);
  const available = lots.reduce((n, l) => n.plus(l.shares), new Money(0));
  const wanted = x[leg.sell];
  if (!sellsAll && wanted < EPS) return null;
  const digits = shareDigits(leg.shares);
  // Rounding a sell (to whole shares, or within the solver's tolerance) never sells more than the
  // lots it may take hold.
  const total = sellsAll ? available : Decimal.min(available, sharesOf(wanted + (settings.wholeShares ? 0 : 1e-9), settings.wholeShares, digits));
  return sellDraft(leg, lots, total, settings);
}

/** The lots a sell of this leg may take, in the order it takes them. */
function sellableLots(leg: Leg, lossAllowed: boolean): BookLot[] {
  return leg.tiers.filter((t) => lossAllowed || !t.isLoss).flatMap((t) => t.lots);
}

function tradeLot(leg: Leg, lot: BookLot, shares: Decimal, settings: Settings): TradeLot {
  const proceeds = decimalToCents(shares.times(leg.price));
  const basis = lot.basis === null ? null : decimalToCents(new Money(lot.basis).times(shares).dividedBy(lot.shares).dividedBy(100));
  const gain = basis === null ? ZERO_CENTS : subtractCents(proceeds, basis);
  const taxable = leg.account.account.tax === 'taxable';
  const rate = lot.term === 'LT' ? settings.longTermRate : settings.shortTermRate;
  const estTax = !taxable || (gain < 0 && !settings.harvestLosses) ? ZERO_CENTS : decimalToCents(new Money(gain).times(rate).dividedBy(100));
  return { row: lot.holding.row, acquired: lot.acquired, shares: shares.toNumber(), basis, gain, term: lot.term, estTax };
}

function draft(leg: Leg, action: TradeAction, shares: number, amount: Cents, lots: TradeLot[], settings: Settings): DraftTrade {
  const spread = decimalToCents(new Money(amount).times(settings.spreadBps).dividedBy(10_000).dividedBy(100));
  return {
    account: leg.account.name,
    ticker: leg.ticker,
    action,
    shares,
    price: leg.price,
    amount,
    estTax: sumCents(lots.map((l) => l.estTax)),
    cost: addCents(settings.commission, spread),
    lots,
    classLabel: leg.label,
    keyId: leg.keyId,
    split: leg.split,
    leg,
    bookAccount: leg.account,
  };
}

/**
 * The last word on two rules, in exact cents: every trade ≥ MinTrade (selling a whole position is
 * exempt) and every trading account's cash after the plan ≥ its reserve. The solver keeps them to its
 * tolerance, which is a millionth of a share at everyday sizes but grows with the household (a total
 * of $10¹³ is exact in floating point only to about a tenth of a cent), and whole shares are rounded
 * after it; so a buy that the rounding left short is trimmed (largest buy of the account first), and
 * one below MinTrade is dropped. Dropping or trimming a buy keeps every other rule (wash sales,
 * oversell, buy-and-sell). At everyday sizes this changes nothing.
 */
export function keepRules(drafts: readonly DraftTrade[], book: Book, legs: readonly Leg[]): DraftTrade[] {
  const { settings } = book;
  const held = (t: DraftTrade) => t.leg.position?.lots.reduce((n, l) => n.plus(l.shares), new Money(0)) ?? new Money(0);
  const allowed = (t: DraftTrade) => t.amount >= settings.minTrade || (t.action === 'SELL' && held(t).eq(t.shares));
  let out = drafts.filter(allowed);
  for (const account of book.accounts) {
    if (!account.account.tradable) continue;
    for (let guard = 0; guard < 1000 && cashAfter(account, out) < account.account.reserve; guard++) {
      const buy = out.filter((t) => t.bookAccount === account && t.action === 'BUY').sort((a, b) => b.amount - a.amount)[0];
      if (!buy) break;
      const short = new Money(account.account.reserve - cashAfter(account, out)).dividedBy(100);
      const perShare = new Money(buy.price).times(1 + settings.spreadBps / 10_000);
      const digits = settings.wholeShares ? 0 : shareDigits(buy.shares);
      const fewer = short.dividedBy(perShare).toDecimalPlaces(digits, Decimal.ROUND_UP).plus(settings.wholeShares ? 0 : new Money(10).pow(-digits));
      const shares = new Money(buy.shares).minus(fewer);
      const trimmed = shares.gt(0) ? draft(buy.leg, 'BUY', shares.toNumber(), decimalToCents(shares.times(buy.price)), [], settings) : null;
      out = out.flatMap((t) => (t !== buy ? [t] : trimmed && allowed(trimmed) ? [trimmed] : []));
    }
    if (cashAfter(account, out) < account.account.reserve) out = sellMore(account, out, book, legs, allowed);
  }
  return out;
}

/**
 * An account still short of its reserve with no buy left to trim: the solver raised the cash with a
 * sell so small next to its position (under a millionth of it) that its "sells" indicator rounded to
 * 0 within HiGHS' integrality tolerance, and the draft dropped it. Sell that much more (whole shares
 * or 6 decimals, at least MinTrade), from the lots that may be sold (no loss lot where the plan or the
 * last 30 days bought the group), cheapest in tax first.
 */
function sellMore(account: BookAccount, out: DraftTrade[], book: Book, legs: readonly Leg[], allowed: (t: DraftTrade) => boolean): DraftTrade[] {
  const { settings } = book;
  const boughtGroups = new Set(out.filter((t) => t.action === 'BUY').map((t) => t.leg.position?.washGroup ?? washGroupOf(t.ticker, book.identical)));
  for (const leg of legs) {
    if (leg.account !== account || !leg.sellable || !leg.position || out.some((t) => t.leg === leg && t.action === 'BUY')) continue;
    const group = leg.position.washGroup;
    const lossAllowed = !boughtGroups.has(group) && !book.recentlyBought.has(group);
    const lots = sellableLots(leg, lossAllowed);
    const existing = out.find((t) => t.leg === leg && t.action === 'SELL');
    const available = lots.reduce((n, l) => n.plus(l.shares), new Money(0));
    const digits = settings.wholeShares ? 0 : shareDigits(leg.shares);
    const step = new Money(10).pow(-digits);
    let shares = new Money(existing?.shares ?? 0);
    for (let guard = 0; guard < 60; guard++) {
      const rest = out.filter((t) => t !== existing);
      const short = new Money(account.account.reserve - cashAfter(account, rest)).plus(settings.commission).dividedBy(100);
      const perShare = new Money(leg.price).times(1 - settings.spreadBps / 10_000);
      const need = Decimal.max(short.dividedBy(perShare).toDecimalPlaces(digits, Decimal.ROUND_UP), shares.plus(step));
      shares = Decimal.min(need, available);
      const sell = sellDraft(leg, lots, shares, settings);
      if (!sell) break;
      const next = [...rest, sell];
      if (allowed(sell) && cashAfter(account, next) >= account.account.reserve) return next;
      if (shares.gte(available)) break;
      if (!allowed(sell)) shares = Decimal.max(shares, new Money(settings.minTrade).dividedBy(100).dividedBy(leg.price).toDecimalPlaces(digits, Decimal.ROUND_UP).minus(step));
    }
  }
  return out;
}

/** A sell of `shares` of the leg, taken from `lots` in their order (specific identification). */
function sellDraft(leg: Leg, lots: readonly BookLot[], shares: Decimal, settings: Settings): DraftTrade | null {
  if (shares.lte(0)) return null;
  const parts: TradeLot[] = [];
  let left = shares;
  for (const lot of lots) {
    if (left.lte(0)) break;
    const take = Decimal.min(left, new Money(lot.shares));
    parts.push(tradeLot(leg, lot, take, settings));
    left = left.minus(take);
  }
  const sold = shares.minus(Decimal.max(left, 0));
  return draft(leg, 'SELL', sold.toNumber(), decimalToCents(sold.times(leg.price)), parts, settings);
}

/** Each account's cash after the plan, to the cent: cash + contribution + sells − buys − costs. */
export function cashAfter(account: BookAccount, trades: readonly DraftTrade[]): Cents {
  let cash = addCents(account.cash, account.account.contribution);
  for (const t of trades) {
    if (t.bookAccount !== account) continue;
    cash = addCents(cash, subtractCents(t.action === 'SELL' ? t.amount : negateCents(t.amount), t.cost));
  }
  return cash;
}
