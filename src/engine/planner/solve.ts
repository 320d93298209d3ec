/**
 * The lexicographic objective of PRODUCT.md, solved stage by stage (stages.ts):
 *   1. minimise D (drift beyond tolerance), over positions only;
 *   2. with D within 0.1% of T of its proven bound, minimise tax + cost, with the lots;
 *   3. with tax + cost within 1% of its proven bound too, minimise the number of trades.
 * Each stage: the whole-share repair first (repair/), then HiGHS' branch and bound from the repair's
 * plan only while the plan is not yet proven within the stage's tolerance. Proven bounds come from the
 * fractional relaxation (LPs, solved exactly) and from HiGHS. All work is budgeted in moves and nodes,
 * never in time, so the plan is a function of the workbook alone; TimeLimit is a safety net.
 * Every HiGHS model is disposed (garbage collection does not free them).
 */
import type { Highs, HighsCallbackMap } from 'highs';
import { InputError } from '../errors';
import { formatCents, formatPlainNumber } from '../format';
import { addCents } from '../money';
import { noTradeOutside, PlannerModel, tradingLegs, withLots } from './model';
import { Leg } from './legs';
import { isSolveFailure, numericTolerances } from './solver-options';
import { sparserPlan } from './sparsify';
import { checkStart, Objective, PlannerNumberError, Row } from './linear-model';
import { Effort, repairDrift, repairRounded, RepairState, repairTaxCost, repairTrades, repairTradesAcross } from './repair';
import { RELAXED_STARTS, REPAIR_GOAL, SEED, Stage, STAGES } from './stages';

/** The solver as the adapters load it: `await require('highs')()` in Node, in a Web Worker in Excel. */
export type Solver = Highs;

export interface SolveOptions {
  /** Seconds the planner may run before the safety net stops it (the TimeLimit setting). */
  readonly timeLimit: number;
  /** Asked at the solver's checkpoints; true stops the search and keeps the best plan so far. */
  readonly shouldStop?: () => boolean;
  readonly onProgress?: (progress: SolveProgress) => void;
  /** Clock for the safety net (injected: the engine reads no clock of its own). */
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
  /** Proven within the stage's tolerance of the best. */
  readonly optimal: boolean;
}

export interface StagedSolution {
  /** The plan as a full column vector of the model (lots included). */
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

/** A stage's plan so far: the full column vector, its value and proven bound. */
interface StageRun {
  readonly x: Float64Array;
  readonly value: number;
  readonly bound: number;
  readonly gaveUp?: boolean;
  readonly timedOut?: boolean;
}

/** What every stage shares: the solver, the model, the safety net and what happened so far. */
class Run {
  readonly T: number;
  readonly mipAllowed: boolean;
  gaveUp = false;
  timedOut = false;
  private readonly deadline: number;

  constructor(
    readonly solver: Solver,
    readonly pm: PlannerModel,
    readonly options: SolveOptions,
  ) {
    this.T = pm.ctx.book.total / 100;
    this.deadline = this.now() + options.timeLimit * 1000;
    // On a model whose numbers span more than MIP_SPAN, HiGHS' branch and bound is not run at all:
    // there it can loop inside presolve without reaching a limit or interrupt check (measured: a
    // household of $3.5 trillion with bounds of 4e12 shares). The plan is then the repair's, measured
    // against the LP bounds, which usually prove it within the tolerances anyway.
    this.mipAllowed = modelSpan(pm) <= MIP_SPAN;
  }

  now(): number {
    return this.options.now?.() ?? 0;
  }

  secondsLeft(): number {
    return Math.max(0, (this.deadline - this.now()) / 1000);
  }

  readonly outOfTime = (): boolean => this.options.now !== undefined && this.now() >= this.deadline;

  effort(stage: Stage): Effort {
    return new Effort(stage.budget.repairMoves, this.outOfTime);
  }

  tolerance(stage: Stage, bound: number): number {
    return stage.tolerance(bound, this.T);
  }

