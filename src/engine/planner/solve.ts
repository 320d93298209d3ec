/**
 * The lexicographic objective of PRODUCT.md, solved stage by stage (stages.ts):
 *   1. minimise D (drift beyond tolerance), over positions only;
 *   2. with D within 0.1% of T of its proven bound, minimise tax + cost, with the lots;
 *   3. with tax + cost within 1% of its proven bound too, minimise the number of trades.
 * Each stage: the whole-share repair first (repair/), then HiGHS' branch and bound from the repair's
 * plan only while the plan is not yet proven within the stage's tolerance (and only on a model narrow
 * enough for its budget, stages.ts). In whole shares, stages 2 and 3 also rebuild the plan account by
 * account (options/: each account's whole-share options, one chosen per account over the household),
 * which lands each account's cash where local moves cannot. Proven bounds come from the
 * fractional relaxation (LPs, solved exactly) and from HiGHS. All work is budgeted in moves and nodes,
 * never in time, so the plan is a function of the workbook alone; TimeLimit is a safety net.
 * Every HiGHS model is disposed (garbage collection does not free them).
 */
import { branchAndBound, MIN_SAFETY_SECONDS } from './branch-and-bound';
import { Objective, Row } from './linear-model';
import { netShares, PlannerModel, tradingLegs, withLots } from './model';
import { infeasible, shortAccounts, tooFarApart } from './refusals';
import { improveByOptions } from './options';
import { relaxations } from './relaxation';
import { repairDrift, repairRounded, RepairState, repairTaxCost, repairTrades, repairTradesAcross } from './repair';
import { Run, StageRun } from './run';
import { SolveOptions, Solver } from './solver';
import { sparserPlan } from './sparsify';
import { ACCOUNT_OPTIONS, REPAIR_GOAL, ROUNDING_ROOM, STAGES } from './stages';

export type { SolveOptions, SolveProgress, Solver } from './solver';

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

