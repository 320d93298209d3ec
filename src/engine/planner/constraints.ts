/**
 * The planner's rules, one function each, every one adding its columns or rows to the model. In the
 * formulas: b = shares bought, x_l = shares sold from lot l (Σx = the leg's sell), P = price,
 * s = SpreadBps/10⁴, yb / ys = "the leg buys / sells" (binary), all = "sells the whole position".
 * Money is in dollars here (plain numbers are the solver's input); the plan is rounded to the cent
 * afterwards with decimal.js.
 */
import { isWhole, MAX_SHARES } from './book';
import { shareDigits } from './trades';
import { Leg } from './legs';
import { LinearModel, Term } from './linear-model';
import { PlanContext } from './context';
import { washGroupOf } from './taxes';

/** A cent per trade of headroom in cash rows, so that rounding every amount to the cent keeps them true. */
export const CENT_PER_TRADE = 0.01;

/**
 * Whether a leg's amounts are rounded to the cent (fractional shares, a sub-cent price, or a spread):
 * only those trades need the cent of headroom; whole shares at a price in cents are exact. Fractional
 * shares are also cut to 6 decimals (fewer beyond 10⁹ shares, trades.ts shareDigits), which at a
 * price of $700,000 (one Berkshire A share) is 70¢: that much more headroom too.
 */
export function roundingCent(ctx: PlanContext, leg: Leg): number {
  const { wholeShares, spreadBps } = ctx.book.settings;
  const exactPrice = Math.abs(leg.price * 100 - Math.round(leg.price * 100)) < 1e-9;
  if (wholeShares && exactPrice && spreadBps === 0) return 0;
  if (wholeShares) return CENT_PER_TRADE;
  // The most shares the leg could trade: its position, or what its account could buy.
  const most = Math.max(leg.shares, (leg.account.value + leg.account.account.contribution) / 100 / leg.price);
  return CENT_PER_TRADE + leg.price * 10 ** -shareDigits(most);
}

/**
 * No oversell, lot by lot (specific identification): 0 ≤ x_l ≤ shares of lot l. A taxable loss lot
 * whose group was bought in the 30 days before AsOf may not be sold at all (wash sale).
 */
export function lotSellColumns(m: LinearModel, ctx: PlanContext, leg: Leg): void {
  if (!leg.sellable || !leg.position) return;
  for (const lot of leg.position.lots) {
    if (lot.shares <= 0) continue;
    const blocked = lot.isLoss && ctx.book.recentlyBought.has(leg.position.washGroup);
    const column = m.column(`sell_${leg.id}_r${lot.holding.row}`, 0, blocked ? 0 : lot.shares);
    leg.sells.push({ lot, column });
  }
}

/**
 * Buys only where the buy-ticker rule put this leg: 0 ≤ b ≤ min((account value + contribution) / P,
 * MAX_SHARES) — the cap keeps the indicator's big-M a coefficient the solver accepts (book.ts).
 */
export function buyColumn(m: LinearModel, ctx: PlanContext, leg: Leg): void {
  if (!leg.buyChoice) return;
  const reach = (leg.account.value + leg.account.account.contribution) / 100;
  const upper = Math.min(Math.floor(reach / leg.price) + 1, MAX_SHARES);
  if (upper <= 0 || reach <= 0) return;
  leg.buy = m.column(`buy_${leg.id}`, 0, upper, ctx.book.settings.wholeShares);
}

/** Trade indicators: b ≤ U·yb and Σx ≤ shares·ys, so a trade exists only when its binary is on. */
export function tradeIndicators(m: LinearModel, leg: Leg): void {
  if (leg.buy !== null) {
    leg.buyOn = m.binary(`buys_${leg.id}`);
    m.row(`buyOn_${leg.id}`, -Infinity, 0, [[leg.buy, 1], [leg.buyOn, -m.columns[leg.buy].upper]]);
  }
  if (leg.sells.length > 0) {
    leg.sellOn = m.binary(`sells_${leg.id}`);
    m.row(`sellOn_${leg.id}`, -Infinity, 0, [...sellTerms(leg, 1), [leg.sellOn, -leg.shares]]);
  }
}

/** No buying and selling one ticker in one account: yb + ys ≤ 1. */
export function noBuyAndSell(m: LinearModel, leg: Leg): void {
  if (leg.buyOn !== null && leg.sellOn !== null) m.row(`buyXorSell_${leg.id}`, -Infinity, 1, [[leg.buyOn, 1], [leg.sellOn, 1]]);
}

