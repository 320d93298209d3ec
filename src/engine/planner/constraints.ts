/**
 * The planner's rules as rows of the model, one function each. In the formulas: b = shares bought,
 * s = shares sold, P = price, yb / ys = "the leg buys / sells" (binary), all = "sells the whole
 * position", z_g = "the plan buys wash-sale group g". The numbers come from rules.ts, which the
 * whole-share repair checks its moves with too.
 *
 * Positions scope: b, s and the binaries — everything drift depends on. Lots scope (after
 * beginLots): each sell's tax as a function of s, from its lots (sell-order.ts), where tax is decided.
 */
import { isWhole } from './book';
import { PlanContext } from './context';
import { Leg, weightIn } from './legs';
import { LinearModel, Term } from './linear-model';
import { buyCashPerShare, buyLimit, cashFloor, cashPerTrade, commission, minTradeFloor, sellCashPerShare, spreadPerShare } from './rules';
import { openShares, safeShares, sellTiers, taxCurve } from './sell-order';
import { washGroupOf } from './taxes';

/** Shares sold: 0 ≤ s ≤ the open shares (lots not blocked by a recent purchase at a loss). */
export function sellColumn(m: LinearModel, ctx: PlanContext, leg: Leg): void {
  if (!leg.sellable || !leg.position) return;
  leg.tiers = sellTiers(ctx, leg);
  const open = openShares(leg.tiers);
  if (open > 0) leg.sell = m.column(`sell_${leg.id}`, 0, open);
}

/** Buys only where the buy-ticker rule put this leg: 0 ≤ b ≤ buyLimit (rules.ts). */
export function buyColumn(m: LinearModel, ctx: PlanContext, leg: Leg): void {
  if (!leg.buyChoice) return;
  const upper = buyLimit(leg);
  if (upper > 0) leg.buy = m.column(`buy_${leg.id}`, 0, upper, ctx.book.settings.wholeShares);
}

/** Trade indicators: b ≤ U·yb and s ≤ shares·ys, so a trade exists only when its binary is on. */
export function tradeIndicators(m: LinearModel, leg: Leg): void {
  if (leg.buy !== null) {
    leg.buyOn = m.binary(`buys_${leg.id}`);
    m.row(`buyOn_${leg.id}`, -Infinity, 0, [[leg.buy, 1], [leg.buyOn, -m.columns[leg.buy].upper]]);
  }
  if (leg.sell !== null) {
    leg.sellOn = m.binary(`sells_${leg.id}`);
    m.row(`sellOn_${leg.id}`, -Infinity, 0, [[leg.sell, 1], [leg.sellOn, -leg.shares]]);
  }
}

/** No buying and selling one ticker in one account: yb + ys ≤ 1. */
export function noBuyAndSell(m: LinearModel, leg: Leg): void {
  if (leg.buyOn !== null && leg.sellOn !== null) m.row(`buyXorSell_${leg.id}`, -Infinity, 1, [[leg.buyOn, 1], [leg.sellOn, 1]]);
}

/**
 * Whole shares: b integer, and s = n + f·all with n an integer (f = the position's fractional part),
 * n ≥ ⌊shares⌋·all — so a fractional remainder is sold only with the whole position.
 * "Sells all": s ≥ shares·all, all ≤ ys.
 */
export function wholeShares(m: LinearModel, ctx: PlanContext, leg: Leg): void {
  if (leg.sellOn === null || leg.sell === null) return;
  const { wholeShares: whole, minTrade: minTradeCents } = ctx.book.settings;
  const fraction = whole && !isWhole(leg.shares) ? leg.shares - Math.floor(leg.shares) : 0;
  const smallPosition = leg.shares * leg.price * 100 < minTradeCents + 1;
  if (fraction > 0 || smallPosition) {
    leg.sellsAll = m.binary(`sellsAll_${leg.id}`);
    m.row(`sellsAllMeansAll_${leg.id}`, 0, Infinity, [[leg.sell, 1], [leg.sellsAll, -leg.shares]]);
    m.row(`sellsAllIsASell_${leg.id}`, -Infinity, 0, [[leg.sellsAll, 1], [leg.sellOn, -1]]);
  }
  if (!whole) return;
  const floor = Math.floor(leg.shares + 1e-9);
  leg.wholeSold = m.column(`wholeSold_${leg.id}`, 0, floor, true);
  const terms: Term[] = [[leg.sell, 1], [leg.wholeSold, -1]];
  if (fraction > 0) {
    terms.push([leg.sellsAll!, -fraction]);
    m.row(`remainderWithAll_${leg.id}`, 0, Infinity, [[leg.wholeSold, 1], [leg.sellsAll!, -floor]]);
  }
  m.row(`wholeShares_${leg.id}`, 0, 0, terms);
}

