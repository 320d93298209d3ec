/** What every HiGHS run of the planner shares: its tolerances for the household and how a failed run looks. */
import { numericTolerance } from './context';
import { PlannerModel } from './model';

/** HiGHS' tolerances for this household (context.ts, numericTolerance); below $10 million its defaults. */
export function numericTolerances(pm: PlannerModel): { primal_feasibility_tolerance: number } {
  const tolerance = numericTolerance(pm.ctx.book);
  // Only the rows' tolerance grows. The MIP's (mip_feasibility_tolerance) is also its integrality
  // tolerance: a binary of 0.001 passing as 0 would let a trade of 0.001 × a $10¹² position hide
  // behind a "no trade" indicator. Where HiGHS then cannot meet 1e-6 on trillion-dollar rows it gives
  // up and the stage keeps its start (solve.ts branchAndBound).
  return { primal_feasibility_tolerance: Math.max(1e-7, tolerance) };
}

/** HiGHS' run ending in its error status (-1), e.g. "MIP solver claims optimality, but with … infeasibilities". */
export function isSolveFailure(e: unknown): boolean {
  return e instanceof Error && (e as { status?: unknown }).status === -1 && (e as { operation?: unknown }).operation === 'run';
}

/**
 * Whether HiGHS' time limit (`limit`, s) may have shaped a run, whatever status it ended with. HiGHS
 * gives each of its sub-MIPs (the root's RENS/RINS heuristics) the run's time left as its own time
 * limit, and a sub-MIP stopped by it returns its best silently: the run may then end "optimal" or at
 * its node limit with a different plan. Its own clock reaching the limit is the one sign of that.
 */
export function reachedTimeLimit(model: { getRunTime(): number }, status: number, timeLimitStatus: number, limit: number): boolean {
  return status === timeLimitStatus || model.getRunTime() >= limit * (1 - 1e-9);
}
