/**
 * The trade planner on households S, M and L (bench/planner-households.ts), in whole and fractional
 * shares: median time, the drift and tax + cost gaps it proved, and — in the same run — what a naive
 * per-account rebalance (each account to the targets on its own, oldest lots first, as a spreadsheet
 * does) leaves in drift and pays in tax. Then every stage's proof on S, M, L and the three large
 * households, and whether repeated runs drafted the same plan.
 *
 * benchPlannerExact (opt-in: `npm run bench -- exact`): the same households against the exact
 * lexicographic MILP (bench/planner-reference.ts), REBAL_BENCH_EXACT_SECONDS a stage (default 60).
 */
import highsLoader from 'highs';
import { addMonths, bandOf, CASH_CLASS, keyOf, planTrades } from '../src/engine';
import type { Household, Plan, Solver } from '../src/engine';
import { renderTable } from '../src/cli/text-table';
import { HouseholdCells, LARGE_SIZES, largeHousehold, SIZES, syntheticHousehold, toHousehold } from './planner-households';
import { exactReference, Reference, ReferenceStage } from './planner-reference';
import { formatMs, median } from './timing';
import { performance } from 'perf_hooks';

interface Outcome {
  /** Drift beyond tolerance left, dollars. */
  readonly drift: number;
  readonly tax: number;
  readonly trades: number;
}

/** D of class values after trades (dollars), as PRODUCT.md measures it. */
function driftOf(h: Household, valueAfter: Map<string, number>): number {
  const total = (h.holdings.reduce((s, x) => s + x.value, 0) + h.accounts.reduce((s, a) => s + a.contribution, 0)) / 100;
  const classes = h.targets.map((t) => ({ key: keyOf(t.key), target: t.weight, band: bandOf(t, h.settings) }));
  if (!classes.some((c) => c.key === keyOf(CASH_CLASS))) classes.push({ key: keyOf(CASH_CLASS), target: 0, band: 0 });
  return classes.reduce((s, c) => s + Math.abs((valueAfter.get(c.key) ?? 0) - c.target * total), 0);
}

/** Each account to the household targets on its own, whole shares, oldest lots sold first. */
export function naiveRebalance(h: Household): Outcome {
  const asOf = h.settings.asOf!;
  const value = new Map<string, number>();
  for (const x of h.holdings) value.set(x.keyId, (value.get(x.keyId) ?? 0) + x.value / 100);
  value.set(keyOf(CASH_CLASS), (value.get(keyOf(CASH_CLASS)) ?? 0) + h.accounts.reduce((s, a) => s + a.contribution, 0) / 100);
  let tax = 0;
  let trades = 0;
  for (const a of h.accounts) {
    const rows = h.holdings.filter((x) => x.account === a.name);
    const worth = rows.reduce((s, x) => s + x.value, 0) / 100 + a.contribution / 100;
    for (const t of h.targets) {
      const key = keyOf(t.key);
      const mine = rows.filter((x) => x.keyId === key && !x.isCash);
      const have = mine.reduce((s, x) => s + x.value, 0) / 100;
      const ticker = [...mine].sort((x, y) => y.value - x.value)[0] ?? h.holdings.filter((x) => x.keyId === key && !x.isCash).sort((x, y) => y.value - x.value)[0];
      if (!ticker?.price) continue;
      const shares = Math.trunc((t.weight * worth - have) / ticker.price);
      if (shares === 0) continue;
      trades++;
      value.set(key, (value.get(key) ?? 0) + shares * ticker.price);
      value.set(keyOf(CASH_CLASS), value.get(keyOf(CASH_CLASS))! - shares * ticker.price);
      if (shares > 0 || a.tax !== 'taxable') continue;
      let left = -shares;
      for (const l of mine.filter((x) => x.ticker === ticker.ticker).sort((x, y) => (x.acquired ?? '').localeCompare(y.acquired ?? ''))) {
        const take = Math.min(left, l.shares ?? 0);
        const gain = l.costBasis === null || !l.shares ? 0 : take * (ticker.price - l.costBasis / 100 / l.shares);
        const long = l.acquired !== null && asOf > addMonths(l.acquired, 12);
        tax += Math.max(0, gain) * (long ? h.settings.longTermRate : h.settings.shortTermRate);
        left -= take;
        if (left <= 0) break;
      }
    }
  }
  return { drift: driftOf(h, value), tax, trades };
}

/** One household in whole or fractional shares, and how many timed runs it gets (after one warm-up). */
interface Case {
  readonly name: string;
  readonly whole: boolean;
  readonly cells: HouseholdCells;
  readonly runs: number;
  readonly large: boolean;
}