/**
 * Whole shares: b integer, and Σx = n + f·all with n an integer (f = the position's fractional part),
 * n ≥ ⌊shares⌋·all — so a fractional remainder is sold only with the whole position.
 * "Sells all": Σx ≥ shares·all, all ≤ ys.
 */
export function wholeShares(m: LinearModel, ctx: PlanContext, leg: Leg): void {
  if (leg.sellOn === null) return;
  const { wholeShares: whole, minTrade: minTradeCents } = ctx.book.settings;
  const fraction = whole && !isWhole(leg.shares) ? leg.shares - Math.floor(leg.shares) : 0;
  const smallPosition = leg.shares * leg.price * 100 < minTradeCents + 1;
  if (fraction > 0 || smallPosition) {
    leg.sellsAll = m.binary(`sellsAll_${leg.id}`);
    m.row(`sellsAllMeansAll_${leg.id}`, 0, Infinity, [...sellTerms(leg, 1), [leg.sellsAll, -leg.shares]]);
    m.row(`sellsAllIsASell_${leg.id}`, -Infinity, 0, [[leg.sellsAll, 1], [leg.sellOn, -1]]);
  }
  if (!whole) return;
  const floor = Math.floor(leg.shares + 1e-9);
  leg.wholeSold = m.column(`wholeSold_${leg.id}`, 0, floor, true);
  const terms: Term[] = [...sellTerms(leg, 1), [leg.wholeSold, -1]];
  if (fraction > 0) {
    terms.push([leg.sellsAll!, -fraction]);
    m.row(`remainderWithAll_${leg.id}`, 0, Infinity, [[leg.wholeSold, 1], [leg.sellsAll!, -floor]]);
  }
  m.row(`wholeShares_${leg.id}`, 0, 0, terms);
}

/**
 * MinTrade m: P·b ≥ m·yb, and P·Σx ≥ m·(ys − all) — selling a whole position is exempt. A cent is
 * added to m so the rounded amount still clears it.
 */
export function minTrade(m: LinearModel, ctx: PlanContext, leg: Leg): void {
  const minTradeDollars = ctx.book.settings.minTrade / 100;
  if (minTradeDollars <= 0) return;
  const floor = minTradeDollars + roundingCent(ctx, leg) + ctx.slack;
  if (leg.buyOn !== null) m.row(`minBuy_${leg.id}`, 0, Infinity, [[leg.buy!, leg.price], [leg.buyOn, -floor]]);
  if (leg.sellOn !== null) {
    const terms: Term[] = [...sellTerms(leg, leg.price), [leg.sellOn, -floor]];
    if (leg.sellsAll !== null) terms.push([leg.sellsAll, floor]);
    m.row(`minSell_${leg.id}`, 0, Infinity, terms);
  }
}

/**
 * Cash stays in its account and ends at or above the reserve R:
 *   cash + contribution + Σ P(1−s)·Σx − Σ P(1+s)·b − (commission + ¢)·(yb + ys) ≥ R.
 */
export function cashReserve(m: LinearModel, ctx: PlanContext, legs: readonly Leg[]): void {
  const commission = ctx.book.settings.commission / 100;
  for (const account of ctx.book.accounts) {
    if (!account.account.tradable) continue;
    // An account with nothing to trade still gets its row: if its cash is below its reserve no plan
    // can fix that, and the model must say so (infeasible) rather than return a plan that breaks it.
    const mine = legs.filter((l) => l.account === account);
    const terms: Term[] = [];
    for (const leg of mine) terms.push(...cashFlowTerms(ctx, leg, commission + roundingCent(ctx, leg)));
    const floor = (account.account.reserve - account.cash - account.account.contribution) / 100 + ctx.reserveSlack(account);
    m.row(`cash_${account.name}`, floor, Infinity, terms);
  }
}

/**
 * Wash sale across the household (IRAs and a spouse's included, Identical groups included): if any
 * account buys a ticker of group g (z_g = 1), no taxable loss lot of g is sold:
 *   yb ≤ z_g for every buy of g;  x_l + shares_l·z_g ≤ shares_l for every loss lot of g.
 */
