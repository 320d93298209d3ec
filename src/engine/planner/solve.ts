/**
 * The lexicographic objective of PRODUCT.md, solved in three HiGHS stages over one model:
 *   1. minimise D (drift beyond tolerance), to within 0.01% of T of the proven bound;
 *   2. with D ≤ (proven bound on D) + 0.1% of T, minimise tax + cost, to within 1%;
 *   3. with tax + cost no worse than that (within its 1%), minimise the number of trades.
 * The tolerances of "best" are HiGHS' absolute/relative MIP gaps, so the branch and bound stops as
 * soon as the answer is good enough rather than proving the last cent. Each stage starts from the
 * previous stage's plan (the do-nothing plan for stage 1), so a time limit still leaves a plan.
 * Every HiGHS model is disposed (garbage collection does not free them).
 */
import type { Highs, HighsCallbackMap } from 'highs';
import { InputError } from '../errors';
import { formatCents } from '../format';
import { addCents } from '../money';
import { PlannerModel } from './model';
import { Objective, Row } from './linear-model';
import { Repair } from './repair';

/** The solver as the adapters load it: `await require('highs')()` in Node, in a Web Worker in Excel. */
export type Solver = Highs;

export interface SolveOptions {
  /** Seconds for all stages together (the TimeLimit setting). */
  readonly timeLimit: number;
  /** Asked at the solver's checkpoints; true stops the search and keeps the best plan so far. */
  readonly shouldStop?: () => boolean;
  readonly onProgress?: (progress: SolveProgress) => void;
  /** Clock for the time budget (injected: the engine reads no clock of its own). */
  readonly now?: () => number;
}

export interface SolveProgress {
  readonly stage: 1 | 2 | 3;
  readonly gap: number | null;
}

export interface StageResult {
  readonly value: number;
  /** Proven lower bound on the stage's objective. */
  readonly bound: number;
  readonly optimal: boolean;
}

export interface StagedSolution {
  readonly x: Float64Array;
  readonly drift: StageResult;
  readonly taxCost: StageResult;
  readonly trades: StageResult;
  /** True when drift or tax + cost is not proven within its tolerance (fewest trades is reported apart). */
  readonly limited: boolean;
}

/**
 * Route: (a) the fractional relaxation, exactly, as LPs — its D is a proven lower bound for any plan,
 * and its cheapest plan within the drift tolerance shows which legs a good plan trades; (b) the
 * whole-share MILP restricted to those legs (every other leg fixed at no trade), in three stages
 * under the time limit; (c) if that repair is not within the drift tolerance of the LP bound, the
 * unrestricted MILP continues from it with the remaining time.
 */