export function cases(): Case[] {
  const all: Case[] = [];
  for (const size of SIZES) {
    for (const whole of [true, false]) all.push({ name: size.name, whole, cells: syntheticHousehold(size, 11, whole), runs: size.name === 'L' ? 5 : size.name === 'M' ? 7 : 11, large: false });
  }
  for (const size of LARGE_SIZES) {
    for (const whole of [true, false]) all.push({ name: size.name, whole, cells: largeHousehold(size, 11, whole), runs: 3, large: true });
  }
  return all;
}

interface Measured {
  readonly c: Case;
  readonly h: Household;
  /** The last run's plan. */
  readonly plan: Plan;
  readonly p50: number;
  /** Runs made, the warm-up included. */
  readonly runs: number;
  /** Every run (the warm-up included) drafted the same trades (JSON of plan.trades). */
  readonly identical: boolean;
  readonly distinct: number;
}

export function measure(solver: Solver, c: Case, runs = c.runs): Measured {
  const h = toHousehold(c.cells);
  const times: number[] = [];
  let plan = planTrades(h, solver, { now: () => performance.now() }); // warm-up
  const seen = new Set([JSON.stringify(plan.trades)]);
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    plan = planTrades(h, solver, { now: () => performance.now() });
    times.push(performance.now() - start);
    seen.add(JSON.stringify(plan.trades));
  }
  return { c, h, plan, p50: median(times), runs: runs + 1, identical: seen.size === 1, distinct: seen.size };
}

const yesNo = (b: boolean) => (b ? 'yes' : 'no');
const percentOfT = (x: number) => `${(x * 100).toFixed(3)}%`;
const dollars = (x: number) => `$${x.toFixed(2)}`;

/** The first table and the naive comparison, S/M/L only (as recorded in docs/benchmarks.md). */
function classicTables(measured: readonly Measured[]): string {
  const rows: string[][] = [];
  const comparison: string[][] = [];
  for (const { c, h, plan, p50 } of measured.filter((m) => !m.c.large)) {
    const s = plan.summary;
    rows.push([
      c.name,
      c.whole ? 'whole' : 'fractional',
      String(h.holdings.filter((x) => !x.isCash).length),
      formatMs(p50),
      percentOfT(s.gap.drift),
      dollars(s.gap.taxAndCost),
      yesNo(s.gap.proven),
      String(s.trades),
    ]);
    if (c.whole) {
      const naive = naiveRebalance(h);
      comparison.push([
        c.name,
        `$${(s.driftBefore / 100).toFixed(0)}`,
        `$${naive.drift.toFixed(0)}`,
        `$${(s.driftAfter / 100).toFixed(0)}`,
        `$${naive.tax.toFixed(0)}`,
        `$${(s.tax / 100).toFixed(0)}`,
        String(naive.trades),
        String(s.trades),
      ]);
    }
  }
  const timing = renderTable(
    ['household', 'shares', 'lots', 'p50', 'drift gap (of T)', 'tax+cost gap', 'proven', 'trades'],
    rows,
    [false, false, true, true, true, true, false, true],
  );
  const versus = renderTable(
    ['household', 'drift before', 'naive: drift left', 'planner: drift left', 'naive: tax', 'planner: tax', 'naive trades', 'planner trades'],
    comparison,
    [false, true, true, true, true, true, true, true],
  );
  return `${timing}\n\nAgainst a naive per-account rebalance (whole shares, same households):\n\n${versus}`;
}

/** Stage by stage: what the planner proved, on every household; with the reference's columns when given. */
function stagesTable(measured: readonly Measured[], references?: ReadonlyMap<Measured, Reference>): string {
  const header = ['household', 'shares', 'accounts', 'rows', 'runs', 'p50', 'D gap (of T)', 'tax+cost gap', 'D proven', 'tax+cost proven', 'fewest trades proven', 'time limit hit', 'trades', 'same plan every run'];
  const right = [false, false, true, true, true, true, true, true, false, false, false, false, true, false];
  if (references) {
    header.push('D beyond reference (of T)', 'tax+cost vs reference', 'trades vs reference');
    right.push(true, true, true);
  }
  const rows = measured.map((m) => {
    const s = m.plan.summary;
    const row = [
      m.c.name,
      m.c.whole ? 'whole' : 'fractional',
      String(m.h.accounts.length),
      String(m.c.cells.holdings.length - 1),
      String(m.runs),
      formatMs(m.p50),
      percentOfT(s.gap.drift),
      dollars(s.gap.taxAndCost),
      yesNo(s.gap.driftProven),
      yesNo(s.gap.taxAndCostProven),
      yesNo(s.gap.fewestTradesProven),
      yesNo(s.gap.timeLimitReached),
      String(s.trades),
      m.identical ? 'yes' : `no (${m.distinct} plans)`,
    ];
    const ref = references?.get(m);
    if (references) row.push(...(ref ? versusReference(m.plan, ref) : ['—', '—', '—']));
    return row;
  });
  return renderTable(header, rows, right);
}

