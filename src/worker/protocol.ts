/** Messages between the add-in and the planner's Web Worker (structured-clone friendly). */
import type { HouseholdTables, IsoDate, Place, Plan, SolveProgress } from '../engine';

export interface DraftRequest {
  readonly id: number;
  readonly tables: HouseholdTables;
  /** Today's local date as the add-in knows it; the household's AsOf setting wins over it. */
  readonly today: IsoDate;
  /** Overrides the TimeLimit setting (seconds). */
  readonly timeLimit?: number;
}

export interface ReplyError {
  readonly message: string;
  /** Set when the problem is the user's input: the place and detail of the InputError. */
  readonly input: (Place & { readonly detail: string }) | null;
}

export type WorkerReply =
  | { readonly id: number; readonly kind: 'progress'; readonly progress: SolveProgress }
  | { readonly id: number; readonly kind: 'plan'; readonly plan: Plan }
  | { readonly id: number; readonly kind: 'error'; readonly error: ReplyError };
