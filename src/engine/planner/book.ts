/**
 * The household as the planner sees it: each account's cash, each position (the rows with the same
 * account and ticker are its lots) with its price, and each class's target and tolerance. Pure data,
 * read once from the Household; the model and the explanations both read it.
 */
import { bandOf } from '../drift';
import { InputError, Warning, warning } from '../errors';
import { formatCents, formatList, formatPlainNumber } from '../format';
import { IsoDate } from '../dates';
import { addCents, Cents, sumCents, ZERO_CENTS } from '../money';
import { classSharesOf, classValues } from '../class-split';
import { Account, CASH_CLASS, ClassShare, FundMix, Holding, Household, keyOf, Settings } from '../model';
import { boughtWithinWashWindow, Term, termOf, washGroupOf } from './taxes';

export interface BookLot {
  readonly holding: Holding;
  readonly shares: number;
  readonly basis: Cents | null;
  readonly acquired: IsoDate | null;
  readonly term: Term;
  /** Price minus basis per share, in dollars; 0 without a basis. */
  readonly gainPerShare: number;
  /** A taxable lot below its basis: selling it realises a loss. */
  readonly isLoss: boolean;
}

export interface BookPosition {
  readonly index: number;
  readonly account: BookAccount;
  readonly ticker: string;
  /** Its class; for a fund that spans classes an id no class has (it is no class's ticker, mixId). */
  readonly keyId: string;
  readonly label: string;
  /** The classes it counts toward, by weight: its own class at 1, or its mix. */
  readonly split: readonly ClassShare[];
  readonly price: number;
  readonly shares: number;
  readonly value: Cents;
  readonly lots: readonly BookLot[];
  /** Has a target (its class, or one of its mix's classes, is in Targets). */
  readonly targeted: boolean;
  readonly washGroup: string;
}

export interface BookAccount {
  readonly account: Account;
  readonly name: string;
  readonly cash: Cents;
  /** Value of everything in the account before trades, cash included, before contributions. */
  readonly value: Cents;
}

export interface BookClass {
  readonly keyId: string;
  readonly label: string;
  readonly target: number;
  /** Tolerance as a fraction of T: 0 (RebalanceTo Target) or the class's band (BandEdge). */
  readonly tolerance: number;
  readonly band: number;
  readonly isCash: boolean;
  readonly row: number | null;
  readonly buyTicker: string | null;
}

export interface Book {
  readonly asOf: IsoDate;
  readonly settings: Settings;
  readonly accounts: readonly BookAccount[];
  readonly positions: readonly BookPosition[];
  readonly classes: readonly BookClass[];
  /** Household total today, cash included. */
  readonly totalToday: Cents;
  /** T: the total after contributions. */
  readonly total: Cents;
  /** Value today per class keyId (cash under Cash's keyId; untargeted keys too). */
  readonly valueByKey: ReadonlyMap<string, Cents>;
  /** Price of each ticker, from the first row that gives one. */
  readonly priceOf: ReadonlyMap<string, number>;
  /** Wash-sale groups with a purchase in the 30 days before AsOf. */
  readonly recentlyBought: ReadonlySet<string>;
  readonly identical: ReadonlyMap<string, string>;
  /** Funds that span classes: ticker → its mix. */
  readonly mixes: ReadonlyMap<string, FundMix>;
  /**
   * Positions (positionId) the planner neither sells nor buys more of: a row with only a Value (no
   * shares to sell, no price to buy at), or a price or share count outside MIN_PRICE..MAX_SHARES.
   */
  readonly leftAlone: ReadonlyMap<string, LeftAlone>;
  /** What the user should know about the book: one warning per account with positions left alone. */
  readonly warnings: readonly Warning[];
}

/** One position: an account and a ticker (its rows are the lots). */
export function positionId(account: string, ticker: string): string {
  return `${keyOf(account)}\u0000${ticker}`;
}

export const CASH_KEY = keyOf(CASH_CLASS);

/**
 * The key a fund that spans classes is grouped by where one class is expected (the buy-ticker rule,
 * value-only positions): no class's key, so such a fund is never "the class's ticker" by accident.
 */
export function mixId(ticker: string): string {
  return `\u0001mix\u0000${ticker}`;
}

/** The classes a ticker counts toward when bought: its mix, else the one class it is bought for. */
export function splitOf(book: Pick<Book, 'mixes'>, ticker: string, cls: { keyId: string; label: string }): readonly ClassShare[] {
  return book.mixes.get(ticker)?.shares ?? [{ key: cls.label, keyId: cls.keyId, weight: 1 }];
}

/**
 * The range of prices and share counts the solver can work with exactly. A price is a coefficient of
 * the model (HiGHS drops coefficients below 1e-9 as zero, which would make buying free), and a share
 * count is a coefficient and an integer column (HiGHS refuses coefficients of 1e15 and more, and whole
 * shares stop being exact in floating point long before 2^53). A position outside the range is left
 * as it is, with a warning; a buy is at most MAX_SHARES shares.
 */
export const MIN_PRICE = 1e-6;
export const MAX_SHARES = 1e13;

export type LeftAloneReason = 'valueOnly' | 'tinyPrice' | 'tooManyShares';

