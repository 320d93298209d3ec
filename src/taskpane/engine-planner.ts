/**
 * The DraftPort over the real planner: the pane's choices are laid over the workbook's tables
 * (draft-tables.ts), the planner runs in its Web Worker (HiGHS' wasm loads on the first draft), and
 * the Plan comes back in PRODUCT.md's JSON shape. Cancel terminates the worker.
 */
import { formatPercent, tradesJson } from '../engine';
import type { Plan, SolveProgress } from '../engine';
import { PlannerClient } from '../worker/planner-client';
import { draftTables } from './draft-tables';
import { DraftCancelled, DraftPort, DraftProgress, DraftResult } from './ports';

const STAGES: Record<SolveProgress['stage'], string> = {
  1: 'Finding the plan closest to target…',
  2: 'Cutting tax and trading cost…',
  3: 'Looking for fewer trades…',
};

export function progressOf(progress: SolveProgress): DraftProgress {
  // HiGHS reports an infinite gap until it has a bound, and a gap of 100% or more proves nothing worth saying.
  const gap = progress.gap !== null && Number.isFinite(progress.gap) && progress.gap >= 0 && progress.gap < 1 ? ` (proven within ${formatPercent(progress.gap, 2)})` : '';
  const of = Object.keys(STAGES).length;
  return { step: { number: progress.stage, of }, message: `Step ${progress.stage} of ${of}: ${STAGES[progress.stage]}${gap}` };
}

export function draftResultOf(plan: Plan): DraftResult {
  const s = plan.summary;
  return {
    trades: tradesJson(plan),
    summary: {
      driftAfter: s.classes.map((c) => ({ class: c.label, weight: c.weightAfter, target: c.target, drift: c.weightAfter - c.target })),
      totalTax: s.tax / 100,
      tradeCount: s.trades,
      // "Proven best plan" only when every stage is proven (fewest trades included).
      gap: s.gap.proven && s.gap.fewestTradesProven ? 0 : s.gap.drift,
    },
    warnings: plan.warnings.map((w) => w.message),
  };
}

export function plannerPort(client: PlannerClient = new PlannerClient()): DraftPort {
  return {
    draft: async (request, { onProgress, signal }) => {
      try {
        const plan = await client.draftPlan(draftTables(request), request.asOf, { signal, onProgress: (p) => onProgress(progressOf(p)) });
        return draftResultOf(plan);
      } catch (e) {
        if (signal.aborted) throw new DraftCancelled();
        throw e;
      }
    },
  };
}
