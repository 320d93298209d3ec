/**
 * What the planner's worker does with one request: read the tables, fix AsOf, plan, and post the
 * plan back (or the error, with its place when it is the user's input). Kept apart from the worker
 * entry so tests can run it in-process with a solver loaded in Node.
 */
import { isInputError, planTrades, readHousehold, withAsOf } from '../engine';
import type { Solver } from '../engine';
import { DraftRequest, WorkerReply } from './protocol';

export function handleDraft(request: DraftRequest, solver: Solver, post: (reply: WorkerReply) => void, now: () => number): void {
  const { id } = request;
  try {
    const household = withAsOf(readHousehold(request.tables), null, request.today);
    const plan = planTrades(household, solver, {
      timeLimit: request.timeLimit,
      now,
      onProgress: (progress) => post({ id, kind: 'progress', progress }),
    });
    post({ id, kind: 'plan', plan });
  } catch (e) {
    const input = isInputError(e) ? { table: e.table, row: e.row, column: e.column, detail: e.detail } : null;
    post({ id, kind: 'error', error: { message: e instanceof Error ? e.message : String(e), input } });
  }
}