export interface LeftAlone {
  readonly account: BookAccount;
  readonly ticker: string;
  readonly keyId: string;
  readonly value: Cents;
  readonly reason: LeftAloneReason;
}

export function buildBook(household: Household, asOf: IsoDate): Book {
  const { settings } = household;
  if (household.targets.length === 0) {
    throw new InputError({ table: 'Targets', row: null, column: null }, 'a Targets table is needed to plan trades');
  }
  const classes = bookClasses(household);
  const targeted = new Set(classes.map((c) => c.keyId));
  const priceOf = new Map<string, number>();
  for (const h of household.holdings) if (!h.isCash && h.price !== null && h.price > 0 && !priceOf.has(h.ticker)) priceOf.set(h.ticker, h.price);
  const accounts = household.accounts.map((account) => {
    const rows = household.holdings.filter((h) => keyOf(h.account) === keyOf(account.name));
    return {
      account,
      name: account.name,
      cash: rows.filter((h) => h.isCash).reduce((s, h) => addCents(s, h.value), ZERO_CENTS),
      value: rows.reduce((s, h) => addCents(s, h.value), ZERO_CENTS),
    };
  });
  const accountOf = new Map(accounts.map((a) => [keyOf(a.name), a]));
  const positions: BookPosition[] = [];
  const byPosition = new Map<string, Holding[]>();
  for (const h of household.holdings) {
    if (h.isCash) continue;
    const id = positionId(h.account, h.ticker);
    const rows = byPosition.get(id);
    if (rows) rows.push(h);
    else byPosition.set(id, [h]);
  }
  const leftAlone = new Map<string, LeftAlone>();
  const outOfRange: Warning[] = [];
  /** Per account (by key), the value-only rows of positions it would otherwise trade. */
  const valueOnlyRows = new Map<string, Holding[]>();
  for (const [id, rows] of byPosition) {
    const first = rows[0];
    const account = accountOf.get(keyOf(first.account))!;
    const price = priceOf.get(first.ticker) ?? null;
    const split = classSharesOf(household.mixes, first);
    // A mix of one class at 100% is that class: the fund may be the class's ticker like any other.
    const keyId = split.length > 1 ? mixId(first.ticker) : split[0].keyId;
    // A fund that spans classes trades when any of its classes has a target; the rest moves with it.
    const isTargeted = split.some((c) => targeted.has(c.keyId));
    const mayTrade = account.account.tradable && (isTargeted || settings.sellUntargeted);
    if (price === null || rows.some((h) => h.shares === null)) {
      // A Value-only row counts in the totals (valueByKey, the account's value) but has no shares to
      // sell or price to buy at, so its whole position stays as it is; the warning says so only
      // where the planner would otherwise have traded it.
      leftAlone.set(id, { account, ticker: first.ticker, keyId, value: sumCents(rows.map((h) => h.value)), reason: 'valueOnly' });
      if (mayTrade) {
        const list = valueOnlyRows.get(keyOf(first.account)) ?? [];
        const valueOnly = rows.filter((h) => h.shares === null || h.price === null);
        list.push(...(valueOnly.length > 0 ? valueOnly : rows));
        valueOnlyRows.set(keyOf(first.account), list);
      }
      continue;
    }
    const shares = rows.reduce((n, h) => n + h.shares!, 0);
    if (price < MIN_PRICE || shares > MAX_SHARES) {
      const reason = price < MIN_PRICE ? 'tinyPrice' : 'tooManyShares';
      leftAlone.set(id, { account, ticker: first.ticker, keyId, value: sumCents(rows.map((h) => h.value)), reason });
      if (mayTrade) outOfRange.push(outOfRangeWarning(first, reason, price, shares));
      continue;
    }
    const lots = rows.map((h) => bookLot(h, price, account.account.tax === 'taxable', asOf));
    positions.push({
      index: positions.length,
      account,
      ticker: first.ticker,
      keyId,
      label: split.length > 1 ? first.ticker : split[0].key,
      split,
      price,
      shares: lots.reduce((s, l) => s + l.shares, 0),
      value: rows.reduce((s, h) => addCents(s, h.value), ZERO_CENTS),
      lots,
      targeted: isTargeted,
      washGroup: washGroupOf(first.ticker, household.identical),
    });
  }
  const { total: totalToday, byKey } = classValues(household.holdings, household.mixes);
  const valueByKey = new Map([...byKey].map(([k, c]) => [k, c.value]));
  const contributions = household.accounts.reduce((s, a) => addCents(s, a.contribution), ZERO_CENTS);
  const recentlyBought = new Set<string>();
  for (const h of household.holdings) {
    if (!h.isCash && boughtWithinWashWindow(h.acquired, asOf)) recentlyBought.add(washGroupOf(h.ticker, household.identical));
  }
  const total = addCents(totalToday, contributions);
  if (total <= 0) {
    throw new InputError({ table: 'Holdings', row: null, column: null }, `the household's total value is ${formatCents(total)}; a plan needs a positive total`);
  }
  const warnings = accounts.flatMap((a) => {
    const rows = valueOnlyRows.get(keyOf(a.name));
    return rows ? [valueOnlyWarning(a.name, rows)] : [];
  });
  warnings.push(...outOfRange);
  return { asOf, settings, accounts, positions, classes, totalToday, total, valueByKey, priceOf, recentlyBought, identical: household.identical, mixes: household.mixes, leftAlone, warnings };
}

