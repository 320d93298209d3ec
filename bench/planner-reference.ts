/**
 * The benchmark's reference for the trade planner: PRODUCT.md's "best plan" solved as the plain
 * lexicographic MILP, one HiGHS run per stage with a long time limit and no gap tolerance, on the
 * planner's own model (buildBook, buildModel). It shares nothing with the planner's search (no LP
 * bounds, no repair), so it checks that the planner's shortcuts land where the exact stages do:
 *   1. minimise D;
 *   2. minimise tax + cost with D ≤ D* + 0.1% of T;
 *   3. minimise the number of trades with D capped as in 2 and tax + cost ≤ its best + 1%.
 * D* (and the best tax + cost) is the stage's proven optimum when the run finished; when it stopped
 * at its time limit the cap is taken from the proven bound instead (the best plan cannot be below it),
 * and if that leaves no plan, from the best plan found ("best known"). The result says which.
 *
 * Everything that depends on the shape of the planner's model is in this file, in `stages` and `cap`:
 * toModelData(objective, extraRows, integral), objectiveTerms(objective), evaluate(objective, x).
 */
import type { Highs } from 'highs';
import type { Household } from '../src/engine';
import { buildBook } from '../src/engine/planner/book';
import { numericTolerance } from '../src/engine/planner/context';
import { Objective, Row } from '../src/engine/planner/linear-model';
import { buildModel, PlannerModel } from '../src/engine/planner/model';
import { performance } from 'perf_hooks';

export interface ReferenceStage {
  /** The objective at the best plan found (dollars; a count for trades). */
  readonly value: number;
  /** HiGHS' proven lower bound on the stage's objective. */
  readonly bound: number;
  /** True when HiGHS proved the value optimal (gap 0) within the time limit. */
  readonly finished: boolean;
  readonly seconds: number;
  /** Where the cap this stage put on the next stages came from (drift and tax + cost only). */
  readonly capFrom?: 'optimum' | 'bound' | 'best known';
}

export interface Reference {
  /** T in dollars. */
  readonly total: number;
  readonly drift: ReferenceStage;
  readonly taxCost: ReferenceStage;
  readonly trades: ReferenceStage;
  /** The reference plan's D and tax + cost (it is the stage-3 plan). */
  readonly planDrift: number;
  readonly planTaxCost: number;
}

export interface ReferenceOptions {
  /** Time limit of each stage, seconds. */
  readonly seconds: number;
}

/** Absolute gaps at which a stage counts as solved: a cent for money, less than one trade for trades. */
const ABS_GAP: Record<Objective, number> = { drift: 0.005, taxCost: 0.005, trades: 0.5 };

export function exactReference(household: Household, solver: Highs, options: ReferenceOptions): Reference {
  const asOf = household.settings.asOf;
  if (asOf === null) throw new Error('the reference needs an AsOf date');
  const pm = buildModel(buildBook(household, asOf));
  const T = pm.ctx.book.total / 100;
  // Doing nothing keeps every rule unless a reserve is short: stage 1's start.
  const stage1 = solveStage(solver, pm, 'drift', [], new Float64Array(pm.model.columns.length), options);
  if (stage1 === null) throw new Error('the reference found no plan at all (a reserve above cash and contribution?)');
  const s2 = capped(solver, pm, 'taxCost', [], stage1, (d) => d + 1e-3 * T, 'drift', options);
  const s3 = capped(solver, pm, 'trades', [s2.row], s2.run, (c) => c + 0.01 * Math.abs(c), 'taxCost', options);
  return {
    total: T,
    drift: { ...stage1, capFrom: s2.capFrom },
    taxCost: { ...s2.run, capFrom: s3.capFrom },
    trades: s3.run,
    planDrift: pm.model.evaluate('drift', s3.run.x),
    planTaxCost: pm.model.evaluate('taxCost', s3.run.x),
  };
}

interface StageRun {
  readonly x: Float64Array;
  readonly value: number;
  readonly bound: number;
  readonly finished: boolean;
  readonly seconds: number;
}

/**
 * The next stage with the previous stage's objective capped at tolerance(its optimum, or its bound if
 * unfinished); where the bound's cap leaves no plan, the best known value's cap.
 */
function capped(
  solver: Highs,
  pm: PlannerModel,
  objective: Objective,
  earlier: readonly Row[],
  previous: StageRun,
  tolerance: (best: number) => number,
  previousObjective: Objective,
  options: ReferenceOptions,
): { run: StageRun; row: Row; capFrom: NonNullable<ReferenceStage['capFrom']> } {
  const row = (best: number): Row => ({ name: `best_${previousObjective}`, lower: -Infinity, upper: tolerance(best), terms: pm.model.objectiveTerms(previousObjective) });
  const capFrom = previous.finished ? 'optimum' : 'bound';
  const first = row(previous.finished ? previous.value : previous.bound);
  const run = solveStage(solver, pm, objective, [...earlier, first], previous.x, options);
  if (run !== null) return { run, row: first, capFrom };
  const known = row(previous.value);
  const again = solveStage(solver, pm, objective, [...earlier, known], previous.x, options);
  if (again === null) throw new Error(`the reference's ${objective} stage found no plan within the ${previousObjective} cap`);
  return { run: again, row: known, capFrom: 'best known' };
}

/** One stage, warm-started from `start`; null when HiGHS found no plan (infeasible caps, or none in the time). */
function solveStage(solver: Highs, pm: PlannerModel, objective: Objective, extra: readonly Row[], start: Float64Array, options: ReferenceOptions): StageRun | null {
  const began = performance.now();
  const model = solver.createModel(pm.model.toModelData(objective, extra, true));
  try {
    model.options.set({
      output_flag: false,
      time_limit: options.seconds,
      mip_rel_gap: 0,
      mip_abs_gap: ABS_GAP[objective],
      random_seed: 7,
      // As in the planner (solve.ts): this heuristic's sub-MIP does not heed time_limit.
      mip_heuristic_run_root_reduced_cost: false,
      primal_feasibility_tolerance: Math.max(1e-7, numericTolerance(pm.ctx.book)),
    });
    // A start HiGHS finds infeasible under the new caps is simply not used.
    model.setSolution({ colValue: start });
    const status = model.run().modelStatus;
    const codes = solver.constants.modelStatus;
    const found = model.info.get('primal_solution_status') === solver.constants.solutionStatus.feasible;
    if (!found) {
      if (status === codes.infeasible || status === codes.timeLimit) return null;
      throw new Error(`the reference's ${objective} stage ended with HiGHS model status ${status} and no plan`);
    }
    const x = Float64Array.from(model.getSolution().colValue);
    const value = pm.model.evaluate(objective, x);
    const dual = Number(model.info.get('mip_dual_bound'));
    const finished = status === codes.optimal;
    const bound = Number.isFinite(dual) ? Math.min(dual, value) : finished ? value : -Infinity;
    return { x, value, bound, finished, seconds: (performance.now() - began) / 1000 };
  } finally {
    model.dispose();
  }
}
