/**
 * Fewer trades by reweighted ℓ1 (Candès, Wakin and Boyd, 2008): the fewest-trades objective counts
 * trades, which an LP cannot; an LP can minimise the traded amounts, each weighted by 1/(its amount in
 * the last solution + δ), and a few rounds of that push small trades to zero. Each round keeps both
 * earlier stages' caps (drift and tax + cost), so its support — the legs that still trade — is a trade
 * set that can meet them. The plan is then solved on that support alone, its trade binaries fixed: a
 * small MILP (tax + cost, within the caps) that HiGHS closes at its root. Everything is LPs and one
 * small MILP, deterministic like the rest of the planner (no clock).
 */
import type { Highs } from 'highs';
import { Leg } from './legs';
import { Row } from './linear-model';
import { noTradeOutside, PlannerModel, tradedAmount, withLots } from './model';
import { isSolveFailure, numericTolerances, reachedTimeLimit } from './solver-options';
import { SEED } from './stages';

/** Rounds of reweighting: the support stops shrinking after three or four on the households measured. */
const ROUNDS = 4;

export interface Sparser {
  /**
   * Plans on the sparsest support found (none: no support with fewer trades, or no plan on it that
   * keeps every rule). Whole shares: two, with share counts relaxed — the cheapest and the closest to
   * target (which leaves the rounding more room under the drift cap) — for the caller to round.
   */
  readonly plans: readonly Float64Array[];
  /** True when the TimeLimit safety net stopped the support's search. */
  readonly timedOut: boolean;
}

/**
 * The plan on the sparsest support reweighting finds, with fewer trades than `start`. The first round
 * weighs each leg by `initial` (the plan so far, or nothing: plain ℓ1, equal weights per dollar);
 * `nodes` bounds the final MILP, `timeLimit` (s) is the safety net.
 */
export function sparserPlan(solver: Highs, pm: PlannerModel, caps: readonly Row[], start: Float64Array, initial: ArrayLike<number>, nodes: number, timeLimit: number): Sparser {
  const none = { plans: [], timedOut: false };
  const T = pm.ctx.book.total / 100;
  // δ keeps a trade that is zero from getting an infinite weight; a thousandth of a percent of T is
  // far below any trade worth making (MinTrade is $50 by default) and far above rounding noise.
  const delta = Math.max(0.01, 1e-5 * T);
  let x: ArrayLike<number> = initial;
  const lp = solver.createModel(pm.model.toModelData('trades', caps, false));
  try {
    lp.options.set({ output_flag: false, ...numericTolerances(pm) });
    const costs = new Float64Array(pm.model.columns.length);
    for (let round = 0; round < ROUNDS; round++) {
      costs.fill(0);
      for (const leg of pm.legs) {
        const weight = leg.price / (tradedAmount(leg, x) * leg.price + delta);
        if (leg.buy !== null) costs[leg.buy] = weight;
        if (leg.sell !== null) costs[leg.sell] = weight;
      }
      lp.changeColsCost({ kind: 'range', from: 0, to: costs.length - 1 }, costs);
      try {
        if (lp.run().modelStatus !== solver.constants.modelStatus.optimal) return none;
      } catch (e) {
        if (isSolveFailure(e)) return none;
        throw e;
      }
      x = lp.getSolution().colValue;
    }
  } finally {
    lp.dispose();
  }
  const support = pm.legs.filter((leg) => tradedAmount(leg, x) * leg.price > SUPPORT_DOLLARS);
  if (support.length >= pm.model.evaluate('trades', start) - 0.5) return none;
  const objectives = pm.ctx.book.settings.wholeShares ? (['taxCost', 'drift'] as const) : (['taxCost'] as const);
  const plans: Float64Array[] = [];
  let timedOut = false;
  for (const objective of objectives) {
    const plan = planOnSupport(solver, pm, caps, new Set(support), x, objective, nodes, timeLimit);
    timedOut ||= plan.timedOut;
    if (plan.x) plans.push(plan.x);
  }
  return { plans, timedOut };
}

/** Below this a relaxed trade is taken as no trade (a cent, well below any MinTrade). */
const SUPPORT_DOLLARS = 0.01;

/**
 * The plan within the caps, least in `objective`, that trades exactly the support's legs, each in the
 * relaxed plan's direction. In whole shares it is solved with share counts relaxed (a MILP in share
 * counts has a root that grows fast with the legs: 41 legs of household L took 0.4–1.8 s) and rounded
 * by the caller.
 */
function planOnSupport(solver: Highs, pm: PlannerModel, caps: readonly Row[], support: ReadonlySet<Leg>, relaxed: ArrayLike<number>, objective: 'taxCost' | 'drift', nodes: number, timeLimit: number): { x: Float64Array | null; timedOut: boolean } {
  const fixed = noTradeOutside(pm, support);
  for (const leg of support) {
    const buys = leg.buy !== null && relaxed[leg.buy] > 0;
    if (leg.buyOn !== null) fixed.set(leg.buyOn, buys ? 1 : 0);
    if (leg.sellOn !== null) fixed.set(leg.sellOn, buys ? 0 : 1);
    if (buys && leg.sell !== null) fixed.set(leg.sell, 0);
    if (!buys && leg.buy !== null) fixed.set(leg.buy, 0);
  }
  const whole = pm.ctx.book.settings.wholeShares;
  const model = solver.createModel(pm.model.toModelData(objective, caps, !whole, 'lots', fixed));
  try {
    model.options.set({ output_flag: false, mip_max_nodes: nodes, time_limit: timeLimit, random_seed: SEED, mip_heuristic_run_root_reduced_cost: false, ...numericTolerances(pm) });
    let status: number;
    try {
      status = model.run().modelStatus;
    } catch (e) {
      if (isSolveFailure(e)) return { x: null, timedOut: false };
      throw e;
    }
    const timedOut = reachedTimeLimit(model, status, solver.constants.modelStatus.timeLimit, timeLimit);
    if (model.info.get('primal_solution_status') !== solver.constants.solutionStatus.feasible || status === solver.constants.modelStatus.infeasible) return { x: null, timedOut };
    const x = withLots(pm, model.getSolution().colValue);
    return { x: pm.ctx.book.settings.wholeShares || pm.model.isFeasible(x, caps) ? x : null, timedOut };
  } finally {
    model.dispose();
  }
}
