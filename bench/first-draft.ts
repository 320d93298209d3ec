/**
 * A fresh process's first draft: what the command line does on every run (load HiGHS, draft once),
 * and what the determinism promise rests on — a draft that nears the 2-s TimeLimit safety net on an
 * idle machine is one a busier machine cuts short. Each household is drafted in new `node` processes,
 * HiGHS loaded as the command line loads it (src/cli/solver.ts: Liftoff only) and, for comparison, with
 * V8's default tiering (as before session 11, and as a browser runs it); the baseline is the same
 * household's warm draft in this process. Every first draft is checked against the warm plan.
 *
 * Run as a child: `node lib/bench/first-draft.js <case index> <liftoff|default>` prints one JSON line.
 */
import { spawnSync } from 'child_process';
import { performance } from 'perf_hooks';
import highsLoader from 'highs';
import { planTrades } from '../src/engine';
import type { Plan, Solver } from '../src/engine';
import { loadSolver } from '../src/cli/solver';
import { renderTable } from '../src/cli/text-table';
import { toHousehold } from './planner-households';
import { cases, measure } from './planner';
import { formatMs } from './timing';

type Loader = 'liftoff' | 'default';
const LOADERS: readonly Loader[] = ['liftoff', 'default'];
const PROCESSES = 2;

interface FirstDraft {
  readonly ms: number;
  readonly limitReached: boolean;
  readonly trades: string;
}

/** The plan as the user sees it, for "same plan": every trade with its lots and reason, the tax and the drift left. */
const tradesOf = (plan: Plan) => JSON.stringify({ trades: plan.trades, tax: plan.summary.tax, drift: plan.summary.driftAfter });

async function child(index: number, loader: Loader): Promise<void> {
  const c = cases()[index];
  const h = toHousehold(c.cells);
  const solver: Solver = loader === 'liftoff' ? await loadSolver() : await highsLoader();
  const start = performance.now();
  const plan = planTrades(h, solver, { now: () => performance.now() });
  const ms = performance.now() - start;
  const out: FirstDraft = { ms, limitReached: plan.summary.gap.timeLimitReached, trades: tradesOf(plan) };
  process.stdout.write(`${JSON.stringify(out)}\n`);
}

function firstDraft(index: number, loader: Loader): FirstDraft {
  const r = spawnSync(process.execPath, [__filename, String(index), loader], { encoding: 'utf8', timeout: 60_000 });
  if (r.status !== 0) throw new Error(`first draft of case ${index} (${loader}) failed: ${r.stderr || r.signal}`);
  return JSON.parse(r.stdout) as FirstDraft;
}

const range = (xs: readonly number[]) => {
  const lo = Math.round(Math.min(...xs));
  const hi = Math.round(Math.max(...xs));
  return lo === hi ? `${lo} ms` : `${lo}–${hi} ms`;
};

/** Warm p50 of each case in this process: every case drafted once first, so V8 has settled on all of them. */
function warmDrafts(solver: Solver): { p50: number; trades: string }[] {
  const all = cases();
  for (const c of all) planTrades(toHousehold(c.cells), solver, { now: () => performance.now() });
  return all.map((c) => {
    const m = measure(solver, c, 3);
    return { p50: m.p50, trades: tradesOf(m.plan) };
  });
}

export async function benchFirstDraft(): Promise<string> {
  const warm = warmDrafts(await highsLoader());
  const rows = cases().map((c, index) => {
    const row = [c.name, c.whole ? 'whole' : 'fractional', formatMs(warm[index].p50)];
    for (const loader of LOADERS) {
      const drafts = Array.from({ length: PROCESSES }, () => firstDraft(index, loader));
      const cut = drafts.filter((d) => d.limitReached).length;
      const differ = drafts.filter((d) => d.trades !== warm[index].trades).length;
      row.push(range(drafts.map((d) => d.ms)), cut === 0 ? 'no' : `${cut} of ${drafts.length}`, differ === 0 ? 'yes' : `no (${differ} of ${drafts.length})`);
    }
    return row;
  });
  const header = ['household', 'shares', 'warm p50', 'first draft (Liftoff)', 'net hit', 'same plan', 'first draft (V8 default)', 'net hit', 'same plan'];
  return renderTable(header, rows, [false, false, true, true, false, false, true, false, false]) + `\n\n${PROCESSES} fresh processes per household and loader; "Liftoff" is how the command line loads HiGHS.`;
}

if (require.main === module) {
  child(Number(process.argv[2]), process.argv[3] as Loader).catch((e) => {
    process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
    process.exit(2);
  });
}