export function solveStaged(solver: Solver, pm: PlannerModel, options: SolveOptions): StagedSolution {
  const now = options.now ?? (() => 0);
  const deadline = now() + options.timeLimit * 1000;
  const until = (share: number) => now() + Math.max(0, deadline - now()) * share;
  const floor = Math.min(0.05, options.timeLimit / 4);
  const seconds = (share: number) => Math.max(floor, (Math.max(0, deadline - now()) / 1000) * share);
  const T = pm.ctx.book.total / 100;
  const driftTolerance = 1e-3 * T;
  const { lpDrift, lpCheap, lpInside, lpTax } = relaxations(solver, pm, driftTolerance);
  const whole = pm.ctx.book.settings.wholeShares;
  const stage = (objective: Objective, extra: readonly Row[], o: StageOptions) => runStage(solver, pm, objective, extra, o);

  // Stage 1: D. The repair usually lands within the tolerance of the LP bound; if not, HiGHS searches on.
  // In fractional shares rounding costs next to nothing, so the repair may start from the cheapest
  // relaxed plan just inside the tolerance; whole shares need room for rounding.
  const goodEnough = lpDrift.value + (whole ? 0.9 : 0.99) * driftTolerance;
  const repaired = bestRepair(pm, whole ? [lpCheap.x, lpDrift.x] : [lpInside.x, lpCheap.x], goodEnough, until(0.3), now);
  const repair = repaired?.repair ?? new Repair(pm);
  let drift: StageRun | null = repaired?.run ?? null;
  if (!drift || drift.value > goodEnough) {
    const searched = stage('drift', [], { time: Math.min(seconds(0.4), Math.max(floor, options.timeLimit / 4)), absGap: driftTolerance / 2, relGap: 1e-4, stage: 1, start: drift?.x ?? null, options });
    if (!drift || searched.value < drift.value - 1e-9) {
      drift = searched;
      repair.load(searched.x);
    }
  }
  const driftBound = Math.max(lpDrift.value, drift.bound);
  const driftCap = Math.max(drift.value + 1e-6, driftBound + driftTolerance - 0.01);
  const driftRow = boundRow(pm, 'drift', 'bestDrift', driftCap);

  // Stage 2: tax + cost within that drift — local moves first, then HiGHS from there, each only
  // while the plan is not yet within 1% of the LP bound.
  const taxBound = lpTax.value;
  const taxTolerance = 0.01 * Math.abs(taxBound) + 0.01;
  let taxCost: StageRun = { ...drift, value: pm.model.evaluate('taxCost', drift.x) };
  if (taxCost.value - taxBound > taxTolerance) {
    repair.minimiseTaxCost(driftCap - 1e-6, until(0.15), now);
    const x = repair.columns();
    const value = pm.model.evaluate('taxCost', x);
    if (value < taxCost.value && pm.model.isFeasible(x, [driftRow])) taxCost = { x, value, bound: -Infinity, optimal: false };
  }
  if (taxCost.value - taxBound > taxTolerance) {
    const searched = stage('taxCost', [driftRow], { time: Math.min(seconds(0.6), Math.max(floor, options.timeLimit / 5)), absGap: 0.01, relGap: 0.005, stage: 2, start: taxCost.x, options });
    if (searched.value < taxCost.value - 1e-9) taxCost = searched;
  }
  const taxCap = Math.max(taxCost.value + 1e-6, taxBound + 0.01 * Math.abs(taxBound) - 0.005);
  const taxRow = boundRow(pm, 'taxCost', 'bestTaxCost', taxCap);

  // Stage 3: fewest trades within both — local moves first, then HiGHS from there.
  let fewer = taxCost.x;
  repair.load(taxCost.x);
  repair.minimiseTrades(driftCap - 1e-6, taxCap - 1e-6, until(0.3), now);
  const dropped = repair.columns();
  if (pm.model.evaluate('trades', dropped) < pm.model.evaluate('trades', fewer) && pm.model.isFeasible(dropped, [driftRow, taxRow])) fewer = dropped;
  const trades = stage('trades', [driftRow, taxRow], { time: Math.min(seconds(1), Math.max(floor, options.timeLimit / 8)), absGap: 0.99, relGap: 0, stage: 3, start: fewer, options });
  const x = trades.value <= pm.model.evaluate('trades', fewer) ? trades.x : fewer;
  const driftValue = pm.model.evaluate('drift', x);
  const taxValue = pm.model.evaluate('taxCost', x);
  return {
    x,
    drift: { value: driftValue, bound: driftBound, optimal: driftValue - driftBound <= driftTolerance + 1e-6 },
    taxCost: { value: taxValue, bound: taxBound, optimal: taxValue - taxBound <= taxTolerance },
    trades,
    limited: driftValue - driftBound > driftTolerance + 1e-6 || taxValue - taxBound > taxTolerance,
  };
}

/** The best whole-share repair of the given fractional plans (see repair.ts). */
function bestRepair(pm: PlannerModel, fractional: readonly Float64Array[], goodEnough: number, deadline: number, now: () => number): { repair: Repair; run: StageRun } | null {
  let best: { repair: Repair; run: StageRun } | null = null;
  for (const x of fractional) {
    if (best && best.run.value <= goodEnough) break;
    const repair = new Repair(pm);
    repair.startFrom(x, goodEnough, deadline, now);
    const columns = repair.columns();
    if (!pm.model.isFeasible(columns)) continue; // a repair that breaks a rule is never used
    const value = pm.model.evaluate('drift', columns);
    if (!best || value < best.run.value) best = { repair, run: { x: columns, value, bound: -Infinity, optimal: false } };
  }
  return best;
}

/**
 * The fractional relaxation (every integer relaxed), solved exactly in one HiGHS model warm-started
 * from one solve to the next: least D; then least tax + cost with D within half the tolerance and
 * within 98% of it (the repair's starting points, whole and fractional shares), and within the whole
 * tolerance (the proven bound on tax + cost).
 */
