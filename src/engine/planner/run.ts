/**
 * One solve of the planner: the solver, the model, the safety net's clock, and what happened so far
 * (a stage cut short by the clock, or given up by HiGHS). Every stage of solve.ts gets it.
 */
import type { Solver, SolveOptions } from './solver';
import { Effort } from './repair';
import { PlannerModel } from './model';
import { Stage } from './stages';

/** A stage's plan so far: the full column vector, its value and proven bound. */
export interface StageRun {
  readonly x: Float64Array;
  readonly value: number;
  readonly bound: number;
}

/** What every stage shares: the solver, the model, the safety net and what happened so far. */
export class Run {
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

/** The largest magnitude HiGHS' MIP is given (bounds and coefficients); beyond it the repair's plan stands. */
export const MIP_SPAN = 1e10;

/** The largest finite bound or coefficient of the model. */
export function modelSpan(pm: PlannerModel): number {
  let largest = 0;
  for (const c of pm.model.columns) for (const b of [c.lower, c.upper]) if (Number.isFinite(b)) largest = Math.max(largest, Math.abs(b));
  for (const r of pm.model.rows) {
    for (const b of [r.lower, r.upper]) if (Number.isFinite(b)) largest = Math.max(largest, Math.abs(b));
    for (const [, a] of r.terms) largest = Math.max(largest, Math.abs(a));
  }
  return largest;
}
