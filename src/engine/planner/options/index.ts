/**
 * Whole shares: the household's plan rebuilt account by account — each account's options near an
 * anchor plan (enumerate.ts), one chosen per account over the household (knapsack.ts) — kept only
 * when it keeps every rule and improves the stage's objective inside its caps.
 */
import { MIN_SAFETY_SECONDS } from '../branch-and-bound';
import { RepairState } from '../repair';
import { Run } from '../run';
import { accountOptions, Anchor } from './enumerate';
import { chooseOptions, KnapsackBudget } from './knapsack';
import { OptionTable } from './table';

export type { Anchor, OptionLimits } from './enumerate';
export type { KnapsackBudget } from './knapsack';

export interface OptionsStage {
  readonly objective: 'taxCost' | 'trades';
  readonly driftCap: number;
  /** Stage 3's tax + cost cap (null in stage 2). */
  readonly taxCap: number | null;
  readonly budget: KnapsackBudget;
}

/**
 * Replaces the state's plan by the best choice of account options around the anchors when that choice
 * is better by the stage's objective and inside its caps; true when it did.
 */
export function improveByOptions(run: Run, state: RepairState, anchors: readonly Anchor[], stage: OptionsStage): boolean {
  const incumbent = Float64Array.from(state.q);
  const guarded = new Set(state.pm.groupBought.keys());
  const bought = new Set(state.facts.flatMap((f, i) => (incumbent[i] > 0 && guarded.has(f.group) ? [f.group] : [])));
  const accounts: OptionTable[] = [];
  for (const a of [...state.byAccount.keys()].sort((x, y) => x - y)) {
    accounts.push(accountOptions(state, a, anchors, incumbent, bought, guarded));
  }
  // Each class's value with no trade: today's, less what the incumbent's options move.
  const base = state.classValues();
  for (const t of accounts) for (let c = 0; c < base.length; c++) base[c] -= t.change(0, c);
  const { low, high } = state.classTargets();
  const problem = { base, low, high, accounts, driftCap: stage.driftCap, taxCap: stage.taxCap, objective: stage.objective };
  const { options: choice, timedOut } = chooseOptions(run.solver, problem, stage.budget, Math.max(MIN_SAFETY_SECONDS, run.secondsLeft()));
  run.timedOut ||= timedOut;
  if (!choice || choice.every((o) => o === 0)) return false;
  const before = objective(state, stage);
  const q = Float64Array.from(incumbent);
  accounts.forEach((t, k) => t.legs.forEach((i, j) => (q[i] = t.quantity(choice[k], j))));
  state.set(q);
  const keeps = state.keepsEveryRule();
  const inside = state.drift() <= stage.driftCap + 1e-9 && (stage.taxCap === null || state.taxCost() <= stage.taxCap + 1e-9);
  if (keeps && inside && objective(state, stage) < before - 1e-9) return true;
  state.set(incumbent);
  return false;
}

function objective(state: RepairState, stage: OptionsStage): number {
  return stage.objective === 'taxCost' ? state.taxCost() : state.tradeCount() + state.taxCost() * 1e-9;
}
