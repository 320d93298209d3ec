/**
 * Household → the planner's mixed-integer program: the legs that may trade, their columns, every
 * rule's rows, and three objectives over the same columns — drift beyond tolerance D, estimated tax
 * plus trading cost, and the number of trades — solved one after another (solve.ts). The positions
 * model comes first and the lots refine it after (linear-model.ts, scopes).
 */
import { Warning } from '../errors';
import { Book } from './book';
import { buyChoices } from './buy-ticker';
import {
  buyColumn,
  cashReserve,
  driftBeyondTolerance,
  DriftRows,
  groupKey,
  minTrade,
  noBuyAndSell,
  sellColumn,
  sellTax,
  tradeCount,
  tradeIndicators,
  tradingCost,
  washSale,
  wholeShares,
} from './constraints';
import { PlanContext, planContext } from './context';
import { Leg, legColumns, planLegs } from './legs';
import { LinearModel } from './linear-model';
import { taxOfSelling } from './sell-order';

export interface PlannerModel {
  readonly ctx: PlanContext;
  readonly model: LinearModel;
  readonly legs: readonly Leg[];
  /** Class keyId → its drift-beyond-tolerance column. */
  readonly excess: ReadonlyMap<string, number>;
  /** Wash-sale group → its "the plan buys this group" binary (only groups with loss lots to guard). */
  readonly groupBought: ReadonlyMap<string, number>;
  readonly driftRows: DriftRows;
  /** Classes left out of the buys (see buy-ticker.ts). */
  readonly warnings: readonly Warning[];
}

export function buildModel(book: Book): PlannerModel {
  const ctx = planContext(book);
  const T = book.total;
  const underweight = (cls: { keyId: string; target: number; tolerance: number }) =>
    ctx.classValueToday(cls.keyId) < (cls.target - cls.tolerance) * T - 1;
  const { choices, warnings } = buyChoices(book, underweight);
  const legs = planLegs(book, choices);
  const m = new LinearModel();
  m.absoluteTolerance = ctx.slack;
  for (const leg of legs) {
    sellColumn(m, ctx, leg);
    buyColumn(m, ctx, leg);
    tradeIndicators(m, leg);
    noBuyAndSell(m, leg);
    wholeShares(m, ctx, leg);
    minTrade(m, ctx, leg);
  }
  cashReserve(m, ctx, legs);
  const groupBought = washSale(m, ctx, legs);
  const { excess, driftRows } = driftBeyondTolerance(m, ctx, legs);
  tradingCost(m, ctx, legs);
  tradeCount(m, legs);
  m.beginLots();
  for (const leg of legs) sellTax(m, ctx, leg, groupBought);
  return { ctx, model: m, legs, excess, groupBought, driftRows, warnings };
}

/**
 * A positions solution (or a full one) made whole in the lots scope: each sell's tax is that of its
 * cheapest lots (loss lots only while its group is not bought) — the least tax for what it sells, so
 * this never raises tax + cost — and each wash-sale binary says whether the plan buys its group.
 */
export function withLots(pm: PlannerModel, x: ArrayLike<number>): Float64Array {
  const full = new Float64Array(pm.model.columns.length);
  full.set(Array.prototype.slice.call(x, 0, pm.model.columnCount('positions')));
  const bought = boughtGroups(pm, full);
  for (const [group, column] of pm.groupBought) full[column] = bought.has(group) ? 1 : 0;
  for (const leg of pm.legs) {
    if (leg.sell === null || leg.tax === null) continue;
    full[leg.tax] = taxOfSelling(leg.tiers, full[leg.sell], !bought.has(groupKey(pm.ctx, leg)));
  }
  return full;
}

/** Wash-sale groups the solution buys. */
export function boughtGroups(pm: PlannerModel, x: ArrayLike<number>): Set<string> {
  const bought = new Set<string>();
  for (const leg of pm.legs) if (leg.buy !== null && leg.buyOn !== null && x[leg.buyOn] > 0.5 && x[leg.buy] > 1e-9) bought.add(groupKey(pm.ctx, leg));
  return bought;
}

/** The columns of every leg outside `free`, held at no trade in a restricted search. */
export function noTradeOutside(pm: PlannerModel, free: ReadonlySet<Leg>): Map<number, number> {
  const fixed = new Map<number, number>();
  for (const leg of pm.legs) if (!free.has(leg)) for (const c of legColumns(leg)) fixed.set(c, 0);
  return fixed;
}

/** Legs that trade in any of the plans. */
export function tradingLegs(pm: PlannerModel, ...plans: ArrayLike<number>[]): Set<Leg> {
  const legs = new Set<Leg>();
  for (const x of plans) for (const leg of pm.legs) if (tradedAmount(leg, x) > 0) legs.add(leg);
  return legs;
}

/** The leg's net quantity in the plan: shares bought less shares sold. */
export function netShares(leg: Leg, x: ArrayLike<number>): number {
  return (leg.buy === null ? 0 : x[leg.buy]) - (leg.sell === null ? 0 : x[leg.sell]);
}

/** Shares the leg buys or sells in the plan (0 below a billionth of a share). */
export function tradedAmount(leg: Leg, x: ArrayLike<number>): number {
  const shares = (leg.buy !== null ? x[leg.buy] : 0) + (leg.sell !== null ? x[leg.sell] : 0);
  return shares > 1e-9 ? shares : 0;
}
