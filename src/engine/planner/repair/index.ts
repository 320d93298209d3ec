/**
 * Whole-share repair. Drift in whole shares is a knapsack-like problem on which branch and bound finds
 * good plans slowly; rounding the fractional plan (an LP) and improving it by local search finds one
 * in milliseconds, and HiGHS then starts from it (and proves how close it is). One function per stage.
 */
import { PlannerModel } from '../model';
import { roundFrom } from './round';
import { byCapsThenTrades, byDrift, byTaxCost, byTrades, Effort, Search } from './search';
import { RepairState } from './state';

export { Effort } from './search';
export { RepairState } from './state';

/** Rounds of the two-account search, each followed by single and pair moves. */
const ACROSS_ROUNDS = 8;
/** Passes of the tax + cost search: its moves are the drift search's, so it settles quickly. */
const TAX_PASSES = 8;

/** Stage 1: the fractional plan, rounded and improved until D is at most `goal` (or the effort is spent). */
export function repairDrift(pm: PlannerModel, x: ArrayLike<number>, goal: number, effort: Effort): RepairState {
  const state = new RepairState(pm);
  roundFrom(state, x);
  if (state.drift() <= goal) return state;
  const search = new Search(state, effort);
  search.improve(byDrift, goal);
  for (let round = 0; round < ACROSS_ROUNDS && state.drift() > goal && !effort.exhausted && search.acrossAccounts(byDrift); round++) {
    search.improve(byDrift, goal);
  }
  return state;
}

/** Stage 2: lower tax + cost by local moves, never letting D exceed `driftCap`. */
export function repairTaxCost(state: RepairState, driftCap: number, effort: Effort): void {
  const search = new Search(state, effort);
  const score = byTaxCost(driftCap);
  search.improve(score, -Infinity, TAX_PASSES);
  // Tax is mostly saved across accounts: sell a class where it costs no tax and buy it back where it does not.
  for (let round = 0; round < ACROSS_ROUNDS && !effort.exhausted && search.acrossAccounts(score); round++) search.improve(score, -Infinity, TAX_PASSES);
}

/** Stage 3: fewer trades, never letting D exceed `driftCap` nor tax + cost `taxCap`. */
export function repairTrades(state: RepairState, driftCap: number, taxCap: number, effort: Effort): void {
  new Search(state, effort).dropTrades(byTrades(driftCap, taxCap));
}

/** Stage 3, then: drop trades across accounts (Search.dropAcross), and within them again. */
export function repairTradesAcross(state: RepairState, driftCap: number, taxCap: number, effort: Effort): void {
  const search = new Search(state, effort);
  const score = byTrades(driftCap, taxCap);
  search.dropAcross(score);
  search.dropTrades(score);
}

/**
 * Stage 3 in whole shares from a plan with share counts relaxed (sparsify.ts): rounded, brought back
 * inside both caps by small moves, then fewer trades.
 */
export function repairRounded(pm: PlannerModel, x: ArrayLike<number>, driftCap: number, taxCap: number, effort: Effort): RepairState {
  const state = new RepairState(pm);
  roundFrom(state, x, true);
  const search = new Search(state, effort);
  // Back inside the caps moving only the legs that trade (so no trade is added), then with any leg.
  const trading = new Set(Array.from(state.q, (q, i) => (q !== 0 ? i : -1)).filter((i) => i >= 0));
  search.improve(byCapsThenTrades(driftCap, taxCap), -Infinity, undefined, (i) => trading.has(i));
  search.improve(byCapsThenTrades(driftCap, taxCap));
  search.dropTrades(byTrades(driftCap, taxCap));
  return state;
}