/** MinTrade: P·b ≥ floor·yb, and P·s ≥ floor·(ys − all) — selling a whole position is exempt (rules.ts minTradeFloor). */
export function minTrade(m: LinearModel, ctx: PlanContext, leg: Leg): void {
  const floor = minTradeFloor(ctx, leg);
  if (floor <= 0) return;
  if (leg.buyOn !== null) m.row(`minBuy_${leg.id}`, 0, Infinity, [[leg.buy!, leg.price], [leg.buyOn, -floor]]);
  if (leg.sellOn !== null) {
    const terms: Term[] = [[leg.sell!, leg.price], [leg.sellOn, -floor]];
    if (leg.sellsAll !== null) terms.push([leg.sellsAll, floor]);
    m.row(`minSell_${leg.id}`, 0, Infinity, terms);
  }
}

/**
 * Cash stays in its account and ends at or above the reserve R:
 *   cash + contribution + Σ P(1−s)·s − Σ P(1+s)·b − (commission + ¢)·(yb + ys) ≥ R.
 */
export function cashReserve(m: LinearModel, ctx: PlanContext, legs: readonly Leg[]): void {
  for (const account of ctx.book.accounts) {
    if (!account.account.tradable) continue;
    // An account with nothing to trade still gets its row: if its cash is below its reserve no plan
    // can fix that, and the model must say so (infeasible) rather than return a plan that breaks it.
    const terms = legs.filter((l) => l.account === account).flatMap((leg) => cashFlowTerms(ctx, leg, cashPerTrade(ctx, leg)));
    const floor = cashFloor(ctx, account) - (account.cash + account.account.contribution) / 100;
    m.row(`cash_${account.name}`, floor, Infinity, terms);
  }
}

/**
 * Wash sale across the household (IRAs and a spouse's included, Identical groups included): if any
 * account buys a ticker of group g (z_g = 1), no taxable loss lot of g is sold. In the positions
 * scope: yb ≤ z_g for every buy of g, and s + loss·z_g ≤ open for every sell (loss = its open loss
 * shares) — exact for how much is sold, since the rest can come from lots that are not losses.
 */
export function washSale(m: LinearModel, ctx: PlanContext, legs: readonly Leg[]): Map<string, number> {
  const groups = new Map<string, { buys: Leg[]; lossSells: Leg[] }>();
  const group = (g: string) => groups.get(g) ?? groups.set(g, { buys: [], lossSells: [] }).get(g)!;
  for (const leg of legs) {
    const g = group(groupKey(ctx, leg));
    if (leg.buyOn !== null) g.buys.push(leg);
    if (leg.sell !== null && safeShares(leg.tiers) < openShares(leg.tiers)) g.lossSells.push(leg);
  }
  const bought = new Map<string, number>();
  for (const [key, { buys, lossSells }] of groups) {
    if (buys.length === 0 || lossSells.length === 0) continue;
    const z = m.binary(`groupBought_${bought.size}`);
    bought.set(key, z);
    for (const b of buys) m.row(`washBuy_${b.id}`, -Infinity, 0, [[b.buyOn!, 1], [z, -1]]);
    for (const s of lossSells) {
      const open = openShares(s.tiers);
      m.row(`washSell_${s.id}`, -Infinity, open, [[s.sell!, 1], [z, open - safeShares(s.tiers)]]);
    }
  }
  return bought;
}

/** The leg's wash-sale group: its position's, or for a new buy the group of the ticker bought. */
export function groupKey(ctx: PlanContext, leg: Leg): string {
  return leg.position?.washGroup ?? washGroupOf(leg.ticker, ctx.book.identical);
}

/**
 * Drift beyond tolerance, per class c (Cash included): e_c ≥ |V_c − t_c·T| − tol_c·T, e_c ≥ 0, with
 * V_c = today's value + ΔV_c (cash: + contributions), where a share of a leg moves class c by
 * price × its weight in c. Σ e_c is the objective D.
 */
