/**
 * The household as the planner sees it: each account's cash, each position (the rows with the same
 * account and ticker are its lots) with its price, and each class's target and tolerance. Pure data,
 * read once from the Household; the model and the explanations both read it.
 */
import { bandOf } from '../drift';
import { InputError } from '../errors';
import { formatCents } from '../format';
import { IsoDate } from '../dates';
import { addCents, Cents, ZERO_CENTS } from '../money';
import { Account, CASH_CLASS, Holding, Household, keyOf, Settings } from '../model';
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
  readonly keyId: string;
  readonly label: string;
  readonly price: number;
  readonly shares: number;
  readonly value: Cents;
  readonly lots: readonly BookLot[];
  /** Has a target (its class is in Targets). */
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
}

export const CASH_KEY = keyOf(CASH_CLASS);

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
    const id = `${keyOf(h.account)}\u0000${h.ticker}`;
    const rows = byPosition.get(id);
    if (rows) rows.push(h);
    else byPosition.set(id, [h]);
  }
  for (const rows of byPosition.values()) {
    const first = rows[0];
    const account = accountOf.get(keyOf(first.account))!;
    const price = priceOf.get(first.ticker) ?? null;
    const isTargeted = targeted.has(first.keyId);
    const mayTrade = account.account.tradable && (isTargeted || settings.sellUntargeted);
    if (price === null || rows.some((h) => h.shares === null)) {
      if (mayTrade) {
        const bad = rows.find((h) => h.shares === null || h.price === null) ?? first;
        throw new InputError(
          { table: 'Holdings', row: bad.row, column: 'Price' },
          `${first.ticker} in ${first.account} has no price and shares (only a Value), so the planner cannot trade it; give Shares and Price, or set its account's Trade to No`,
        );
      }
      continue; // a value-only row that is never traded only counts in the totals
    }
    const lots = rows.map((h) => bookLot(h, price, account.account.tax === 'taxable', asOf));
    positions.push({
      index: positions.length,
      account,
      ticker: first.ticker,
      keyId: first.keyId,
      label: first.key,
      price,
      shares: lots.reduce((s, l) => s + l.shares, 0),
      value: rows.reduce((s, h) => addCents(s, h.value), ZERO_CENTS),
      lots,
      targeted: isTargeted,
      washGroup: washGroupOf(first.ticker, household.identical),
    });
  }
  const valueByKey = new Map<string, Cents>();
  let totalToday = ZERO_CENTS;
  for (const h of household.holdings) {
    totalToday = addCents(totalToday, h.value);
    valueByKey.set(h.keyId, addCents(valueByKey.get(h.keyId) ?? ZERO_CENTS, h.value));
  }
  const contributions = household.accounts.reduce((s, a) => addCents(s, a.contribution), ZERO_CENTS);
  const recentlyBought = new Set<string>();
  for (const h of household.holdings) {
    if (!h.isCash && boughtWithinWashWindow(h.acquired, asOf)) recentlyBought.add(washGroupOf(h.ticker, household.identical));
  }
  const total = addCents(totalToday, contributions);
  if (total <= 0) {
    throw new InputError({ table: 'Holdings', row: null, column: null }, `the household's total value is ${formatCents(total)}; a plan needs a positive total`);
  }
  return { asOf, settings, accounts, positions, classes, totalToday, total, valueByKey, priceOf, recentlyBought, identical: household.identical };
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
