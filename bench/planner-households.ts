/**
 * Synthetic households for the planner benchmark: S (1 account, 5 positions), M (5 accounts,
 * 40 positions, 300 lots), L (8 accounts, 80 positions, 2000 lots). Deterministic (seeded), with
 * taxable lots at gains and losses, recent purchases, IRAs and a Roth, cash and a contribution.
 */
import type { Cell } from '../src/engine';
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
