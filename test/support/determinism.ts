/**
 * Helpers for the "same workbook, same plan" tests (test/planner/determinism.test.ts):
 *   - canonicalPlan: what the user sees of a plan (trades, lots, summary, warnings) as plain data, so
 *     two plans compare with toEqual — exact numbers, nothing about timing or object identity;
 *   - slowSolver: the real HiGHS instance behind a wrapper that spends extra wall-clock time where a
 *     slow or loaded machine would (creating a model, before and after each run), every other
 *     method passed through, and counts the models it made and disposed;
 *   - busyCores: worker threads spinning on every core while a plan is made.
 */
import { performance } from 'perf_hooks';
import { Worker } from 'worker_threads';
import * as os from 'os';
import type { Plan, Solver } from '../../src/engine';

/** The plan as the user sees it: every trade with its lots and reason, the summary, the warnings. */
export function canonicalPlan(plan: Plan) {
  const { summary } = plan;
  return {
    trades: plan.trades.map((t) => ({
      account: t.account,
      ticker: t.ticker,
      action: t.action,
      shares: t.shares,
      price: t.price,
      amount: t.amount,
      estTax: t.estTax,
      cost: t.cost,
      classLabel: t.classLabel,
      lots: t.lots.map((l) => ({ row: l.row, acquired: l.acquired, shares: l.shares, basis: l.basis, gain: l.gain, term: l.term, estTax: l.estTax })),
      reason: t.reason,
    })),
    summary: {
      asOf: summary.asOf,
      total: summary.total,
      driftBefore: summary.driftBefore,
      driftAfter: summary.driftAfter,
      tax: summary.tax,
      cost: summary.cost,
      trades: summary.trades,
      gap: { ...summary.gap },
      classes: summary.classes.map((c) => ({ ...c })),
      cashAfter: summary.cashAfter.map((c) => ({ ...c })),
    },
    warnings: plan.warnings.map((w) => ({ kind: w.kind, table: w.table, row: w.row, column: w.column, message: w.message })),
  };
}

export type CanonicalPlan = ReturnType<typeof canonicalPlan>;

/** A short line for a failure message: trades, drift after, tax, cost and the gap. */
export function planLine(p: CanonicalPlan): string {
  const s = p.summary;
  return `${s.trades} trades, drift after ${s.driftAfter}¢, tax ${s.tax}¢, cost ${s.cost}¢, gap ${JSON.stringify(s.gap)}`;
}

/** Spends `ms` of wall-clock time on this thread (a busy wait: the thread is as slow as a loaded one). */
export function busyWait(ms: number): void {
  const end = performance.now() + ms;
  let spins = 0;
  while (performance.now() < end) spins++;
  if (spins < 0) throw new Error('unreachable');
}

/** Where the wrapper spends time; `delay` is asked at each and returns milliseconds. */
export type DelaySite = 'createModel' | 'beforeRun' | 'afterRun';

export interface SlowSolver {
  readonly solver: Solver;
  readonly created: () => number;
  readonly disposed: () => number;
  /** Milliseconds spent waiting so far. */
  readonly delayed: () => number;
}

/**
 * The real solver, slowed down: `delay(site)` milliseconds of busy waiting when a model is created and
 * before and after each model.run. Every other property and method (options, info, addRow,
 * setSolution, getSolution, constants, raw, …) is the real one; withModel goes through createModel.
 */
export function slowSolver(real: Solver, delay: (site: DelaySite) => number): SlowSolver {
  let created = 0;
  let disposed = 0;
  let delayed = 0;
  const wait = (site: DelaySite) => {
    const ms = delay(site);
    if (ms > 0) {
      busyWait(ms);
      delayed += ms;
    }
  };
  const wrapModel = <M extends object>(model: M): M => {
    created++;
    let disposedHere = false;
    const markDisposed = () => {
      if (!disposedHere) disposed++;
      disposedHere = true;
    };
    return new Proxy(model, {
      get(target, prop) {
        const value = Reflect.get(target, prop, target);
        if (typeof value !== 'function') return value;
        if (prop === 'run') {
          return (...args: unknown[]) => {
            wait('beforeRun');
            try {
              return (value as (...a: unknown[]) => unknown).apply(target, args);
            } finally {
              wait('afterRun');
            }
          };
        }
        if (prop === 'dispose' || prop === Symbol.dispose) {
          return (...args: unknown[]) => {
            markDisposed();
            return (value as (...a: unknown[]) => unknown).apply(target, args);
          };
        }
        return (value as (...a: unknown[]) => unknown).bind(target);
      },
    });
  };
  const createModel = (...args: Parameters<Solver['createModel']>) => {
    wait('createModel');
    return wrapModel(real.createModel(...args));
  };
  const withModel = (...args: unknown[]) => {
    const operation = args[args.length - 1] as (m: ReturnType<Solver['createModel']>) => unknown;
    const model = args.length > 1 ? createModel(args[0] as Parameters<Solver['createModel']>[0]) : createModel();
    let result: unknown;
    try {
      result = operation(model);
    } catch (e) {
      model.dispose();
      throw e;
    }
    if (result && typeof (result as PromiseLike<unknown>).then === 'function') {
      return Promise.resolve(result).finally(() => model.dispose());
    }
    model.dispose();
    return result;
  };
  const solver = new Proxy(real, {
    get(target, prop) {
      if (prop === 'createModel') return createModel;
      if (prop === 'withModel') return withModel;
      const value = Reflect.get(target, prop, target);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
  return { solver, created: () => created, disposed: () => disposed, delayed: () => delayed };
}

/** The number of worker threads that keep every core of this machine busy. */
export function coreCount(): number {
  return Math.max(2, typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length);
}

/**
 * Runs `work` while `threads` worker threads spin in busy loops: each has started spinning before
 * `work` begins, and all are terminated after it ends (or throws).
 */
export async function whileCoresBusy<T>(work: () => T, threads = coreCount()): Promise<{ result: T; spinning: number }> {
  const source = `
    const { parentPort } = require('worker_threads');
    parentPort.postMessage('spinning');
    let x = 0;
    for (;;) { x = (x * 1103515245 + 12345) % 2147483648; }
  `;
  const workers = Array.from({ length: threads }, () => new Worker(source, { eval: true }));
  try {
    await Promise.all(
      workers.map(
        (w) =>
          new Promise<void>((resolve, reject) => {
            w.once('message', () => resolve());
            w.once('error', reject);
          }),
      ),
    );
    // Let the spinners take hold of the cores before the work starts.
    busyWait(50);
    return { result: work(), spinning: workers.length };
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