  /** Notes how an effort ended (the clock, not the budget, is the safety net). */
  spent(effort: Effort): void {
    this.timedOut ||= effort.stoppedByClock;
  }
}

export function solveStaged(solver: Solver, pm: PlannerModel, options: SolveOptions): StagedSolution {
  // An account short of its reserve with nothing it may sell cannot be fixed; said here in exact
  // cents, since at $10¹³ the solver's tolerance (a few cents) could hide a shortfall of one.
  if (shortAccounts(pm).some((a) => !pm.legs.some((l) => l.account === a && l.sell !== null))) throw infeasible(pm);
  const run = new Run(solver, pm, options);
  const driftTolerance = run.tolerance(STAGES.drift, 0);
  const lp = relaxations(solver, pm, driftTolerance);

  // Stage 1: D. The repair usually lands within the tolerance of the LP bound; if not, HiGHS searches on.
  const whole = pm.ctx.book.settings.wholeShares;
  const goal = lp.drift.value + (whole ? REPAIR_GOAL.wholeShares : REPAIR_GOAL.fractional) * driftTolerance;
  const { state, drift } = stageDrift(run, whole ? [lp.cheap.x, lp.drift.x] : [lp.inside.x, lp.cheap.x], goal);
  const driftBound = Math.max(lp.drift.value, drift.bound);
  const driftCap = Math.max(drift.value + 1e-6, driftBound + driftTolerance - 0.01);
  const driftRow = boundRow(pm, 'drift', 'bestDrift', driftCap);

  // Stage 2: tax + cost within that drift; HiGHS' bound, where it ran, may prove more than the LP's.
  const taxCost = stageTaxCost(run, state, drift, driftCap, driftRow, lp.taxCost.value, [lp.taxCost.x, lp.cheap.x]);
  const taxBound = taxCost.bound;
  const taxCap = Math.max(taxCost.value + 1e-6, taxBound + run.tolerance(STAGES.taxCost, taxBound) - 0.005);
  const taxRow = boundRow(pm, 'taxCost', 'bestTaxCost', taxCap);

  // Stage 3: fewest trades within both.
  const trades = stageTrades(run, state, taxCost, driftCap, taxCap, [driftRow, taxRow]);

  // The lots each sell takes follow from what it sells (sell-order.ts), whichever stage chose it.
  const x = withLots(pm, trades.x);
  const driftValue = pm.model.evaluate('drift', x);
  const taxValue = pm.model.evaluate('taxCost', x);
  const driftProven = driftValue - driftBound <= driftTolerance + 1e-6;
  const taxProven = taxValue - taxBound <= run.tolerance(STAGES.taxCost, taxBound);
  // Without HiGHS' MIP nothing searches beyond the repair: a plan it cannot bring within the drift
  // tolerance of the LP bound would be a poor plan passed off as the answer, so say so instead.
  if (!run.mipAllowed && !driftProven) throw tooFarApart(pm);
  const tradesValue = pm.model.evaluate('trades', x);
  return {
    x,
    drift: { value: driftValue, bound: driftBound, optimal: driftProven },
    taxCost: { value: taxValue, bound: taxBound, optimal: taxProven },
    trades: { value: tradesValue, bound: trades.bound, optimal: tradesValue - trades.bound <= run.tolerance(STAGES.trades, trades.bound) },
    limited: !driftProven || !taxProven,
    gaveUp: run.gaveUp,
    timeLimitReached: run.timedOut,
  };
}

/**
 * Stage 1: the best whole-share repair of the relaxed plans (in whole shares the cheapest relaxed
 * plan inside half the tolerance leaves room for rounding; in fractional shares rounding costs next
 * to nothing). When no rounding keeps every rule (numbers so far apart that the relaxation is only
 * approximate) the repair starts from doing nothing, which keeps them by construction.
 */
function stageDrift(run: Run, starts: readonly Float64Array[], goal: number): { state: RepairState; drift: StageRun } {
  const { pm } = run;
  const effort = run.effort(STAGES.drift);
  let best: { state: RepairState; run: StageRun } | null = null;
  for (const x of [...starts, new Float64Array(pm.model.columns.length)]) {
    if (best && (best.run.value <= goal || x.every((v) => v === 0))) break;
    const state = repairDrift(pm, x, goal, effort);
    const columns = state.columns();
    if (!pm.model.isFeasible(columns)) continue; // a repair that breaks a rule is never used
    const value = pm.model.evaluate('drift', columns);
    if (!best || value < best.run.value) best = { state, run: { x: columns, value, bound: -Infinity } };
  }
  run.spent(effort);
  const state = best?.state ?? new RepairState(pm);
  let drift = best?.run ?? null;
  if (!drift || drift.value > goal) {
    const searched = branchAndBound(run, STAGES.drift, [], drift?.x ?? null);
    if (!drift || searched.value < drift.value - 1e-9) {
      drift = searched;
      state.load(searched.x);
    } else {
      // The search found nothing better but may have proven the repair's plan best (a household of a
      // few cents in whole shares: the LP bound says 0, the best whole plan is 2¢ off): keep its bound.
      drift = { ...drift, bound: Math.max(drift.bound, searched.bound) };
    }
  }
  return { state, drift };
}

/**
 * Stage 2: local moves first, then HiGHS from there, each only while not yet within 1% (+1¢) of the
 * bound; HiGHS' own bound, where it searched the whole model, joins the LP's.
 */
function stageTaxCost(run: Run, state: RepairState, drift: StageRun, driftCap: number, driftRow: Row, lpBound: number, relaxed: readonly Float64Array[]): StageRun {
  const { pm } = run;
  let best: StageRun = { ...drift, value: pm.model.evaluate('taxCost', drift.x), bound: lpBound };
  const proven = () => best.value - best.bound <= run.tolerance(STAGES.taxCost, best.bound);
  const consider = (x: Float64Array, bound: number) => {
    const value = pm.model.evaluate('taxCost', x);
    const better = value < best.value - 1e-9 && pm.model.isFeasible(x, [driftRow]);
    best = { ...(better ? { x, value } : best), bound: Math.max(best.bound, bound) };
  };
  if (!proven()) {
    const effort = run.effort(STAGES.taxCost);
    repairTaxCost(state, driftCap - 1e-6, effort);
    run.spent(effort);
    consider(state.columns(), -Infinity);
  }
  if (!proven()) {
    const searched = branchAndBound(run, STAGES.taxCost, [driftRow], best.x, tradingLegs(pm, best.x, ...relaxed));
    consider(searched.x, searched.bound);
  }
  return best;
}

/** Stage 3: drop trades by local moves, then HiGHS from there, then moves that drop trades across accounts. */
function stageTrades(run: Run, state: RepairState, taxCost: StageRun, driftCap: number, taxCap: number, caps: readonly Row[]): StageRun {
  const { pm } = run;
  let best: StageRun = { ...taxCost, value: pm.model.evaluate('trades', taxCost.x), bound: -Infinity };
  const consider = (x: Float64Array, bound: number) => {
    const value = pm.model.evaluate('trades', x);
    const better = value < best.value && pm.model.isFeasible(x, caps);
    best = { ...(better ? { x, value } : best), bound: Math.max(best.bound, bound) };
  };
  state.load(taxCost.x);
  const effort = run.effort(STAGES.trades);
  repairTrades(state, driftCap - 1e-6, taxCap - 1e-6, effort);
  consider(state.columns(), -Infinity);
  const searched = branchAndBound(run, STAGES.trades, caps, best.x, tradingLegs(pm, best.x));
  consider(searched.x, searched.bound);
  // Then trades dropped across accounts, from the best plan so far.
  state.load(best.x);
  repairTradesAcross(state, driftCap - 1e-6, taxCap - 1e-6, effort);
  run.spent(effort);
  consider(state.columns(), -Infinity);
  // Then the sparsest trade sets reweighted LPs find (sparsify.ts) — from equal weights and from the
  // plan so far, which settle on different supports — and the local moves from their plans.
  for (const initial of [new Float64Array(best.x.length), best.x]) {
    if (best.value - best.bound <= run.tolerance(STAGES.trades, best.bound) || !run.mipAllowed || run.outOfTime()) break;
    const sparse = sparserPlan(run.solver, pm, caps, best.x, initial, STAGES.trades.budget.nodes, Math.max(MIN_SAFETY_SECONDS, run.secondsLeft()));
    run.timedOut ||= sparse.timedOut;
    for (const plan of sparse.plans) {
      const more = run.effort(STAGES.trades);
      // Whole shares: the support's plan has share counts relaxed; the repair rounds it (within the caps).
      const from = pm.ctx.book.settings.wholeShares ? repairRounded(pm, plan, driftCap - 1e-6, taxCap - 1e-6, more) : null;
      consider(from ? from.columns() : plan, -Infinity);
      state.load(best.x);
      repairTradesAcross(state, driftCap - 1e-6, taxCap - 1e-6, more);
      run.spent(more);
      consider(state.columns(), -Infinity);
    }
  }
  return best;
}

/**
 * HiGHS' branch and bound on one stage, from `start` (a full plan that keeps every rule), within the
 * stage's node budget. A model wider than the stage's maxColumns is searched restricted to the legs of
 * `candidates` (every other leg held at no trade) when that is narrow enough: it finds better plans
 * but proves nothing about the whole model, so its bound is not used. Returns a full plan: a
 * positions-scope answer gets its lots (withLots).
 */
function branchAndBound(run: Run, stage: Stage, extra: readonly Row[], start: Float64Array | null, candidates: ReadonlySet<Leg> | null = null): StageRun {
  const { pm, solver } = run;
  const fallback = (why: 'gaveUp' | 'timedOut'): StageRun => {
    if (!start) throw tooFarApart(pm);
    if (why === 'gaveUp') run.gaveUp = true;
    else run.timedOut = true;
    return { x: start, value: pm.model.evaluate(stage.objective, start), bound: -Infinity };
  };
  if (!run.mipAllowed) return fallback('gaveUp');
  if (run.outOfTime()) return fallback('timedOut');
  const width = pm.model.columnCount(stage.scope);
  const widths = pm.ctx.book.settings.wholeShares ? stage.budget.maxColumns.wholeShares : stage.budget.maxColumns.fractional;
  const restricted = width > widths.proving && candidates !== null;
  const fixed = restricted ? noTradeOutside(pm, candidates) : new Map<number, number>();
  // Too wide for the budget (stages.ts maxColumns): the start stands, unproven unless its bounds prove it.
  if (start && width - fixed.size > (restricted ? widths.searched : widths.proving)) return { x: start, value: pm.model.evaluate(stage.objective, start), bound: -Infinity };
  const model = solver.createModel(pm.model.toModelData(stage.objective, extra, true, stage.scope, fixed));
  try {
    model.options.set({
      output_flag: false,
      mip_max_nodes: stage.budget.nodes,
      // The safety net only: a machine fast enough finishes the node budget long before it.
      time_limit: Math.max(MIN_SAFETY_SECONDS, run.secondsLeft()),
      mip_abs_gap: stage.mipGap.absolute(run.T),
      mip_rel_gap: stage.mipGap.relative,
      random_seed: SEED,
      // The root reduced-cost heuristic runs a sub-MIP that heeds neither limit: measured, a 19-column
      // stage with a 0.1 s limit ran 100–150 s in it. The repair already gives HiGHS a good start.
      mip_heuristic_run_root_reduced_cost: false,
      ...numericTolerances(pm),
    });
    if (start) {
      const prefix = start.subarray(0, width);
      checkStart(prefix, pm.model.columns);
      model.setSolution({ colValue: prefix });
    }
    let status: number;
    try {
      status = model.run(callbacks(solver, stage, run.options)).modelStatus;
    } catch (e) {
      // HiGHS gives up on a model it cannot solve to its tolerances ("solve error"); the start is a plan
      // that keeps every rule (checked by the caller), so it stands, unproven. Without one: say so.
      if (!isSolveFailure(e)) throw e;
      return fallback('gaveUp');
    }
    const codes = solver.constants.modelStatus;
    if (status === codes.timeLimit) run.timedOut = true;
    const hasSolution = model.info.get('primal_solution_status') === solver.constants.solutionStatus.feasible;
    // Later stages always have their start (feasible by construction); stage 1 without one may not.
    if (!hasSolution && !start) {
      if (status === codes.infeasible || status === codes.unboundedOrInfeasible) throw shortAccounts(pm).length > 0 ? infeasible(pm) : tooFarApart(pm);
      throw new InputError({ table: 'Settings', row: null, column: 'TimeLimit' }, 'no plan that keeps every rule was found within the time limit; raise TimeLimit');
    }
    const x = hasSolution ? withLots(pm, model.getSolution().colValue) : start!;
    const value = pm.model.evaluate(stage.objective, x);
    const dualBound = Number(model.info.get('mip_dual_bound'));
    const bound = restricted ? -Infinity : Number.isFinite(dualBound) ? Math.min(dualBound, value) : status === codes.optimal ? value : -Infinity;
    return { x, value, bound };
  } finally {
    model.dispose();
  }
}

/** HiGHS' own time limit is never set below this, so a run that starts at the deadline still returns its start. */
const MIN_SAFETY_SECONDS = 0.05;

/** The fractional relaxation's answers: proven bounds and the repair's starting points. */
interface Relaxed {
  readonly drift: { x: Float64Array; value: number };
  readonly cheap: { x: Float64Array; value: number };
  readonly inside: { x: Float64Array; value: number };
  readonly taxCost: { x: Float64Array; value: number };
}

/**
 * The fractional relaxation (every integer relaxed), solved exactly in one HiGHS model warm-started
 * from one solve to the next: least D; then least tax + cost with D within the shares of the tolerance
 * RELAXED_STARTS gives (the repair's starting points), and within the whole tolerance (the proven
 * bound on tax + cost).
 */
function relaxations(solver: Solver, pm: PlannerModel, driftTolerance: number): Relaxed {
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

function relaxationsScaled(solver: Solver, pm: PlannerModel, driftTolerance: number, userBoundScale: number): Relaxed {
  const data = pm.model.toModelData('drift', [], false);
  const model = solver.createModel(data);
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
    const drift = solve('drift');
    const driftTerms = pm.model.objectiveTerms('drift');
    if (!Number.isFinite(drift.value)) throw new PlannerNumberError(`the relaxed plan's drift is ${drift.value}`);
    const capRow = data.numRows;
    model.addRow(-Infinity, drift.value + RELAXED_STARTS.cheap * driftTolerance, { indices: driftTerms.map(([c]) => c), values: driftTerms.map(([, a]) => a) });
    const costs = new Float64Array(pm.model.columns.length);
    for (const [c, a] of pm.model.objectiveTerms('taxCost')) costs[c] = a;
    model.changeColsCost({ kind: 'range', from: 0, to: costs.length - 1 }, costs);
    const cheap = solve('taxCost');
    model.changeRowBounds(capRow, -Infinity, drift.value + RELAXED_STARTS.inside * driftTolerance);
    const inside = solve('taxCost');
    model.changeRowBounds(capRow, -Infinity, drift.value + driftTolerance);
    const taxCost = solve('taxCost');
    return { drift, cheap, inside, taxCost };
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

function boundRow(pm: PlannerModel, objective: Objective, name: string, upper: number): Row {
  return { name, lower: -Infinity, upper, terms: pm.model.objectiveTerms(objective) };
}

function callbacks(solver: Solver, stage: Stage, options: SolveOptions): HighsCallbackMap {
  const { shouldStop, onProgress } = options;
  if (!shouldStop && !onProgress) return {};
  return {
    [solver.constants.callbackType.mipInterrupt]: (event) => {
      if (shouldStop?.()) event.interrupt();
      return undefined;
    },
    [solver.constants.callbackType.mipImprovingSolution]: (event) => {
      onProgress?.({ stage: stage.number, gap: event.data.mip_gap ?? null });
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
