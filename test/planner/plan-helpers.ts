/** Tiny helpers so planner tests read as sentences: plan a household spec, then look at its trades. */
import { planTrades } from '../../src/engine';
import type { Household, Plan, PlanOptions, Trade } from '../../src/engine';
import { household, HouseholdSpec } from '../support/builders';
import { checkPlan, PlanCheck } from '../support/plan-checker';
import { loadSolver } from '../support/solver';

export const AS_OF = '2026-11-21';

export interface Planned {
  readonly household: Household;
  readonly plan: Plan;
  readonly check: PlanCheck;
  trade(account: string, ticker: string): Trade | undefined;
}

export async function planFor(spec: HouseholdSpec, options: PlanOptions = {}): Promise<Planned> {
  const h = household({ ...spec, settings: { AsOf: AS_OF, ...spec.settings } });
  const plan = planTrades(h, await loadSolver(), { now: () => performance.now(), ...options });
  return {
    household: h,
    plan,
    check: checkPlan(h, plan),
    trade: (account, ticker) => plan.trades.find((t) => t.account === account && t.ticker === ticker),
  };
}
