/**
 * The trade planner on households S, M and L (bench/planner-households.ts), in whole and fractional
 * shares: median time, the drift and tax + cost gaps it proved, and — in the same run — what a naive
 * per-account rebalance (each account to the targets on its own, oldest lots first, as a spreadsheet
 * does) leaves in drift and pays in tax.
 */
import highsLoader from 'highs';
import { addMonths, bandOf, CASH_CLASS, keyOf, planTrades, readHousehold } from '../src/engine';
import type { Household, Solver } from '../src/engine';
import { renderTable } from '../src/cli/text-table';
import { HouseholdCells, SIZES, syntheticHousehold } from './planner-households';
import { formatMs, median } from './timing';
import { performance } from 'perf_hooks';

function toHousehold(c: HouseholdCells): Household {
  return readHousehold({
    holdings: { name: 'Holdings', cells: c.holdings },
    targets: { name: 'Targets', cells: c.targets },
    accounts: { name: 'Accounts', cells: c.accounts },
    settings: { name: 'Settings', cells: c.settings },
  });
}

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

function runs(name: string): number {
  return name === 'L' ? 5 : name === 'M' ? 7 : 11;
}

export async function benchPlanner(): Promise<string> {
  const solver: Solver = await highsLoader();
  const rows: string[][] = [];
  const comparison: string[][] = [];
  for (const size of SIZES) {
    for (const whole of [true, false]) {
      const h = toHousehold(syntheticHousehold(size, 11, whole));
      const times: number[] = [];
      let plan = planTrades(h, solver, { now: () => performance.now() }); // warm-up
      for (let i = 0; i < runs(size.name); i++) {
        const start = performance.now();
        plan = planTrades(h, solver, { now: () => performance.now() });
        times.push(performance.now() - start);
      }
      const s = plan.summary;
      rows.push([
        size.name,
        whole ? 'whole' : 'fractional',
        String(h.holdings.filter((x) => !x.isCash).length),
        formatMs(median(times)),
        `${(s.gap.drift * 100).toFixed(3)}%`,
        `$${s.gap.taxAndCost.toFixed(2)}`,
        s.gap.proven ? 'yes' : 'no',
        String(s.trades),
      ]);
      if (whole) {
        const naive = naiveRebalance(h);
        comparison.push([
          size.name,
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