function outOfRangeWarning(h: Holding, reason: 'tinyPrice' | 'tooManyShares', price: number, shares: number): Warning {
  const why =
    reason === 'tinyPrice'
      ? `its price ${formatPlainNumber(price, '$')} is below the ${formatPlainNumber(MIN_PRICE, '$')} the planner can trade at`
      : `its ${formatPlainNumber(shares)} shares are more than the ${formatPlainNumber(MAX_SHARES)} the planner can count exactly`;
  return warning('notTradable', { table: 'Holdings', row: h.row, column: reason === 'tinyPrice' ? 'Price' : 'Shares' }, `${h.ticker} in ${h.account}: ${why}, so the planner leaves it as it is`);
}

/** How many tickers, and rows of each, a value-only warning names before it counts the rest. */
const TICKERS_NAMED = 6;
const ROWS_NAMED = 5;

/** "row 5", "rows 5, 9", "rows 5, 9, 12, 14, 20 and 37 more". */
function rowList(rows: readonly number[]): string {
  const shown = rows.slice(0, ROWS_NAMED).join(', ');
  return `row${rows.length > 1 ? 's' : ''} ${shown}${rows.length > ROWS_NAMED ? ` and ${rows.length - ROWS_NAMED} more` : ''}`;
}

/**
 * One warning per account: Place holds one row, so it names the first; the text gives every
 * ticker with its rows, e.g. "FXAIX (row 5) and VFIFX (rows 9, 12) in Alex 401k have only a Value…"
 * (beyond six tickers, or five rows of one, the rest are counted so the line stays readable).
 */
function valueOnlyWarning(account: string, rows: readonly Holding[]): Warning {
  const byTicker = new Map<string, number[]>();
  for (const h of rows) {
    const list = byTicker.get(h.ticker);
    if (list) list.push(h.row);
    else byTicker.set(h.ticker, [h.row]);
  }
  const entries = [...byTicker];
  const named = entries.slice(0, entries.length > TICKERS_NAMED ? TICKERS_NAMED - 1 : TICKERS_NAMED).map(([ticker, r]) => `${ticker} (${rowList(r)})`);
  if (entries.length > TICKERS_NAMED) {
    const rest = entries.slice(TICKERS_NAMED - 1);
    named.push(`${rest.length} more funds (${rowList(rest.flatMap(([, r]) => r))})`);
  }
  const list = formatList(named);
  const one = byTicker.size === 1;
  const first = rows.reduce((m, h) => Math.min(m, h.row), Infinity);
  return warning(
    'valueOnly',
    { table: 'Holdings', row: first, column: null },
    `${list} in ${account} ${one ? 'has' : 'have'} only a Value (no Shares and Price), so the planner leaves ${one ? 'it as it is' : 'them as they are'}; give Shares and Price to trade ${one ? 'it' : 'them'}`,
  );
}

function bookLot(h: Holding, price: number, taxable: boolean, asOf: IsoDate): BookLot {
  const shares = h.shares ?? 0;
  const basisPerShare = h.costBasis === null || shares <= 0 ? null : h.costBasis / 100 / shares;
  const gainPerShare = basisPerShare === null ? 0 : price - basisPerShare;
  return {
    holding: h,
    shares,
    basis: h.costBasis,
    acquired: h.acquired,
    term: termOf(h.acquired, asOf),
    gainPerShare,
    isLoss: taxable && gainPerShare < 0,
  };
}

/** Every class in Targets, then Cash at 0% when Targets has no Cash row. */
function bookClasses(household: Household): BookClass[] {
  const { settings } = household;
  const edge = settings.rebalanceTo === 'BandEdge';
  const classes: BookClass[] = household.targets.map((t) => {
    const band = bandOf(t, settings);
    return {
      keyId: keyOf(t.key),
      label: t.key,
      target: t.weight,
      band,
      tolerance: edge ? band : 0,
      isCash: keyOf(t.key) === CASH_KEY,
      row: t.row,
      buyTicker: t.buy,
    };
  });
  if (!classes.some((c) => c.isCash)) {
    const band = bandOf({ weight: 0, band: null }, settings);
    classes.push({ keyId: CASH_KEY, label: CASH_CLASS, target: 0, band, tolerance: edge ? band : 0, isCash: true, row: null, buyTicker: null });
  }
  return classes;
}

/** Shares of a position whose rows are whole numbers of shares stay integral in floating point. */
export function isWhole(x: number): boolean {
  return Math.abs(x - Math.round(x)) < 1e-9;
}

/**
 * A class's weight today, before contributions. A household whose only money is a contribution has
 * no weights yet: every class is at 0% of nothing, not NaN.
 */
export function weightToday(book: Book, keyId: string): number {
  return book.totalToday > 0 ? (book.valueByKey.get(keyId) ?? 0) / book.totalToday : 0;
}