export function solveStaged(solver: Solver, pm: PlannerModel, options: SolveOptions): StagedSolution {
  // An account short of its reserve with nothing it may sell cannot be fixed; said here in exact
  // cents, since at $10¹³ the solver's tolerance (a few cents) could hide a shortfall of one.
  if (shortAccounts(pm).some((a) => !pm.legs.some((l) => l.account === a && l.sell !== null))) throw infeasible(pm);
  const run = new Run(solver, pm, options);
  // Each stage is announced as it starts (gap unknown), so a caller can say which one is running even
  // when no stage needs HiGHS' search (whose improving plans are the only other progress there is).
  options.onProgress?.({ stage: 1, gap: null });
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
  options.onProgress?.({ stage: 2, gap: null });
  const { plan: taxCost, byOptions } = stageTaxCost(run, state, drift, driftCap, driftRow, lp.taxCost.value, [lp.taxCost.x, lp.cheap.x]);
  const taxBound = taxCost.bound;
  const taxCap = Math.max(taxCost.value + 1e-6, taxBound + run.tolerance(STAGES.taxCost, taxBound) - 0.005);
  const taxRow = boundRow(pm, 'taxCost', 'bestTaxCost', taxCap);

  // Stage 3: fewest trades within both.
  options.onProgress?.({ stage: 3, gap: null });
  const sparsePlans: Float64Array[] = [];
  let trades = stageTrades(run, state, taxCost, driftCap, taxCap, [driftRow, taxRow], sparsePlans);
  // A plan the account options built has each account's cash landed, often by small trades; the
  // options then take them back out (the repair's moves, one or two legs at a time, rarely can).
  if (byOptions) trades = tradesByOptions(run, state, trades, driftCap, taxCap, [driftRow, taxRow], sparsePlans);

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
function stageTaxCost(run: Run, state: RepairState, drift: StageRun, driftCap: number, driftRow: Row, lpBound: number, relaxed: readonly Float64Array[]): { plan: StageRun; byOptions: boolean } {
  const { pm } = run;
  let best: StageRun = { ...drift, value: pm.model.evaluate('taxCost', drift.x), bound: lpBound };
  let byOptions = false;
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
  // Whole shares: each account's cash landed (options/), which frees drift for smaller taxed sells.
  if (!proven() && pm.ctx.book.settings.wholeShares && run.mipAllowed && !skippedForTime(run)) {
    state.load(best.x);
    const anchor = { q: pm.legs.map((leg) => netShares(leg, relaxed[0])), limits: ACCOUNT_OPTIONS.taxCost.limits };
    if (improveByOptions(run, state, [anchor], { objective: 'taxCost', driftCap: driftCap - 1e-6, taxCap: null, budget: ACCOUNT_OPTIONS.taxCost.budget })) {
      const x = state.columns();
      consider(x, -Infinity);
      byOptions = best.x === x;
    }
  }
  if (!proven()) {
    const searched = branchAndBound(run, STAGES.taxCost, [driftRow], best.x, tradingLegs(pm, best.x, ...relaxed));
    consider(searched.x, searched.bound);
  }
  return { plan: best, byOptions };
}

/**
 * Stage 3: drop trades by local moves, then HiGHS from there, then moves that drop trades across
 * accounts, then the sparsest trade sets reweighted LPs find (sparsify.ts).
 */
function stageTrades(run: Run, state: RepairState, taxCost: StageRun, driftCap: number, taxCap: number, caps: readonly Row[], sparsePlans: Float64Array[]): StageRun {
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
  // plan so far, which settle on different supports — and the local moves from their plans. In whole
  // shares, also the supports found inside tighter caps (ROUNDING_ROOM), whose relaxed plans leave
  // the rounding room under the real ones.
  const whole = pm.ctx.book.settings.wholeShares;
  const supportCaps = whole ? [caps, roomForRounding(run, caps, taxCost.bound)] : [caps];
  for (const initial of [new Float64Array(best.x.length), best.x]) {
    for (const lpCaps of supportCaps) {
      if (best.value - best.bound <= run.tolerance(STAGES.trades, best.bound) || !run.mipAllowed) return best;
      if (skippedForTime(run)) return best;
      const sparse = sparserPlan(run.solver, pm, lpCaps, best.x, initial, STAGES.trades.budget.nodes, Math.max(MIN_SAFETY_SECONDS, run.secondsLeft()));
      run.timedOut ||= sparse.timedOut;
      for (const plan of sparse.plans) {
        sparsePlans.push(plan);
        const more = run.effort(STAGES.trades);
        // Whole shares: the support's plan has share counts relaxed; the repair rounds it (within the caps).
        const from = whole ? repairRounded(pm, plan, driftCap - 1e-6, taxCap - 1e-6, more) : null;
        consider(from ? from.columns() : plan, -Infinity);
        state.load(best.x);
        repairTradesAcross(state, driftCap - 1e-6, taxCap - 1e-6, more);
        run.spent(more);
        consider(state.columns(), -Infinity);
      }
    }
  }
  return best;
}

/**
 * Stage 3 after the account options (options/): the plan rebuilt account by account around itself —
 * trades dropped or shifted a few shares — and then around each of the sparsest relaxed plans found
 * (sparsify.ts), one at a time: their few legs moved up to ACCOUNT_OPTIONS.sparse's reach, each
 * account's cash landed, fewer trades inside both caps.
 */
function tradesByOptions(run: Run, state: RepairState, trades: StageRun, driftCap: number, taxCap: number, caps: readonly Row[], sparse: readonly Float64Array[]): StageRun {
  const { pm } = run;
  state.load(trades.x);
  const stage = { objective: 'trades', driftCap: driftCap - 1e-6, taxCap: taxCap - 1e-6, budget: ACCOUNT_OPTIONS.trades.budget } as const;
  const self = () => ({ q: Float64Array.from(state.q), limits: ACCOUNT_OPTIONS.trades.limits });
  const around = (x: Float64Array) => ({ q: pm.legs.map((leg) => netShares(leg, x)), limits: ACCOUNT_OPTIONS.sparse.limits });
  let improved = false;
  for (const anchors of [[], ...sparse.slice(0, ACCOUNT_OPTIONS.sparse.plans).map((x) => [around(x)])]) {
    if (skippedForTime(run)) break;
    improved = improveByOptions(run, state, [self(), ...anchors], stage) || improved;
  }
  if (!improved) return trades;
  const x = state.columns();
  const value = pm.model.evaluate('trades', x);
  return pm.model.isFeasible(x, caps) && value < trades.value ? { ...trades, x, value } : trades;
}

/** The safety net: a step it skips is a search cut short, and the plan says so. */
function skippedForTime(run: Run): boolean {
  if (!run.outOfTime()) return false;
  run.timedOut = true;
  return true;
}

/**
 * The caps of stages 1 and 2, each lowered by its share of ROUNDING_ROOM (the tax cap from no higher
 * than its tolerance above the bound): a support whose relaxed plan fits them can be rounded to whole
 * shares inside the real caps, where one found at the real caps sits on them and rarely can.
 */
function roomForRounding(run: Run, caps: readonly Row[], taxBound: number): Row[] {
  const [drift, taxCost] = caps;
  const driftTolerance = run.tolerance(STAGES.drift, 0);
  const taxTolerance = run.tolerance(STAGES.taxCost, taxBound);
  return [
    { ...drift, upper: drift.upper - ROUNDING_ROOM.drift * driftTolerance },
    { ...taxCost, upper: Math.min(taxCost.upper, taxBound + taxTolerance) - ROUNDING_ROOM.taxCost * taxTolerance },
  ];
}

function boundRow(pm: PlannerModel, objective: Objective, name: string, upper: number): Row {
  return { name, lower: -Infinity, upper, terms: pm.model.objectiveTerms(objective) };
}
