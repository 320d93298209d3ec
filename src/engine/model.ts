/**
 * The household's vocabulary, as read from the workbook. Money is in integer cents, typed `Cents`
 * (see money.ts: a number in dollars does not type-check as Cents); the field names mirror the
 * workbook's columns and keys, so they do not repeat the unit. Prices are dollars per share; weights,
 * rates and shares are plain numbers.
 */
import { Cents } from './money';
import { IsoDate } from './dates';
import { Warning } from './errors';

/** The class every cash row belongs to. */
export const CASH_CLASS = 'Cash';
export const CASH_TICKER = 'CASH';

/** One row of Holdings: a position, or one tax lot of a position. */
export interface Holding {
  /** Worksheet row number, for messages. */
  readonly row: number;
  readonly account: string;
  /** Upper-case ticker; CASH for cash rows. */
  readonly ticker: string;
  /** The class as written, or null when the row has none. */
  readonly assetClass: string | null;
  /** What targets match: the class, else the ticker (Cash for cash). Compare with keyOf(). */
  readonly key: string;
  /** keyOf(key), computed once: what drift and the planner group by. */
  readonly keyId: string;
  readonly isCash: boolean;
  /** Null for a value-only row (cash, or a fund typed as a market value). */
  readonly shares: number | null;
  /** Dollars per share. */
  readonly price: number | null;
  /** In cents: Shares × Price to the cent, or Value as typed. */
  readonly value: Cents;
  /** Total cost of the row (the lot), in cents; null when not given. */
  readonly costBasis: Cents | null;
  readonly acquired: IsoDate | null;
}

export interface Target {
  readonly row: number;
  /** Class or ticker as written in Targets. */
  readonly key: string;
  /** Fraction of the household, 0.6 = 60%. */
  readonly weight: number;
  /** Absolute band (fraction) overriding the 5/25 rule for this row. */
  readonly band: number | null;
  /** Ticker to buy for this class where an account holds none of it. */
  readonly buy: string | null;
}

export type AccountType = 'Taxable' | 'Traditional' | 'Roth' | 'HSA';
export type TaxTreatment = 'taxable' | 'taxDeferred' | 'taxFree';

export interface Account {
  readonly name: string;
  readonly type: AccountType;
  readonly tax: TaxTreatment;
  /** Where the type came from: the Accounts table, or inferred from the account's name. */
  readonly typeSource: 'table' | 'inferred';
  readonly owner: string | null;
  /** New cash this rebalance, in cents (the Contribution column, typed in dollars). */
  readonly contribution: Cents;
  /** Cash the account keeps, in cents (the Reserve column, typed in dollars). */
  readonly reserve: Cents;
  /** False freezes the account: nothing in it is traded. */
  readonly tradable: boolean;
  /** Accounts-table row, null for an account that appears only in Holdings. */
  readonly row: number | null;
}

export type RebalanceRule = 'Calendar' | 'Threshold' | 'Hybrid';
export type Frequency = 'Monthly' | 'Quarterly' | 'Semiannual' | 'Annual';
export type PlanMode = 'Full' | 'BuyOnly';
export type RebalanceTo = 'Target' | 'BandEdge';

export interface Settings {
  readonly band: number;
  readonly relativeBand: number;
  readonly rule: RebalanceRule;
  readonly frequency: Frequency;
  readonly lastRebalanced: IsoDate | null;
  readonly asOf: IsoDate | null;
  readonly mode: PlanMode;
  readonly rebalanceTo: RebalanceTo;
  readonly wholeShares: boolean;
  /** The smallest trade, in cents (MinTrade, typed in dollars); selling a whole position is exempt. */
  readonly minTrade: Cents;
  readonly taxAware: boolean;
  readonly shortTermRate: number;
  readonly longTermRate: number;
  readonly harvestLosses: boolean;
  /** Cost per trade, in cents (Commission, typed in dollars). */
  readonly commission: Cents;
  readonly spreadBps: number;
  readonly sellUntargeted: boolean;
  readonly timeLimit: number;
  readonly concentrationLimit: number;
}

/** One row of a fund's published holdings, weight as a fraction of the fund. */
export interface FundWeight {
  readonly row: number;
  readonly fund: string;
  readonly holding: string;
  readonly weight: number;
}

/** One class a fund that spans classes counts toward. */
export interface ClassShare {
  /** The class as written (in Mix, or in Holdings for a derived mix). */
  readonly key: string;
  readonly keyId: string;
  /** Fraction of the fund; a fund's shares add up to exactly 1. */
  readonly weight: number;
}

export interface FundMix {
  /** Upper-case ticker. */
  readonly ticker: string;
  /** In the order Mix lists them (or the look-through meets them), largest first for a derived mix. */
  readonly shares: readonly ClassShare[];
  /** Typed in Mix, or derived through the Funds table. */
  readonly source: 'table' | 'derived';
  /** Per class keyId, the Mix row that gives it (table mixes only), for messages. */
  readonly rows: ReadonlyMap<string, number>;
}

export interface Household {
  readonly holdings: readonly Holding[];
  readonly targets: readonly Target[];
  /** Every account in Holdings or Accounts, in order of first appearance. */
  readonly accounts: readonly Account[];
  readonly settings: Settings;
  readonly funds: readonly FundWeight[];
  /** Upper-case ticker → its substantially-identical group name. */
  readonly identical: ReadonlyMap<string, string>;
  /** Held ticker → its classes, for every fund that spans classes (from Mix, or derived through Funds). */
  readonly mixes: ReadonlyMap<string, FundMix>;
  readonly warnings: readonly Warning[];
}

const keyCache = new Map<string, string>();
const KEY_CACHE_LIMIT = 10_000;

/** Keys (classes, tickers, accounts) compare case-insensitively and ignore surrounding spaces. */
export function keyOf(name: string): string {
  let key = keyCache.get(name);
  if (key === undefined) {
    key = name.trim().toLowerCase();
    // A workbook has few distinct names but many rows; memoising keeps parsing near a plain loop's speed.
    if (keyCache.size >= KEY_CACHE_LIMIT) keyCache.clear();
    keyCache.set(name, key);
  }
  return key;
}
