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
import { formatCents, formatPlainNumber } from '../format';
import { addCents } from '../money';
import { numericTolerance } from './context';
import { PlannerModel } from './model';
import { checkStart, Objective, PlannerNumberError, Row } from './linear-model';
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
  /** True when HiGHS gave up on a stage (numerically) and the plan before it stood. */
  readonly gaveUp: boolean;
  /** True when the TimeLimit safety net cut a stage short. */
  readonly timeLimitReached: boolean;
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
  // An account short of its reserve with nothing it may sell cannot be fixed; said here in exact
  // cents, since at $10¹³ the solver's tolerance (a few cents) could hide a shortfall of one.
  if (shortAccounts(pm).some((a) => !pm.legs.some((l) => l.account === a && l.sells.length > 0))) throw infeasible(pm);
  const { lpDrift, lpCheap, lpInside, lpTax } = relaxations(solver, pm, driftTolerance);
  const whole = pm.ctx.book.settings.wholeShares;
  let gaveUp = false;
  // On a model whose numbers span more than MIP_SPAN, HiGHS' branch and bound is not run at all: there
  // it can loop inside presolve without reaching a time-limit or interrupt check (measured: a household
  // of $3.5 trillion with bounds of 4e12 shares). The plan is then the repair's, measured against the
  // LP bounds, which usually prove it within the tolerances anyway.
  const mipAllowed = modelSpan(pm) <= MIP_SPAN;
  const stage = (objective: Objective, extra: readonly Row[], o: StageOptions): StageRun => {
    if (!mipAllowed) {
      if (!o.start) throw tooFarApart(pm);
      gaveUp = true;
      return { x: o.start, value: pm.model.evaluate(objective, o.start), bound: -Infinity, optimal: false, gaveUp: true };
    }
    const run = runStage(solver, pm, objective, extra, o);
    gaveUp ||= run.gaveUp === true;
    return run;
  };

  // Stage 1: D. The repair usually lands within the tolerance of the LP bound; if not, HiGHS searches on.
  // In fractional shares rounding costs next to nothing, so the repair may start from the cheapest
  // relaxed plan just inside the tolerance; whole shares need room for rounding.
  const goodEnough = lpDrift.value + (whole ? 0.9 : 0.99) * driftTolerance;
  // When no rounding of the relaxed plans keeps every rule (numbers so far apart that the relaxation is
  // only approximate), the repair starts from doing nothing, which keeps them by construction: stage 1
  // then always has a start, even where HiGHS' MIP is not run.
  const repaired =
    bestRepair(pm, whole ? [lpCheap.x, lpDrift.x] : [lpInside.x, lpCheap.x], goodEnough, until(0.3), now) ??
    bestRepair(pm, [new Float64Array(pm.model.columns.length)], goodEnough, until(0.4), now);
  const repair = repaired?.repair ?? new Repair(pm);
  let drift: StageRun | null = repaired?.run ?? null;
  if (!drift || drift.value > goodEnough) {
    const searched = stage('drift', [], { time: Math.min(seconds(0.4), Math.max(floor, options.timeLimit / 4)), absGap: driftTolerance / 2, relGap: 1e-4, stage: 1, start: drift?.x ?? null, options });
    if (!drift || searched.value < drift.value - 1e-9) {
      drift = searched;
      repair.load(searched.x);
    } else {
      // The search found nothing better but may have proven the repair's plan best (a household of a
      // few cents in whole shares: the LP bound says 0, the best whole plan is 2¢ off): keep its bound.
      drift = { ...drift, bound: Math.max(drift.bound, searched.bound) };
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
  // Without HiGHS' MIP nothing searches beyond the repair: a plan it cannot bring within the drift
  // tolerance of the LP bound would be a poor plan passed off as the answer, so say so instead.
  if (!mipAllowed && driftValue - driftBound > driftTolerance + 1e-6) throw tooFarApart(pm);
  return {
    x,
    drift: { value: driftValue, bound: driftBound, optimal: driftValue - driftBound <= driftTolerance + 1e-6 },
    taxCost: { value: taxValue, bound: taxBound, optimal: taxValue - taxBound <= taxTolerance },
    trades,
    limited: driftValue - driftBound > driftTolerance + 1e-6 || taxValue - taxBound > taxTolerance,
    gaveUp,
    timeLimitReached: false,
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
  try {
    return relaxationsScaled(solver, pm, driftTolerance, 0);
  } catch (e) {
    if (!(e instanceof NumericTrouble)) throw e;
  }
  // Bounds of 10¹² shares beside costs of 10⁻⁶ a share defeat the simplex's own scaling ("optimal"
  // becomes "unknown"): HiGHS' user_bound_scale brings the largest bound near 10⁶. Only here, on the
  // LPs: on a MIP it would scale the integer columns too.
  try {
    return relaxationsScaled(solver, pm, driftTolerance, boundScale(pm));
  } catch (e) {
    if (!(e instanceof NumericTrouble)) throw e;
    throw tooFarApart(pm);
  }
}

/** The solver could not bring a model to a trustworthy answer (numerically), as opposed to a bug. */
class NumericTrouble extends Error {}

/** HiGHS' run ending in its error status (-1), e.g. "MIP solver claims optimality, but with … infeasibilities". */
function isSolveFailure(e: unknown): boolean {
  return e instanceof Error && (e as { status?: unknown }).status === -1 && (e as { operation?: unknown }).operation === 'run';
}

function relaxationsScaled(solver: Solver, pm: PlannerModel, driftTolerance: number, userBoundScale: number) {
  const model = solver.createModel(pm.model.toModelData('drift', [], false));
  try {
    model.options.set({ output_flag: false, ...numericTolerances(pm), ...(userBoundScale !== 0 ? { user_bound_scale: userBoundScale } : {}) });
    const solve = (objective: Objective) => {
      let status: number;
      try {
        status = model.run().modelStatus;
      } catch (e) {
        if (!isSolveFailure(e)) throw e;
        throw new NumericTrouble((e as Error).message);
      }
      const codes = solver.constants.modelStatus;
      if (status === codes.infeasible || status === codes.unboundedOrInfeasible) {
        // Doing nothing keeps every rule but a reserve above cash and contribution; with no such
        // account, "infeasible" is the solver's numerical trouble, not the household's.
        if (shortAccounts(pm).length > 0) throw infeasible(pm);
        throw new NumericTrouble('the relaxed plan was reported infeasible');
      }
      if (status !== codes.optimal) throw new NumericTrouble(`the relaxed plan did not solve (HiGHS model status ${status})`);
      const x = model.getSolution().colValue;
      checkStart(x, pm.model.columns);
      return { x, value: pm.model.evaluate(objective, x) };
    };
    const lpDrift = solve('drift');
    const driftTerms = pm.model.objectiveTerms('drift');
    if (!Number.isFinite(lpDrift.value)) throw new PlannerNumberError(`the relaxed plan's drift is ${lpDrift.value}`);
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

/** The largest magnitude HiGHS' MIP is given (bounds and coefficients); beyond it the repair's plan stands. */
const MIP_SPAN = 1e10;

/** The largest finite bound or coefficient of the model. */
function modelSpan(pm: PlannerModel): number {
  let largest = 0;
  for (const c of pm.model.columns) for (const b of [c.lower, c.upper]) if (Number.isFinite(b)) largest = Math.max(largest, Math.abs(b));
  for (const r of pm.model.rows) {
    for (const b of [r.lower, r.upper]) if (Number.isFinite(b)) largest = Math.max(largest, Math.abs(b));
    for (const [, a] of r.terms) largest = Math.max(largest, Math.abs(a));
  }
  return largest;
}

/** The power of two that brings the model's largest finite bound to about 10⁶ (HiGHS' user_bound_scale). */
function boundScale(pm: PlannerModel): number {
  return -Math.max(0, Math.ceil(Math.log2(Math.max(1, modelSpan(pm)))) - 20);
}

/** A clear message for the user when even the scaled relaxation cannot be solved reliably. */
function tooFarApart(pm: PlannerModel): InputError {
  const cheapest = pm.legs.reduce<{ ticker: string; price: number } | null>((best, l) => (!best || l.price < best.price ? { ticker: l.ticker, price: l.price } : best), null);
  const total = formatPlainNumber(pm.ctx.book.total / 100, '$');
  const span = cheapest ? `a price of ${formatPlainNumber(cheapest.price, '$')} (${cheapest.ticker}) beside a total of ${total}` : `a total of ${total}`;
  return new InputError({ table: 'Holdings', row: null, column: null }, `the trade planner could not solve this household reliably: its numbers are too far apart (${span})`);
}

/** HiGHS' tolerances for this household (context.ts, numericTolerance); below $10 million its defaults. */
function numericTolerances(pm: PlannerModel): { primal_feasibility_tolerance: number } {
  const tolerance = numericTolerance(pm.ctx.book);
  // Only the rows' tolerance grows. The MIP's (mip_feasibility_tolerance) is also its integrality
  // tolerance: a binary of 0.001 passing as 0 would let a trade of 0.001 × a $10¹² position hide
  // behind a "no trade" indicator. Where HiGHS then cannot meet 1e-6 on trillion-dollar rows it gives
  // up and the stage keeps its start (runStage).
  return { primal_feasibility_tolerance: Math.max(1e-7, tolerance) };
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
  readonly gaveUp?: boolean;
}

function runStage(solver: Solver, pm: PlannerModel, objective: Objective, extra: readonly Row[], o: StageOptions): StageRun {
  const model = solver.createModel(pm.model.toModelData(objective, extra, true));
  try {
    // The root reduced-cost heuristic runs a sub-MIP that does not heed time_limit: measured, a 19-column
    // stage with a 0.1 s limit ran 100–150 s in it, whenever the solver's code was fast enough (warmed
    // up) to reach it inside the limit. The repair already gives HiGHS a good start, so it is not needed.
    model.options.set({
      output_flag: false,
      time_limit: o.time,
      mip_abs_gap: o.absGap,
      mip_rel_gap: o.relGap,
      random_seed: 7,
      mip_heuristic_run_root_reduced_cost: false,
      ...numericTolerances(pm),
    });
    if (o.start) {
      checkStart(o.start, pm.model.columns);
      model.setSolution({ colValue: o.start });
    }
    let status: number;
    try {
      status = model.run(callbacks(solver, o)).modelStatus;
    } catch (e) {
      // HiGHS gives up on a model it cannot solve to its tolerances ("solve error"); the start is a plan
      // that keeps every rule (checked by the caller), so it stands, unproven. Without one: say so.
      if (!isSolveFailure(e)) throw e;
      if (o.start) return { x: o.start, value: pm.model.evaluate(objective, o.start), bound: -Infinity, optimal: false, gaveUp: true };
      throw tooFarApart(pm);
    }
    const codes = solver.constants.modelStatus;
    const hasSolution = model.info.get('primal_solution_status') === solver.constants.solutionStatus.feasible;
    // Later stages always have their start (feasible by construction); stage 1 without one may not.
    if (!hasSolution && !o.start) {
      if (status === codes.infeasible || status === codes.unboundedOrInfeasible) throw shortAccounts(pm).length > 0 ? infeasible(pm) : tooFarApart(pm);
      throw new InputError({ table: 'Settings', row: null, column: 'TimeLimit' }, 'no plan that keeps every rule was found within the time limit; raise TimeLimit');
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

/** Trading accounts whose cash and contribution fall short of their reserve. */
function shortAccounts(pm: PlannerModel) {
  return pm.ctx.book.accounts.filter((a) => a.account.tradable && a.cash + a.account.contribution < a.account.reserve);
}

/**
 * Only the cash rows can make the model infeasible (the do-nothing plan meets every other rule), so
 * the message names the accounts whose cash and contribution fall short of their reserve.
 */
function infeasible(pm: PlannerModel): InputError {
  const { book } = pm.ctx;
  const short = shortAccounts(pm);
  const names = short.map((a) => `${a.name} (reserve ${formatCents(a.account.reserve)}, cash ${formatCents(addCents(a.cash, a.account.contribution))})`);
  const why = book.settings.mode === 'BuyOnly' ? 'and Mode is BuyOnly, so nothing may be sold to raise cash' : 'and selling what it may sell cannot raise enough';
  return new InputError(
    { table: 'Accounts', row: short[0]?.account.row ?? null, column: 'Reserve' },
    `the rules cannot all hold: the cash reserve of ${names.join(', ') || 'an account'} exceeds its cash and contribution ${why} (whole shares and MinTrade included)`,
  );
}
