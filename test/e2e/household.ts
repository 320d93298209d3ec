/**
 * A twelve-account household for the pane-size walk: two owners and their joint accounts (brokerage,
 * IRAs, Roths, 401ks, HSAs), about 150 Holdings rows with tax lots in the taxable accounts, eight
 * classes (some with long names, to be cut in the chart), and the Targets, Accounts and Settings
 * tables a household that finished Setup has. Seeded, so every run drafts the same plan.
 */
import { seededRandom } from '../../bench/timing';
import type { Cell } from '../../src/engine';

interface AccountKind {
  readonly name: string;
  readonly type: string;
  readonly owner: string;
}

export const ACCOUNTS: readonly AccountKind[] = [
  { name: 'Joint Taxable', type: 'Taxable', owner: 'Joint' },
  { name: 'Jordan Brokerage', type: 'Taxable', owner: 'Jordan' },
  { name: 'Jordan Roth IRA', type: 'Roth', owner: 'Jordan' },
  { name: 'Jordan Traditional IRA', type: 'Traditional', owner: 'Jordan' },
  { name: 'Jordan 401k', type: '401k', owner: 'Jordan' },
  { name: 'Jordan HSA', type: 'HSA', owner: 'Jordan' },
  { name: 'Casey Brokerage', type: 'Taxable', owner: 'Casey' },
  { name: 'Casey Roth IRA', type: 'Roth', owner: 'Casey' },
  { name: 'Casey Rollover IRA', type: 'Traditional', owner: 'Casey' },
  { name: 'Casey 401k', type: '401k', owner: 'Casey' },
  { name: 'Casey HSA', type: 'HSA', owner: 'Casey' },
  { name: 'Joint Trust Brokerage', type: 'Taxable', owner: 'Joint' },
];

/** Class → target and the funds that hold it; the classes' order is Targets' order. */
const CLASSES: readonly { name: string; target: number; tickers: readonly string[] }[] = [
  { name: 'US Stocks', target: 0.34, tickers: ['VTI', 'ITOT', 'SCHB', 'VOO', 'IVV'] },
  { name: 'US Small Cap Value', target: 0.08, tickers: ['AVUV', 'VBR', 'DFSV'] },
  { name: 'International Developed Stocks', target: 0.17, tickers: ['VEA', 'IEFA', 'SCHF'] },
  { name: 'Emerging Markets', target: 0.05, tickers: ['VWO', 'IEMG'] },
  { name: 'Bonds', target: 0.22, tickers: ['BND', 'AGG', 'SCHZ'] },
  { name: 'Inflation-Protected Bonds', target: 0.06, tickers: ['SCHP', 'VTIP'] },
  { name: 'Real Estate', target: 0.06, tickers: ['VNQ', 'SCHH'] },
  { name: 'Cash', target: 0.02, tickers: [] },
];

export interface HouseholdSeed {
  readonly holdings: Cell[][];
  readonly targets: Cell[][];
  readonly accounts: Cell[][];
  readonly settings: Cell[][];
}

export function twelveAccountHousehold(seed = 13): HouseholdSeed {
  const random = seededRandom(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)];
  const price = new Map<string, number>();
  for (const c of CLASSES) for (const t of c.tickers) price.set(t, Math.round((25 + random() * 400) * 100) / 100);
  const holdings: Cell[][] = [['Account', 'Ticker', 'Class', 'Shares', 'Price', 'Value', 'Cost Basis', 'Acquired']];
  // Stocks drifted up since the targets were set: the US classes are held about 40% over their share.
  const tilt = (cls: string) => (cls.startsWith('US') ? 1.4 : cls.includes('Bonds') ? 0.7 : 1);
  ACCOUNTS.forEach((account, a) => {
    const taxable = account.type === 'Taxable';
    const invested = CLASSES.filter((c) => c.tickers.length > 0);
    // Taxable accounts hold most classes in several lots each; the others hold four or five funds.
    const classes = taxable ? invested.filter((_, i) => i !== a % invested.length) : invested.filter((_, i) => (i + a) % 3 !== 0).slice(0, 4 + (a % 2));
    for (const cls of classes) {
      const ticker = pick(cls.tickers);
      const px = price.get(ticker)!;
      const lots = taxable ? 4 + Math.floor(random() * 2) : 1;
      for (let l = 0; l < lots; l++) {
        const shares = Math.max(1, Math.round(((tilt(cls.name) * cls.target * 1_800_000) / ACCOUNTS.length / lots / px) * (0.6 + random() * 0.8)));
        if (!taxable) {
          holdings.push([account.name, ticker, cls.name, shares, px, '', '', '']);
          continue;
        }
        const year = 2016 + l * 2 + Math.floor(random() * 2);
        const acquired = `${year}-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`;
        const basis = Math.round(shares * px * (0.55 + random() * 0.6) * 100) / 100;
        holdings.push([account.name, ticker, cls.name, shares, px, '', basis, acquired]);
      }
    }
    holdings.push([account.name, 'CASH', 'Cash', '', '', Math.round(random() * 600_000) / 100, '', '']);
  });
  const targets: Cell[][] = [['Class', 'Target', 'Band', 'Buy'], ...CLASSES.map((c) => [c.name, c.target, '', c.tickers[0] ?? ''])];
  const accounts: Cell[][] = [
    ['Account', 'Type', 'Owner', 'Contribution', 'Reserve', 'Trade', 'Number'],
    ...ACCOUNTS.map((a, i) => [a.name, a.type, a.owner, i === 2 ? 7000 : 0, a.type === 'Taxable' ? 500 : 0, 'Yes', '']),
  ];
  const settings: Cell[][] = [
    ['Key', 'Value'],
    ['Band', 0.05],
    ['RelativeBand', 0.25],
    ['MinTrade', 50],
  ];
  return { holdings, targets, accounts, settings };
}

/** The household as the office stub seeds it: each table on a sheet of its own name. */
export function householdSheets(h: HouseholdSeed): { name: string; rows: Cell[][]; tables: string[] }[] {
  return [
    { name: 'Holdings', rows: h.holdings, tables: ['Holdings'] },
    { name: 'Targets', rows: h.targets, tables: ['Targets'] },
    { name: 'Accounts', rows: h.accounts, tables: ['Accounts'] },
    { name: 'Settings', rows: h.settings, tables: ['Settings'] },
  ];
}
