/**
 * planTrades: the household → the best plan PRODUCT.md defines (closest to target, then cheapest in
 * tax and cost, then fewest trades), each trade explained. Pure: the caller passes an already
 * loaded HiGHS instance and AsOf is the household's settings.asOf (adapters fix it with withAsOf).
 */
import { InputError, Warning, warning } from '../errors';
import { formatDollarAmount, formatPercent } from '../format';
import { Household, keyOf } from '../model';
import { buildBook } from './book';
import { explainTrades } from './explain';
import { buildModel } from './model';
import { SolveOptions, solveStaged, Solver } from './solve';
import { PlanSummary, summarise } from './summary';
import { draftTrades, Trade } from './trades';

export interface Plan {
  /** Per account in the household's order: sells before buys. */
  readonly trades: readonly Trade[];
  readonly summary: PlanSummary;
  readonly warnings: readonly Warning[];
}

export type PlanOptions = Partial<Omit<SolveOptions, 'timeLimit'>> & {
  /** Overrides the TimeLimit setting (seconds). */
  readonly timeLimit?: number;
};

export function planTrades(household: Household, solver: Solver, options: PlanOptions = {}): Plan {
  const asOf = household.settings.asOf;
  if (asOf === null) throw new InputError({ table: 'Settings', row: null, column: 'AsOf' }, 'the plan needs an AsOf date');
  const book = buildBook(household, asOf);
  const pm = buildModel(book);
  const solution = solveStaged(solver, pm, { ...options, timeLimit: options.timeLimit ?? household.settings.timeLimit });
  const drafts = draftTrades(pm.legs, solution.x, household.settings);
  const order = new Map(household.accounts.map((a, i) => [keyOf(a.name), i]));
  drafts.sort(
    (a, b) =>
      order.get(keyOf(a.account))! - order.get(keyOf(b.account))! ||
      (a.action === b.action ? 0 : a.action === 'SELL' ? -1 : 1) ||
      a.ticker.localeCompare(b.ticker),
  );
  const summary = summarise(pm.ctx, drafts, solution);
  const warnings: Warning[] = [...household.warnings];
  if (!summary.gap.proven) {
    warnings.push(
      warning(
        'planNotProven',
        { table: 'Settings', row: null, column: 'TimeLimit' },
        `the planner stopped at its time limit; the plan is within ${formatPercent(summary.gap.drift, 2)} of the total of the best drift and ${formatDollarAmount(summary.gap.taxAndCost)} of the cheapest tax and cost it could prove`,
      ),
    );
  }
  return { trades: explainTrades(pm.ctx, drafts), summary, warnings };
}
