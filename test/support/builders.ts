/**
 * Tiny builders so tests read as sentences:
 *   household({ holdings: [lot('Joint', 'VTI', 10, 250, { basis: 1500, acquired: '2020-01-02' }), cash('Joint', 500)],
 *               targets: { 'US Stocks': 0.6, Bonds: 0.4 } })
 * They produce the same 2-D tables (header row first) a workbook would, and go through the real parser.
 */
import type { Cell, Household, TableInput } from '../../src/engine';
import { readHousehold } from '../../src/engine';

export interface HoldingSpec {
  account: string;
  ticker: string;
  class?: string | null;
  shares?: number | null;
  price?: number | null;
  value?: number | null;
  basis?: number | null;
  acquired?: string | null;
}

const CLASS_OF: Record<string, string> = {
  VTI: 'US Stocks', VOO: 'US Stocks', SCHB: 'US Stocks', ITOT: 'US Stocks', QQQ: 'US Stocks', AAPL: 'US Stocks', FXAIX: 'US Stocks',
  VXUS: 'Intl Stocks', SCHF: 'Intl Stocks', IXUS: 'Intl Stocks', VEA: 'Intl Stocks',
  BND: 'Bonds', SCHZ: 'Bonds', AGG: 'Bonds', FXNAX: 'Bonds',
  VNQ: 'Real Estate',
};

/** A position (or lot) whose class is looked up from a few well-known tickers unless given. */
export function lot(account: string, ticker: string, shares: number, price: number, extra: Partial<HoldingSpec> = {}): HoldingSpec {
  return { account, ticker, class: CLASS_OF[ticker] ?? null, shares, price, ...extra };
}

export function cash(account: string, value: number): HoldingSpec {
  return { account, ticker: 'CASH', class: 'Cash', value };
}

export function table(name: string, cells: Cell[][], headerRow = 1): TableInput {
  return { name, cells, headerRow };
}

export function holdingsTable(rows: HoldingSpec[]): TableInput {
  const header = ['Account', 'Ticker', 'Class', 'Shares', 'Price', 'Value', 'Cost Basis', 'Acquired'];
  return table('Holdings', [
    header,
    ...rows.map((h) => [h.account, h.ticker, h.class ?? null, h.shares ?? null, h.price ?? null, h.value ?? null, h.basis ?? null, h.acquired ?? null]),
  ]);
}

export function targetsTable(targets: Record<string, number | string>, extra: Record<string, { band?: number; buy?: string }> = {}): TableInput {
  return table('Targets', [
    ['Class', 'Target', 'Band', 'Buy'],
    ...Object.entries(targets).map(([k, t]) => [k, t, extra[k]?.band ?? null, extra[k]?.buy ?? null]),
  ]);
}

export interface AccountSpec {
  account: string;
  type?: string;
  owner?: string;
  contribution?: number;
  reserve?: number;
  trade?: string | boolean;
}

export function accountsTable(rows: AccountSpec[]): TableInput {
  return table('Accounts', [
    ['Account', 'Type', 'Owner', 'Contribution', 'Reserve', 'Trade'],
    ...rows.map((a) => [a.account, a.type ?? null, a.owner ?? null, a.contribution ?? null, a.reserve ?? null, a.trade ?? null]),
  ]);
}

export function settingsTable(settings: Record<string, Cell>): TableInput {
  return table('Settings', [['Key', 'Value'], ...Object.entries(settings).map(([k, v]) => [k, v])]);
}

export interface HouseholdSpec {
  holdings: HoldingSpec[];
  targets?: Record<string, number | string>;
  targetOptions?: Record<string, { band?: number; buy?: string }>;
  accounts?: AccountSpec[];
  settings?: Record<string, Cell>;
  funds?: Cell[][];
  identical?: Cell[][];
  /** Mix rows below the header Ticker | Class | Weight, e.g. [['VFIFX', 'US Stocks', 0.54], …]. */
  mix?: Cell[][];
}

/** Builds the tables and reads them with the real parser. */
export function household(spec: HouseholdSpec): Household {
  return readHousehold({
    holdings: holdingsTable(spec.holdings),
    targets: spec.targets ? targetsTable(spec.targets, spec.targetOptions) : null,
    accounts: spec.accounts ? accountsTable(spec.accounts) : null,
    settings: spec.settings ? settingsTable(spec.settings) : null,
    funds: spec.funds ? table('Funds', spec.funds) : null,
    identical: spec.identical ? table('Identical', spec.identical) : null,
    mix: spec.mix ? table('Mix', [['Ticker', 'Class', 'Weight'], ...spec.mix]) : null,
  });
}
