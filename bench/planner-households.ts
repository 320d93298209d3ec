/**
 * Synthetic households for the planner benchmark: S (1 account, 5 positions), M (5 accounts,
 * 40 positions, 300 lots), L (8 accounts, 80 positions, 2000 lots). Deterministic (seeded), with
 * taxable lots at gains and losses, recent purchases, IRAs and a Roth, cash and a contribution.
 *
 * And three large households (LARGE_SIZES, largeHousehold): years of monthly buying, so each taxable
 * position is tens of lots, each at its month's price (gains on old lots, losses on some recent ones,
 * the latest buy within the 30-day wash-sale window for positions still being bought); two owners'
 * brokerage accounts, IRAs, 401ks, Roths and HSAs, cash in each, contributions and reserves.
 */
import { readHousehold } from '../src/engine';
import type { Cell, Household } from '../src/engine';
import { seededRandom } from './timing';

export interface HouseholdSize {
  readonly name: string;
  readonly accounts: number;
  readonly positions: number;
  readonly lots: number;
}

export const SIZES: readonly HouseholdSize[] = [
  { name: 'S', accounts: 1, positions: 5, lots: 5 },
  { name: 'M', accounts: 5, positions: 40, lots: 300 },
  { name: 'L', accounts: 8, positions: 80, lots: 2000 },
];

const CLASSES: Record<string, string[]> = {
  'US Stocks': ['VTI', 'SCHB', 'ITOT', 'VOO', 'IVV', 'SPLG'],
  'Intl Stocks': ['VXUS', 'IXUS', 'SCHF', 'VEA', 'IEFA'],
  Bonds: ['BND', 'AGG', 'SCHZ', 'FBND'],
  'Real Estate': ['VNQ', 'SCHH', 'USRT'],
};
const TYPES = ['Taxable', 'Traditional', 'Roth', 'Taxable', 'Traditional', 'Roth', 'Taxable', 'HSA'];

export interface HouseholdCells {
  holdings: Cell[][];
  targets: Cell[][];
  accounts: Cell[][];
  settings: Cell[][];
}

export function syntheticHousehold(size: HouseholdSize, seed = 11, wholeShares = true): HouseholdCells {
  const random = seededRandom(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)];
  const price = new Map<string, number>();
  for (const tickers of Object.values(CLASSES)) for (const t of tickers) price.set(t, Math.round((20 + random() * 380) * 100) / 100);
  const holdings: Cell[][] = [['Account', 'Ticker', 'Class', 'Shares', 'Price', 'Value', 'Cost Basis', 'Acquired']];
  const accounts: Cell[][] = [['Account', 'Type', 'Contribution', 'Reserve']];
  const perAccount = Math.max(1, Math.round(size.positions / size.accounts));
  const positions: { account: string; ticker: string; cls: string; taxable: boolean }[] = [];
  for (let a = 0; a < size.accounts; a++) {
    const type = TYPES[a % TYPES.length];
    const name = `${type} ${a + 1}`;
    accounts.push([name, type, a === 0 ? 5000 : 0, a === 0 ? 500 : 0]);
    const used = new Set<string>();
    for (let p = 0; p < perAccount && positions.length < size.positions; p++) {
      let cls = positions.length < 4 ? Object.keys(CLASSES)[positions.length] : pick(Object.keys(CLASSES));
      let ticker = pick(CLASSES[cls]);
      for (let tries = 0; used.has(ticker) && tries < 20; tries++) {
        if (positions.length < 4) {
          ticker = pick(CLASSES[cls]);
          continue;
        }
        cls = pick(Object.keys(CLASSES));
        ticker = pick(CLASSES[cls]);
      }
      used.add(ticker);
      positions.push({ account: name, ticker, cls, taxable: type === 'Taxable' });
    }
    holdings.push([name, 'CASH', 'Cash', null, null, Math.round(random() * 300000) / 100, null, null]);
  }
  const taxable = positions.filter((p) => p.taxable);
  const lotsOf: number[] = positions.map((p) => (p.taxable ? 0 : 1));
  let lots = lotsOf.reduce((s, n) => s + n, 0);
  for (let i = 0; lots < size.lots; i++) {
    const p = taxable.length > 0 ? positions.indexOf(taxable[i % taxable.length]) : i % positions.length;
    lotsOf[p]++;
    lots++;
  }
  positions.forEach((p, i) => {
    const px = price.get(p.ticker)!;
    for (let l = 0; l < lotsOf[i]; l++) {
      const shares = 1 + Math.floor(random() * (p.taxable ? 60 : 400));
      const basis = Math.round(shares * px * (0.6 + random() * 0.7) * 100) / 100;
      const daysAgo = Math.floor(random() * 3000);
      const acquired = new Date(Date.UTC(2026, 10, 21) - daysAgo * 86_400_000).toISOString().slice(0, 10);
      holdings.push([p.account, p.ticker, p.cls, shares, px, null, p.taxable ? basis : null, p.taxable ? acquired : null]);
    }
  });
  const targets: Cell[][] = [['Class', 'Target'], ['US Stocks', 0.45], ['Intl Stocks', 0.25], ['Bonds', 0.25], ['Real Estate', 0.05]];
  const settings: Cell[][] = [['Key', 'Value'], ['AsOf', '2026-11-21'], ['WholeShares', wholeShares]];
  return { holdings, targets, accounts, settings };
}