function relaxations(solver: Solver, pm: PlannerModel, driftTolerance: number) {
  const model = solver.createModel(pm.model.toModelData('drift', [], false));
  try {
    model.options.set({ output_flag: false });
    const solve = (objective: Objective) => {
      const status = model.run().modelStatus;
      const codes = solver.constants.modelStatus;
      if (status === codes.infeasible || status === codes.unboundedOrInfeasible) throw infeasible(pm);
      if (status !== codes.optimal) throw new Error(`the relaxed plan did not solve (HiGHS status ${status})`);
      const x = model.getSolution().colValue;
      return { x, value: pm.model.evaluate(objective, x) };
    };
    const lpDrift = solve('drift');
    const driftTerms = pm.model.objectiveTerms('drift');
    model.addRow(-Infinity, lpDrift.value + driftTolerance / 2, { indices: driftTerms.map(([c]) => c), values: driftTerms.map(([, a]) => a) });
    const costs = new Float64Array(pm.model.columns.length);
    for (const [c, a] of pm.model.objectiveTerms('taxCost')) costs[c] = a;
    model.changeColsCost({ kind: 'range', from: 0, to: costs.length - 1 }, costs);
    const lpCheap = solve('taxCost');
    model.changeRowBounds(pm.model.rows.length, -Infinity, lpDrift.value + 0.98 * driftTolerance);
    const lpInside = solve('taxCost');
    model.changeRowBounds(pm.model.rows.length, -Infinity, lpDrift.value + driftTolerance);
    const lpTax = solve('taxCost');
    return { lpDrift, lpCheap, lpInside, lpTax };
  } finally {
    model.dispose();
  }
}

function boundRow(pm: PlannerModel, objective: Objective, name: string, upper: number): Row {
  return { name, lower: -Infinity, upper, terms: pm.model.objectiveTerms(objective) };
}

interface StageOptions {
  readonly time: number;
  readonly absGap: number;
  readonly relGap: number;
  readonly stage: 1 | 2 | 3;
  readonly start: Float64Array | null;
  readonly options: SolveOptions;
}

interface StageRun extends StageResult {
  readonly x: Float64Array;
}

function runStage(solver: Solver, pm: PlannerModel, objective: Objective, extra: readonly Row[], o: StageOptions): StageRun {
  const model = solver.createModel(pm.model.toModelData(objective, extra, true));
  try {
    model.options.set({ output_flag: false, time_limit: o.time, mip_abs_gap: o.absGap, mip_rel_gap: o.relGap, random_seed: 7 });
    if (o.start) model.setSolution({ colValue: o.start });
    const status = model.run(callbacks(solver, o)).modelStatus;
    const codes = solver.constants.modelStatus;
    const hasSolution = model.info.get('primal_solution_status') === solver.constants.solutionStatus.feasible;
    // Later stages always have their start (feasible by construction); stage 1 without one may not.
    if (!hasSolution && !o.start) {
      if (status === codes.infeasible || status === codes.unboundedOrInfeasible) throw infeasible(pm);
      throw new InputError({ table: 'Settings', row: null, column: 'TimeLimit' }, `no plan that keeps every rule was found within the time limit (HiGHS status ${status}); raise TimeLimit`);
    }
    const x = hasSolution ? model.getSolution().colValue : o.start!;
    const value = pm.model.evaluate(objective, x);
    const optimal = status === codes.optimal;
    const dualBound = Number(model.info.get('mip_dual_bound'));
    const bound = optimal ? Math.min(value, Number.isFinite(dualBound) ? dualBound : value) : Number.isFinite(dualBound) ? Math.min(dualBound, value) : -Infinity;
    return { x, value, bound, optimal };
  } finally {
    model.dispose();
  }
}

function callbacks(solver: Solver, o: StageOptions): HighsCallbackMap {
  const { shouldStop, onProgress } = o.options;
  if (!shouldStop && !onProgress) return {};
  return {
    [solver.constants.callbackType.mipInterrupt]: (event) => {
      if (shouldStop?.()) event.interrupt();
      return undefined;
    },
    [solver.constants.callbackType.mipImprovingSolution]: (event) => {
      onProgress?.({ stage: o.stage, gap: event.data.mip_gap ?? null });
      return undefined;
    },
  };
}

/**
 * Only the cash rows can make the model infeasible (the do-nothing plan meets every other rule), so
 * the message names the accounts whose cash and contribution fall short of their reserve.
 */
function infeasible(pm: PlannerModel): InputError {
  const { book } = pm.ctx;
  const short = book.accounts.filter((a) => a.account.tradable && a.cash + a.account.contribution < a.account.reserve);
  const names = short.map((a) => `${a.name} (reserve ${formatCents(a.account.reserve)}, cash ${formatCents(addCents(a.cash, a.account.contribution))})`);
  const why = book.settings.mode === 'BuyOnly' ? 'and Mode is BuyOnly, so nothing may be sold to raise cash' : 'and selling what it may sell cannot raise enough';
  return new InputError(
    { table: 'Accounts', row: short[0]?.account.row ?? null, column: 'Reserve' },
    `the rules cannot all hold: the cash reserve of ${names.join(', ') || 'an account'} exceeds its cash and contribution ${why} (whole shares and MinTrade included)`,
  );
}
