/**
 * The fractional relaxation of the plan (every integer relaxed), solved exactly as LPs: its least D is
 * a proven bound for any plan, its least tax + cost within the drift tolerance a proven bound for
 * stage 2, and its plans are where the whole-share repair starts.
 */
import { PlannerNumberError, checkStart, Objective } from './linear-model';
import { PlannerModel } from './model';
import { infeasible, shortAccounts, tooFarApart } from './refusals';
import { modelSpan } from './run';
import { isSolveFailure, numericTolerances } from './solver-options';
import type { Solver } from './solver';
import { RELAXED_STARTS } from './stages';

/** The fractional relaxation's answers: proven bounds and the repair's starting points. */
export interface Relaxed {
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
export function relaxations(solver: Solver, pm: PlannerModel, driftTolerance: number): Relaxed {
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

/** The power of two that brings the model's largest finite bound to about 10⁶ (HiGHS' user_bound_scale). */
function boundScale(pm: PlannerModel): number {
  return -Math.max(0, Math.ceil(Math.log2(Math.max(1, modelSpan(pm)))) - 20);
}