export function driftBeyondTolerance(m: LinearModel, ctx: PlanContext, legs: readonly Leg[]): { excess: Map<string, number>; driftRows: DriftRows } {
  const excess = new Map<string, number>();
  const driftRows: DriftRows = [];
  const T = ctx.book.total / 100;
  for (const cls of ctx.book.classes) {
    const delta: Term[] = [];
    for (const leg of legs) {
      if (cls.isCash) delta.push(...cashFlowTerms(ctx, leg, commission(ctx)));
      // A fund that spans classes moves each by its weight (its Cash share too, beside the cash flow).
      const w = weightIn(leg, cls.keyId);
      if (w > 0) {
        if (leg.buy !== null) delta.push([leg.buy, leg.price * w]);
        if (leg.sell !== null) delta.push([leg.sell, -leg.price * w]);
      }
    }
    const v0 = ctx.classValueToday(cls.keyId) / 100;
    const e = m.column(`excess_${cls.label}`, 0, Infinity);
    excess.set(cls.keyId, e);
    m.cost('drift', e, 1);
    const negated: Term[] = delta.map(([c, a]) => [c, -a]);
    m.row(`over_${cls.label}`, v0 - (cls.target + cls.tolerance) * T, Infinity, [[e, 1], ...negated]);
    m.row(`under_${cls.label}`, (cls.target - cls.tolerance) * T - v0, Infinity, [[e, 1], ...delta]);
    driftRows.push([e, m.rows.length - 2, m.rows.length - 1]);
  }
  return { excess, driftRows };
}

/** Per class: its excess column and the indices of its two rows (over, under). */
export type DriftRows = [excess: number, over: number, under: number][];

/** Trading cost: the spread on every share bought or sold, and the commission on every trade. */
export function tradingCost(m: LinearModel, ctx: PlanContext, legs: readonly Leg[]): void {
  for (const leg of legs) {
    const spread = spreadPerShare(ctx, leg);
    for (const column of [leg.buy, leg.sell]) if (column !== null && spread > 0) m.cost('taxCost', column, spread);
    for (const on of [leg.buyOn, leg.sellOn]) if (on !== null && commission(ctx) > 0) m.cost('taxCost', on, commission(ctx));
  }
}

/** The third objective: the number of trades, Σ (yb + ys). */
export function tradeCount(m: LinearModel, legs: readonly Leg[]): void {
  for (const leg of legs) for (const on of [leg.buyOn, leg.sellOn]) if (on !== null) m.cost('trades', on, 1);
}

/**
 * Estimated tax of each sell, where the lots decide it (lots scope). A leg with one tier pays its tax
 * per share on s directly. With more, τ is the convex piecewise-linear tax of selling s shares
 * cheapest tiers first (sell-order.ts taxCurve), as "τ ≥ every line": τ ≥ slope_k·q + intercept_k.
 * While the group is bought (z = 1) the loss tiers, which lead the order, are closed: the sell then
 * takes the tiers after them, so q = s + L·z and the loss tiers' tax is taken back, −tax(L)·z.
 *   τ − slope_k·s − (slope_k·L − tax(L))·z ≥ intercept_k   for every tier k.
 * One column per position and one row per tier: no binary, no column per lot.
 */
export function sellTax(m: LinearModel, ctx: PlanContext, leg: Leg, groupBought: ReadonlyMap<string, number>): void {
  if (leg.sell === null) return;
  if (leg.tiers.length === 1) {
    if (leg.tiers[0].taxPerShare !== 0) m.cost('taxCost', leg.sell, leg.tiers[0].taxPerShare);
    return;
  }
  const { lines, lossShares, lossTax } = taxCurve(leg.tiers);
  if (lines.every((l) => l.slope === 0)) return;
  const z = lossShares > 0 ? groupBought.get(groupKey(ctx, leg)) : undefined;
  const lowest = Math.min(0, lossTax);
  const tax = m.column(`tax_${leg.id}`, lowest, Infinity);
  leg.tax = tax;
  m.cost('taxCost', tax, 1);
  lines.forEach((line, k) => {
    const terms: Term[] = [[tax, 1], [leg.sell!, -line.slope]];
    if (z !== undefined) terms.push([z, -(line.slope * lossShares - lossTax)]);
    m.row(`taxLine_${leg.id}_${k}`, line.intercept, Infinity, terms);
  });
}

/** Cash a leg brings into its account: + P(1−s)·s − P(1+s)·b − perTrade·(yb + ys). */
function cashFlowTerms(ctx: PlanContext, leg: Leg, perTrade: number): Term[] {
  const terms: Term[] = [];
  if (leg.sell !== null) terms.push([leg.sell, sellCashPerShare(ctx, leg)]);
  if (leg.buy !== null) terms.push([leg.buy, -buyCashPerShare(ctx, leg)]);
  if (perTrade > 0) for (const on of [leg.buyOn, leg.sellOn]) if (on !== null) terms.push([on, -perTrade]);
  return terms;
}