/** The planner's plan against the reference: D beyond it, tax + cost against its stage 2, trades against its stage 3. */
function versusReference(plan: Plan, ref: Reference): string[] {
  const s = plan.summary;
  const drift = (s.driftAfter / 100 - ref.drift.value) / ref.total;
  const taxCost = (s.tax + s.cost) / 100;
  const extra = taxCost - ref.taxCost.value;
  const sign = (x: number, digits: number) => `${x >= 0 ? '+' : '−'}${Math.abs(x).toFixed(digits)}`;
  const relative = Math.abs(ref.taxCost.value) >= 1 ? `${sign((extra / Math.abs(ref.taxCost.value)) * 100, 2)}% (${sign(extra, 2).replace(/^(.)/, '$1$')})` : `${sign(extra, 2).replace(/^(.)/, '$1$')}`;
  // A reference stage that did not finish is only the best HiGHS found: marked with *.
  const mark = (r: ReferenceStage) => (r.finished ? '' : '*');
  return [`${sign(drift * 100, 3)}%${mark(ref.drift)}`, `${relative}${mark(ref.taxCost)}`, `${sign(s.trades - Math.round(ref.trades.value), 0)}${mark(ref.trades)}`];
}

export async function benchPlanner(): Promise<string> {
  const solver: Solver = await highsLoader();
  const measured = cases().map((c) => measure(solver, c));
  const stages = stagesTable(measured);
  return `${classicTables(measured)}\n\nStage by stage, with the large households (whole and fractional shares, default settings; runs include the warm-up, all compared for the same trades):\n\n${stages}`;
}

/** REBAL_BENCH_EXACT_SECONDS: the reference's time limit per stage (default 60). */
function exactSeconds(): number {
  const text = process.env.REBAL_BENCH_EXACT_SECONDS;
  const seconds = text === undefined || text === '' ? 60 : Number(text);
  if (!Number.isFinite(seconds) || seconds <= 0) throw new Error(`REBAL_BENCH_EXACT_SECONDS must be a positive number of seconds, not "${text}"`);
  return seconds;
}

/** REBAL_BENCH_EXACT_HOUSEHOLDS: comma-separated household name prefixes (S, M, L, 10, 16, 24); all when unset. */
function exactHouseholds(c: Case): boolean {
  const only = (process.env.REBAL_BENCH_EXACT_HOUSEHOLDS ?? '').split(',').map((x) => x.trim().toLowerCase()).filter(Boolean);
  return only.length === 0 || only.some((o) => c.name.toLowerCase().startsWith(o));
}

export async function benchPlannerExact(): Promise<string> {
  const solver: Solver = await highsLoader();
  const seconds = exactSeconds();
  const measured: Measured[] = [];
  const references = new Map<Measured, Reference>();
  const stageRows: string[][] = [];
  for (const c of cases().filter(exactHouseholds)) {
    // Two runs after the warm-up: enough to see whether the plan repeats; the default section times it.
    const m = measure(solver, c, 2);
    measured.push(m);
    const ref = exactReference(m.h, solver, { seconds });
    references.set(m, ref);
    const stage = (label: string, r: ReferenceStage, show: (x: number) => string) => [
      c.name,
      c.whole ? 'whole' : 'fractional',
      label,
      show(r.value),
      Number.isFinite(r.bound) ? show(r.bound) : '—',
      yesNo(r.finished),
      `${r.seconds.toFixed(1)} s`,
      r.capFrom ?? '',
    ];
    stageRows.push(
      stage('1: D (of T)', ref.drift, (x) => percentOfT(x / ref.total)),
      stage('2: tax+cost', ref.taxCost, dollars),
      stage('3: trades', ref.trades, (x) => (Math.abs(x - Math.round(x)) < 1e-6 ? String(Math.round(x)) : x.toFixed(2))),
    );
  }
  const stages = renderTable(
    ['household', 'shares', 'stage', 'value', 'proven bound', 'finished', 'time', 'next stages capped from'],
    stageRows,
    [false, false, false, true, true, false, true, false],
  );
  const versus = stagesTable(measured, references);
  return [
    `The reference: each stage one HiGHS MILP, mip_rel_gap 0, at most ${seconds} s (REBAL_BENCH_EXACT_SECONDS). A stage that did not finish caps the next from its proven bound ("bound"), or from its best plan where the bound leaves none ("best known").`,
    stages,
    'The planner (default settings; p50 of only 2 runs after a warm-up here, the section above times it properly) against it: D beyond the reference\'s best D, tax + cost against the reference\'s cheapest at that D, trades against its fewest. * marks a reference stage that did not finish: its value is only the best HiGHS found (the planner can beat it, and the later stages are capped from it).',
    versus,
  ].join('\n\n');
}