/**
 * A large household: `accounts` accounts (the pattern of ACCOUNT_KINDS, repeated), each taxable one
 * holding `taxablePositions` positions of about `lotsPerPosition` monthly lots; the tax-deferred and
 * tax-free accounts hold 3–5 positions whose rows fill the Holdings table up to about `rows` rows
 * (cash rows included, the header not).
 */
export interface LargeHouseholdSize {
  readonly name: string;
  readonly accounts: number;
  readonly lotsPerPosition: number;
  readonly taxablePositions: number;
  /** Holdings rows aimed at (every row but the header). */
  readonly rows: number;
}

export const LARGE_SIZES: readonly LargeHouseholdSize[] = [
  { name: '10 accounts, 60 lots a position', accounts: 10, lotsPerPosition: 60, taxablePositions: 6, rows: 1242 },
  { name: '16 accounts, 40 lots a position', accounts: 16, lotsPerPosition: 40, taxablePositions: 5, rows: 1415 },
  { name: '24 accounts, 80 lots a position', accounts: 24, lotsPerPosition: 80, taxablePositions: 7, rows: 5467 },
];

/** Name, Type (as the Accounts table spells it) and owner of the accounts, in order; repeated past 12. */
const ACCOUNT_KINDS: readonly { name: string; type: string; owner: string }[] = [
  { name: 'Joint Brokerage', type: 'Taxable', owner: 'Joint' },
  { name: 'Alex Brokerage', type: 'Taxable', owner: 'Alex' },
  { name: 'Alex Traditional IRA', type: 'Traditional', owner: 'Alex' },
  { name: 'Alex 401k', type: '401k', owner: 'Alex' },
  { name: 'Alex Roth IRA', type: 'Roth', owner: 'Alex' },
  { name: 'Sam Brokerage', type: 'Taxable', owner: 'Sam' },
  { name: 'Sam Traditional IRA', type: 'Traditional', owner: 'Sam' },
  { name: 'Sam 401k', type: '401k', owner: 'Sam' },
  { name: 'Sam Roth IRA', type: 'Roth', owner: 'Sam' },
  { name: 'Alex HSA', type: 'HSA', owner: 'Alex' },
  { name: 'Joint Trust Brokerage', type: 'Taxable', owner: 'Joint' },
  { name: 'Sam HSA', type: 'HSA', owner: 'Sam' },
];

const LARGE_AS_OF = '2026-11-21';
const DAY_MS = 86_400_000;

/** The date `months` months and `days` days before AsOf, ISO. */
function dateBefore(months: number, days: number): string {
  const d = new Date(Date.UTC(2026, 10 - months, 21) - days * DAY_MS);
  return d.toISOString().slice(0, 10);
}

