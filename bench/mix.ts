/**
 * Funds that span classes (issue 10): drift and planning with about 20% of the household's value in
 * target-date and balanced funds (split by the Mix table) against the same household without them,
 * in the same run. The mixed household is the plain one with the largest positions of tax-advantaged
 * accounts (where such funds live, in 401(k)s) swapped, value for value, into one of three mixed funds.
 */
import { computeDrift, planTrades, readHousehold } from '../src/engine';
import type { Cell, Household, Plan, Solver } from '../src/engine';
import highsLoader from 'highs';
import { renderTable } from '../src/cli/text-table';
import { holdingsRows } from './drift';
import { HouseholdCells, SIZES, syntheticHousehold } from './planner-households';
import { formatMs, median, timeMs } from './timing';

const MIXED_FUNDS: readonly { ticker: string; price: number; mix: [string, number][] }[] = [
  { ticker: 'VFIFX', price: 57.62, mix: [['US Stocks', 0.54], ['Intl Stocks', 0.36], ['Bonds', 0.1]] },
  { ticker: 'VBIAX', price: 48.91, mix: [['US Stocks', 0.6], ['Bonds', 0.4]] },
  { ticker: 'AOR', price: 61.4, mix: [['US Stocks', 0.36], ['Intl Stocks', 0.2], ['Bonds', 0.4], ['Real Estate', 0.04]] },
];
const MIX_TABLE: Cell[][] = [['Ticker', 'Class', 'Weight'], ...MIXED_FUNDS.flatMap((f) => f.mix.map(([cls, w]) => [f.ticker, cls, w]))];

interface Columns {
  readonly account: number;
  readonly ticker: number;
  readonly cls: number;
  readonly shares: number;
  readonly price: number;
  readonly basis: number;
}

function columnsOf(header: readonly Cell[]): Columns {
  const at = (name: string) => header.indexOf(name);
  return { account: at('Account'), ticker: at('Ticker'), cls: at('Class'), shares: at('Shares'), price: at('Price'), basis: at('Cost Basis') };
}

/**
 * The same rows with positions swapped into mixed funds until `share` of the value is in them: whole
 * positions (all their rows), those of the accounts `preferred` names first, largest first, each into
 * the next mixed fund, at the fund's price (whole shares when the row's were, so the value moves by
 * less than a share).
 */
function withMixedFunds(holdings: readonly Cell[][], share: number, preferred: (account: string) => boolean): Cell[][] {
  const c = columnsOf(holdings[0]);
  const value = (r: readonly Cell[]) => (typeof r[c.shares] === 'number' ? (r[c.shares] as number) * (r[c.price] as number) : 0);
  const total = holdings.slice(1).reduce((s, r) => s + (typeof r[c.shares] === 'number' ? value(r) : ((r[5] as number) ?? 0)), 0);
  const positions = new Map<string, { rows: number[]; value: number; preferred: boolean }>();
  holdings.forEach((r, i) => {
    if (i === 0 || r[c.ticker] === 'CASH') return;
    const id = `${r[c.account]}\u0000${r[c.ticker]}`;
    const p = positions.get(id) ?? { rows: [], value: 0, preferred: preferred(String(r[c.account])) };
    p.rows.push(i);
    p.value += value(r);
    positions.set(id, p);
  });
  const out = holdings.map((r) => [...r]);
  let moved = 0;
  let next = 0;
  for (const p of [...positions.values()].sort((a, b) => Number(b.preferred) - Number(a.preferred) || b.value - a.value)) {
    if (moved >= share * total) break;
    const fund = MIXED_FUNDS[next++ % MIXED_FUNDS.length];
    for (const i of p.rows) {
      const r = out[i];
      const whole = Number.isInteger(r[c.shares]);
      const shares = value(holdings[i]) / fund.price;
      r[c.ticker] = fund.ticker;
      r[c.cls] = 'Mixed';
      r[c.shares] = whole ? Math.max(1, Math.round(shares)) : Math.round(shares * 1000) / 1000;
      r[c.price] = fund.price;
    }
    moved += p.value;
  }
  return out;
}

/** The fraction of the household's value held in the mixed funds. */
function mixedShare(h: Household): number {
  const inFunds = h.holdings.filter((x) => h.mixes.has(x.ticker)).reduce((s, x) => s + x.value, 0);
  return inFunds / h.holdings.reduce((s, x) => s + x.value, 0);
}

function readCells(c: HouseholdCells, mix: Cell[][] | null): Household {
  return readHousehold({
    holdings: { name: 'Holdings', cells: c.holdings },
    targets: { name: 'Targets', cells: c.targets },
    accounts: { name: 'Accounts', cells: c.accounts },
    settings: { name: 'Settings', cells: c.settings },
    mix: mix ? { name: 'Mix', cells: mix } : null,
  });
}

