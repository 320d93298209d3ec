/**
 * Look-through exposure over 30k fund-constituent rows (the size of VTI + VXUS + BND) and 100k rows,
 * against a plain Map aggregation doing the same job in the same run: for each Funds row, add the held
 * fund's value × the weight to its holding, add the direct holdings, and rank by value.
 */
import { computeExposure, readHousehold } from '../src/engine';
import type { Cell } from '../src/engine';
import { renderTable } from '../src/cli/text-table';
import { performance } from 'perf_hooks';
import { formatMs, median, seededRandom } from './timing';

const HOLDINGS_HEADER = ['Account', 'Ticker', 'Shares', 'Price', 'Value'];

interface Case {
  readonly label: string;
  /** Fund ticker → how many constituents it lists. */
  readonly funds: readonly (readonly [string, number])[];
}

const CASES: Case[] = [
  { label: '30k (VTI + VXUS + BND)', funds: [['VTI', 3_600], ['VXUS', 8_600], ['BND', 17_800]] },
  { label: '100k (10 funds)', funds: Array.from({ length: 10 }, (_, i) => [`FUND${i}`, 10_000] as const) },
];

/** Funds rows with weights as fractions adding up to 99% (the rest is the fund's Other). */
export function fundsRows(c: Case, seed = 11): Cell[][] {
  const random = seededRandom(seed);
  const rows: Cell[][] = [['Fund', 'Holding', 'Weight']];
  const universe = 40_000;
  for (const [fund, n] of c.funds) {
    const raw = Array.from({ length: n }, () => random() ** 3 + 1e-4);
    const sum = raw.reduce((s, x) => s + x, 0);
    const start = Math.floor(random() * universe);
    raw.forEach((x, i) => rows.push([fund, `S${(start + i * 7) % universe}`, Math.floor((x / sum) * 0.99 * 1e8) / 1e8]));
  }
  return rows;
}

/** Each fund held in two accounts, plus a few stocks the funds also hold, plus cash. */
export function benchHoldingsRows(c: Case): Cell[][] {
  const rows: Cell[][] = [HOLDINGS_HEADER];
  c.funds.forEach(([fund], i) => {
    rows.push(['Joint', fund, 100 + i * 13.5, 87.31 + i, null]);
    rows.push(['IRA', fund, 250.125, 87.31 + i, null]);
  });
  for (let i = 0; i < 20; i++) rows.push(['Joint', `S${i * 101}`, 10 + i, 123.45 + i, null]);
  rows.push(['Joint', 'CASH', null, null, 4210.55]);
  return rows;
}

/** The baseline: what a hand-written loop over the same 2-D arrays does, with no validation and no nesting. */
export function plainExposure(holdings: readonly (readonly Cell[])[], funds: readonly (readonly Cell[])[]): [string, number][] {
  const held = new Map<string, number>();
  for (let r = 1; r < holdings.length; r++) {
    const row = holdings[r];
    const value = row[2] !== null ? (row[2] as number) * (row[3] as number) : (row[4] as number);
    held.set(row[1] as string, (held.get(row[1] as string) ?? 0) + value);
  }
  const exposure = new Map<string, number>();
  const isFund = new Set<string>();
  for (let r = 1; r < funds.length; r++) {
    const row = funds[r];
    const fund = row[0] as string;
    isFund.add(fund);
    const value = held.get(fund);
    if (value === undefined) continue;
    const holding = row[1] as string;
    exposure.set(holding, (exposure.get(holding) ?? 0) + value * (row[2] as number));
  }
  for (const [ticker, value] of held) if (!isFund.has(ticker)) exposure.set(ticker, (exposure.get(ticker) ?? 0) + value);
  return [...exposure].sort((a, b) => b[1] - a[1]);
}

/**
 * Each contender's median and fastest time, timed in turns (a, b, c, a, b, c, …) so that a busy
 * machine slows them alike. On a shared machine the fastest run is the least disturbed, so the
 * ratios are given for both.
 */
function timeInTurns(fns: readonly (() => unknown)[], runs: number, warmup = 5): { median: number; best: number }[] {
  for (let i = 0; i < warmup; i++) for (const fn of fns) fn();
  const times = fns.map(() => [] as number[]);
  for (let i = 0; i < runs; i++) {
    fns.forEach((fn, k) => {
      const start = performance.now();
      fn();
      times[k].push(performance.now() - start);
    });
  }
  return times.map((t) => ({ median: median(t), best: Math.min(...t) }));
}

export function benchExposure(): string {
  const rows: string[][] = [];
  for (const c of CASES) {
    const funds = fundsRows(c);
    const holdings = benchHoldingsRows(c);
    const tables = () => ({ holdings: { name: 'Holdings', cells: holdings }, funds: { name: 'Funds', cells: funds } });
    const household = readHousehold(tables());
    const [plain, lookthrough, full] = timeInTurns(
      [() => plainExposure(holdings, funds), () => computeExposure(household), () => computeExposure(readHousehold(tables()))],
      31,
    );
    const ratio = (a: { median: number; best: number }) => `${(a.median / plain.median).toFixed(2)}× (${(a.best / plain.best).toFixed(2)}×)`;
    rows.push([c.label, (funds.length - 1).toLocaleString('en-US'), formatMs(plain.median), formatMs(lookthrough.median), ratio(lookthrough), formatMs(full.median), ratio(full)]);
  }
  return renderTable(
    ['case', 'Funds rows', 'plain Map', 'look-through (parsed)', 'vs plain (fastest)', 'parse + look-through', 'vs plain (fastest)'],
    rows,
    [false, true, true, true, true, true, true],
  );
}