export function washSale(m: LinearModel, ctx: PlanContext, legs: readonly Leg[]): Map<string, number> {
  const groups = new Map<string, { buys: Leg[]; lossSells: { column: number; shares: number }[] }>();
  const group = (g: string) => groups.get(g) ?? groups.set(g, { buys: [], lossSells: [] }).get(g)!;
  for (const leg of legs) {
    const g = group(groupKey(ctx, leg));
    if (leg.buyOn !== null) g.buys.push(leg);
    for (const s of leg.sells) if (s.lot.isLoss && m.columns[s.column].upper > 0) g.lossSells.push({ column: s.column, shares: s.lot.shares });
  }
  const bought = new Map<string, number>();
  for (const [key, { buys, lossSells }] of groups) {
    if (buys.length === 0 || lossSells.length === 0) continue;
    const z = m.binary(`groupBought_${bought.size}`);
    bought.set(key, z);
    for (const b of buys) m.row(`washBuy_${b.id}`, -Infinity, 0, [[b.buyOn!, 1], [z, -1]]);
    for (const s of lossSells) m.row(`washLot_${s.column}`, -Infinity, s.shares, [[s.column, 1], [z, s.shares]]);
  }
  return bought;
}

/** The leg's wash-sale group: its position's, or for a new buy the group of the ticker bought. */
export function groupKey(ctx: PlanContext, leg: Leg): string {
  return leg.position?.washGroup ?? washGroupOf(leg.ticker, ctx.book.identical);
}

/**
 * Drift beyond tolerance, per class c (Cash included): e_c ≥ |V_c − t_c·T| − tol_c·T, e_c ≥ 0, with
 * V_c = today's value + ΔV_c (cash: + contributions). Σ e_c is the objective D.
 */
export function driftBeyondTolerance(m: LinearModel, ctx: PlanContext, legs: readonly Leg[]): { excess: Map<string, number>; driftRows: DriftRows } {
  const excess = new Map<string, number>();
  const driftRows: DriftRows = [];
  const T = ctx.book.total / 100;
  const commission = ctx.book.settings.commission / 100;
  for (const cls of ctx.book.classes) {
    const delta: Term[] = [];
    for (const leg of legs) {
      if (cls.isCash) delta.push(...cashFlowTerms(ctx, leg, commission));
      else if (leg.keyId === cls.keyId) {
        if (leg.buy !== null) delta.push([leg.buy, leg.price]);
        delta.push(...sellTerms(leg, -leg.price));
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

/** Estimated tax (gain × rate per lot; a loss only when HarvestLosses) plus commission and spread. */
export function taxAndCost(m: LinearModel, ctx: PlanContext, legs: readonly Leg[]): void {
  const { settings } = ctx.book;
  const spread = settings.spreadBps / 10_000;
  const commission = settings.commission / 100;
  for (const leg of legs) {
    if (leg.buy !== null && spread > 0) m.cost('taxCost', leg.buy, leg.price * spread);
    for (const s of leg.sells) {
      const tax = settings.taxAware && leg.account.account.tax === 'taxable' ? lotTaxPerShare(ctx, s.lot.gainPerShare, s.lot.term) : 0;
      if (tax + leg.price * spread !== 0) m.cost('taxCost', s.column, tax + leg.price * spread);
    }
    for (const on of [leg.buyOn, leg.sellOn]) {
      if (on === null) continue;
      if (commission > 0) m.cost('taxCost', on, commission);
      m.cost('trades', on, 1);
    }
  }
}

export function lotTaxPerShare(ctx: PlanContext, gainPerShare: number, term: 'ST' | 'LT'): number {
  const { settings } = ctx.book;
  if (gainPerShare < 0 && !settings.harvestLosses) return 0;
  return gainPerShare * (term === 'LT' ? settings.longTermRate : settings.shortTermRate);
}

function sellTerms(leg: Leg, coefficient: number): Term[] {
  return leg.sells.map((s) => [s.column, coefficient] as const);
}

/** Cash a leg brings into its account: + P(1−s)·Σx − P(1+s)·b − perTrade·(yb + ys). */
function cashFlowTerms(ctx: PlanContext, leg: Leg, perTrade: number): Term[] {
  const spread = ctx.book.settings.spreadBps / 10_000;
  const terms: Term[] = sellTerms(leg, leg.price * (1 - spread));
  if (leg.buy !== null) terms.push([leg.buy, -leg.price * (1 + spread)]);
  if (perTrade > 0) for (const on of [leg.buyOn, leg.sellOn]) if (on !== null) terms.push([on, -perTrade]);
  return terms;
}
