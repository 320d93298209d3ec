/**
 * Household → the planner's mixed-integer program: the legs that may trade, their columns, every
 * rule's rows, and three objectives over the same columns — drift beyond tolerance D, estimated tax
 * plus trading cost, and the number of trades — solved one after another (solve.ts).
 */
import { Warning } from '../errors';
import { Book } from './book';
import { buyChoices } from './buy-ticker';
import {
  buyColumn,
  cashReserve,
  driftBeyondTolerance,
  DriftRows,
  lotSellColumns,
  minTrade,
  noBuyAndSell,
  taxAndCost,
  tradeIndicators,
  washSale,
  wholeShares,
} from './constraints';
import { PlanContext, planContext } from './context';
import { Leg, planLegs } from './legs';
import { LinearModel } from './linear-model';

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
    lotSellColumns(m, ctx, leg);
    buyColumn(m, ctx, leg);
    tradeIndicators(m, leg);
    noBuyAndSell(m, leg);
    wholeShares(m, ctx, leg);
    minTrade(m, ctx, leg);
  }
  cashReserve(m, ctx, legs);
  const groupBought = washSale(m, ctx, legs);
  const { excess, driftRows } = driftBeyondTolerance(m, ctx, legs);
  taxAndCost(m, ctx, legs);
  return { ctx, model: m, legs, excess, groupBought, driftRows, warnings };
}