const TARGETS: Cell[][] = [['Class', 'Target'], ['US Stocks', 0.5], ['Intl Stocks', 0.25], ['Bonds', 0.2], ['Real Estate', 0.05]];

function driftRows(): string[][] {
  const rows: string[][] = [];
  for (const n of [10_000, 100_000]) {
    const plain = holdingsRows(n);
    const mixed = withMixedFunds(plain, 0.2, () => true);
    const runs = n >= 100_000 ? 9 : 31;
    const read = (holdings: Cell[][], mix: Cell[][] | null) =>
      readHousehold({ holdings: { name: 'Holdings', cells: holdings }, targets: { name: 'Targets', cells: TARGETS }, mix: mix ? { name: 'Mix', cells: mix } : null });
    const share = mixedShare(read(mixed, MIX_TABLE));
    const without = timeMs(() => computeDrift(read(plain, null)), runs);
    const withMix = timeMs(() => computeDrift(read(mixed, MIX_TABLE)), runs);
    rows.push([`${n.toLocaleString('en-US')} rows`, `${(share * 100).toFixed(1)}%`, formatMs(without), formatMs(withMix), `${(withMix / without).toFixed(2)}×`]);
  }
  return rows;
}

interface Planned {
  readonly p50: number;
  readonly plan: Plan;
  readonly same: boolean;
  /** Some run (the warm-up included) was cut short by the TimeLimit safety net, and said so. */
  readonly limitHit: boolean;
}

function planned(solver: Solver, h: Household, runs: number): Planned {
  let plan = planTrades(h, solver, { now: () => performance.now() });
  const seen = new Set([JSON.stringify(plan.trades)]);
  let limitHit = plan.summary.gap.timeLimitReached;
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    plan = planTrades(h, solver, { now: () => performance.now() });
    times.push(performance.now() - start);
    seen.add(JSON.stringify(plan.trades));
    limitHit ||= plan.summary.gap.timeLimitReached;
  }
  return { p50: median(times), plan, same: seen.size === 1, limitHit };
}

export async function benchMix(): Promise<string> {
  const drift = renderTable(['household', 'in mixed funds', 'parse + drift, no mixed funds', 'parse + drift, with them', 'ratio'], driftRows(), [false, true, true, true, true]);
  const solver: Solver = await highsLoader();
  const rows: string[][] = [];
  for (const size of SIZES.filter((s) => s.name !== 'S')) {
    for (const whole of [true, false]) {
      const plain = syntheticHousehold(size, 11, whole);
      const taxAdvantaged = new Set(plain.accounts.slice(1).filter((r) => r[1] !== 'Taxable').map((r) => String(r[0])));
      const mixedCells: HouseholdCells = { ...plain, holdings: withMixedFunds(plain.holdings, 0.2, (a) => taxAdvantaged.has(a)) };
      const runs = size.name === 'L' ? 3 : 5;
      for (const [label, h] of [
        ['no mixed funds', readCells(plain, null)],
        ['with mixed funds', readCells(mixedCells, MIX_TABLE)],
      ] as const) {
        const m = planned(solver, h, runs);
        const s = m.plan.summary;
        rows.push([
          size.name,
          whole ? 'whole' : 'fractional',
          label,
          `${(mixedShare(h) * 100).toFixed(1)}%`,
          formatMs(m.p50),
          `${(s.gap.drift * 100).toFixed(3)}%`,
          `$${s.gap.taxAndCost.toFixed(2)}`,
          s.gap.proven ? 'yes' : 'no',
          String(s.trades),
          String(m.plan.trades.filter((t) => t.split.length > 1).length),
          m.limitHit ? 'yes' : 'no',
          m.same ? 'yes' : 'no',
        ]);
      }
    }
  }
  const plans = renderTable(
    ['household', 'shares', 'holds', 'in mixed funds', 'p50', 'D gap (of T)', 'tax+cost gap', 'proven', 'trades', 'of which mixed', 'time limit hit', 'same plan every run'],
    rows,
    [false, false, false, true, true, true, true, false, true, true, false, false],
  );
  return `Drift (REBAL.DRIFT's path: parse the tables, then drift), median of repeated runs:\n\n${drift}\n\nPlanning (default settings, TimeLimit 2 s; p50 after a warm-up; the mixed household is the same one with positions swapped into VFIFX, VBIAX and AOR, those of tax-advantaged accounts first):\n\n${plans}`;
}