export function largeHousehold(size: LargeHouseholdSize, seed = 11, wholeShares = true): HouseholdCells {
  const random = seededRandom(seed);
  const between = (lo: number, hi: number) => lo + random() * (hi - lo);
  const cents = (x: number) => Math.round(x * 100) / 100;
  const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const classOf = new Map<string, string>();
  for (const [cls, tickers] of Object.entries(CLASSES)) for (const t of tickers) classOf.set(t, cls);
  const tickers = [...classOf.keys()];
  // Monthly closing prices, months[0] = this month: a random walk backwards from today's price, calmer
  // for bonds, with enough months for the longest history.
  const months = Math.ceil(size.lotsPerPosition * 1.3) + 40;
  const history = new Map<string, number[]>();
  for (const t of tickers) {
    const bond = classOf.get(t) === 'Bonds';
    const path = [cents(between(20, 400))];
    for (let k = 1; k < months; k++) {
      const r = (bond ? 0.002 : 0.006) + (bond ? 0.012 : 0.045) * normal();
      path.push(path[k - 1] / Math.exp(r));
    }
    history.set(t, path);
  }
  const price = (t: string) => history.get(t)![0];

  const holdings: Cell[][] = [['Account', 'Ticker', 'Class', 'Shares', 'Price', 'Value', 'Cost Basis', 'Acquired']];
  const accounts: Cell[][] = [['Account', 'Type', 'Owner', 'Contribution', 'Reserve']];
  interface Position {
    readonly account: string;
    readonly ticker: string;
    readonly taxable: boolean;
    /** Months since the last monthly buy (0: still buying, the latest lot within 30 days). */
    readonly lastBuy: number;
    readonly monthly: number;
    readonly day: number;
    lots: number;
  }
  const positions: Position[] = [];
  const cashRows: Cell[][] = [];
  for (let a = 0; a < size.accounts; a++) {
    const kind = ACCOUNT_KINDS[a % ACCOUNT_KINDS.length];
    const round = Math.floor(a / ACCOUNT_KINDS.length);
    const name = round === 0 ? kind.name : `${kind.name} ${round + 1}`;
    const taxable = kind.type === 'Taxable';
    const hsa = kind.type === 'HSA';
    // A contribution to the first brokerage account and to the first Roth; reserves in the first
    // brokerage account and the HSAs (cash kept for bills).
    const contribution = a === 0 ? 25000 : kind.type === 'Roth' && round === 0 && kind.owner === 'Alex' ? 7000 : 0;
    const reserve = a === 0 ? 10000 : hsa ? 1000 : 0;
    accounts.push([name, kind.type, kind.owner, contribution, reserve]);
    cashRows.push([name, 'CASH', 'Cash', null, null, cents(hsa ? between(2000, 6000) : between(0, 25000)), null, null]);
    const count = taxable ? size.taxablePositions : 3 + Math.floor(random() * 3);
    // Retirement accounts lean to bonds (asset location); brokerage accounts to stocks.
    const score = new Map(tickers.map((t) => [t, weightFor(classOf.get(t)!, taxable) + 2 * random()]));
    const pool = [...tickers].sort((x, y) => score.get(y)! - score.get(x)! || x.localeCompare(y));
    for (const ticker of pool.slice(0, count)) {
      // Some positions are still bought every month (the 401ks' core funds, half the brokerage ones);
      // the others stopped some months or years ago.
      const stillBuying = kind.type === '401k' ? random() < 0.7 : taxable ? random() < 0.4 : random() < 0.15;
      positions.push({
        account: name,
        ticker,
        taxable,
        lastBuy: stillBuying ? 0 : 1 + Math.floor(random() * 30),
        monthly: taxable ? between(250, 2500) : between(250, 1500),
        day: Math.floor(random() * 26),
        lots: taxable ? Math.max(2, Math.round(size.lotsPerPosition * between(0.75, 1.25))) : 0,
      });
    }
  }
  // The other accounts' rows fill the table to about `rows`: at least 1 a position.
  const others = positions.filter((p) => !p.taxable);
  const used = cashRows.length + positions.reduce((s, p) => s + p.lots, 0);
  const weights = others.map(() => between(0.5, 1.5));
  const weightSum = weights.reduce((s, w) => s + w, 0);
  const left = Math.max(others.length, size.rows - used);
  others.forEach((p, i) => (p.lots = Math.max(1, Math.floor((left * weights[i]) / weightSum))));
  for (let i = 0, extra = left - others.reduce((s, p) => s + p.lots, 0); extra > 0; i = (i + 1) % others.length, extra--) others[i].lots++;

  const byAccount = new Map<string, Cell[][]>();
  for (const row of cashRows) byAccount.set(row[0] as string, [row]);
  for (const p of positions) {
    const rows = byAccount.get(p.account)!;
    const cls = classOf.get(p.ticker)!;
    const path = history.get(p.ticker)!;
    for (let l = p.lots - 1; l >= 0; l--) {
      const month = Math.min(months - 1, p.lastBuy + l);
      const paid = path[month] * (1 + 0.01 * normal());
      // Monthly buys of a fixed amount; a retirement row that stands for many months is bigger.
      const shares = Math.max(1, Math.round((p.monthly * (p.taxable ? 1 : Math.max(1, 24 / p.lots))) / paid));
      const acquired = dateBefore(month, p.day);
      rows.push([p.account, p.ticker, cls, shares, cents(price(p.ticker)), null, p.taxable ? cents(shares * paid) : null, acquired]);
    }
  }
  for (const rows of byAccount.values()) holdings.push(...rows);
  const targets: Cell[][] = [['Class', 'Target'], ['US Stocks', 0.45], ['Intl Stocks', 0.25], ['Bonds', 0.25], ['Real Estate', 0.05]];
  const settings: Cell[][] = [['Key', 'Value'], ['AsOf', LARGE_AS_OF], ['WholeShares', wholeShares]];
  return { holdings, targets, accounts, settings };
}

/** How strongly an account of the kind leans to a class when its positions are chosen. */
function weightFor(cls: string, taxable: boolean): number {
  if (cls === 'Bonds') return taxable ? 0 : 2;
  if (cls === 'Real Estate') return taxable ? 0 : 1;
  return 1;
}

/** The household the planner reads from these cells (as the command line reads its tables). */
export function toHousehold(c: HouseholdCells): Household {
  return readHousehold({
    holdings: { name: 'Holdings', cells: c.holdings },
    targets: { name: 'Targets', cells: c.targets },
    accounts: { name: 'Accounts', cells: c.accounts },
    settings: { name: 'Settings', cells: c.settings },
  });
}
