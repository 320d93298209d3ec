/**
 * planTrades: the household → the best plan PRODUCT.md defines (closest to target, then cheapest in
 * tax and cost, then fewest trades), each trade explained. Pure: the caller passes an already
 * loaded HiGHS instance and AsOf is the household's settings.asOf (adapters fix it with withAsOf).
 */
import { InputError, Warning, warning } from '../errors';
import { formatDollarAmount, formatPercent, formatPlainNumber } from '../format';
import { Household, keyOf } from '../model';
import { buildBook, MAX_SHARES } from './book';
import { explainTrades } from './explain';
import { boughtGroups, buildModel } from './model';
import { groupKey } from './constraints';
import { Leg } from './legs';
import { SolveOptions, solveStaged, Solver, StagedSolution } from './solve';
import { PlanSummary, summarise } from './summary';
import { draftTrades, keepRules, Trade } from './trades';

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
  const bought = boughtGroups(pm, solution.x);
  const lossAllowed = (leg: Leg) => !bought.has(groupKey(pm.ctx, leg));
  const drafts = keepRules(draftTrades(pm.legs, solution.x, household.settings, lossAllowed), book, pm.legs);
  const order = new Map(household.accounts.map((a, i) => [keyOf(a.name), i]));
  drafts.sort(
    (a, b) =>
      order.get(keyOf(a.account))! - order.get(keyOf(b.account))! ||
      (a.action === b.action ? 0 : a.action === 'SELL' ? -1 : 1) ||
      a.ticker.localeCompare(b.ticker),
  );
  const summary = summarise(pm.ctx, drafts, solution);
  const warnings: Warning[] = [...household.warnings, ...book.warnings, ...pm.warnings];
  for (const t of drafts) {
    // The buy column stops at MAX_SHARES (book.ts); a buy that reaches it may have wanted more.
    if (t.action !== 'BUY' || t.shares < MAX_SHARES - 1 || !t.leg.buyChoice) continue;
    const cls = t.leg.buyChoice.cls;
    warnings.push(
      warning(
        'notTradable',
        { table: 'Targets', row: cls.row, column: null },
        `the buy of ${t.ticker} in ${t.account} stops at ${formatPlainNumber(MAX_SHARES)} shares, the most the planner can count exactly, so ${cls.label} may stay further from target than it could`,
      ),
    );
  }
  if (summary.gap.proven && solution.timeLimitReached) {
    // Within the tolerances all the same, but a faster machine, whose search ran to its budget, may
    // draft a different plan: the same workbook gives the same plan only where the net is not reached.
    warnings.push(
      warning(
        'timeLimitReached',
        { table: 'Settings', row: null, column: 'TimeLimit' },
        'the planner stopped at its time limit (TimeLimit) before its search was done, so a faster machine may draft a different plan; this one is still proven within the tolerances of the best',
      ),
    );
  }
  if (!summary.gap.proven) {
    warnings.push(
      warning(
        'planNotProven',
        { table: 'Settings', row: null, column: 'TimeLimit' },
        `${notProvenWhy(solution)}; the plan is within ${formatPercent(summary.gap.drift, 2)} of the total of the best drift and ${formatDollarAmount(summary.gap.taxAndCost)} of the cheapest tax and cost it could prove`,
      ),
    );
  }
  return { trades: explainTrades(pm.ctx, drafts), summary, warnings };
}

/** Why a plan is not proven best: the safety net, the solver giving up, or the fixed search effort. */
function notProvenWhy(solution: StagedSolution): string {
  if (solution.timeLimitReached) return 'the planner stopped at its time limit (TimeLimit), so a faster machine may find a better plan';
  if (solution.gaveUp) return 'the solver could not finish on numbers this large or this far apart';
  return 'the planner searched as far as its fixed effort allows (the same on every machine)';
}
