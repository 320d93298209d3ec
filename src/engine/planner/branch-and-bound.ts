/**
 * HiGHS' branch and bound on one stage of the plan, within the stage's budget (stages.ts): its node
 * limit, and the widest model it may search, whole or restricted to the legs that trade.
 */
import type { HighsCallbackMap } from 'highs';
import { InputError } from '../errors';
import { Leg } from './legs';
import { checkStart, Row } from './linear-model';
import { noTradeOutside, withLots } from './model';
import { infeasible, shortAccounts, tooFarApart } from './refusals';
import { Run, StageRun } from './run';
import { isSolveFailure, numericTolerances, reachedTimeLimit } from './solver-options';
import type { SolveOptions, Solver } from './solver';
import { SEED, Stage } from './stages';

/**
 * HiGHS' branch and bound on one stage, from `start` (a full plan that keeps every rule), within the
 * stage's node budget. A model wider than the stage's maxColumns is searched restricted to the legs of
 * `candidates` (every other leg held at no trade) when that is narrow enough: it finds better plans
 * but proves nothing about the whole model, so its bound is not used. Returns a full plan: a
 * positions-scope answer gets its lots (withLots).
 */
export function branchAndBound(run: Run, stage: Stage, extra: readonly Row[], start: Float64Array | null, candidates: ReadonlySet<Leg> | null = null): StageRun {
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
    // The safety net only: a machine fast enough finishes the node budget long before it.
    const timeLimit = Math.max(MIN_SAFETY_SECONDS, run.secondsLeft());
    model.options.set({
      output_flag: false,
      mip_max_nodes: stage.budget.nodes,
      time_limit: timeLimit,
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
    if (reachedTimeLimit(model, status, codes.timeLimit, timeLimit)) run.timedOut = true;
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
export const MIN_SAFETY_SECONDS = 0.05;

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
