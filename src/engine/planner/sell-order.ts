/**
 * Which lots a sell takes. For a position, the tax of selling q shares with the best choice of lots is
 * a convex piecewise-linear function of q: take the lots with the least tax per share first. So the
 * planner decides how much of each position to sell, and the lots follow from this one order — in the
 * model (one column per tier of equal tax, filled cheapest first), in the whole-share repair, and in
 * the drafted trades. Among lots of equal tax a loss lot comes first (so every loss tier leads the
 * order, which the wash-sale form of the curve relies on), then the Holdings order, so the same
 * workbook always names the same lots.
 *
 * A taxable lot at a loss is taken only while the plan buys nothing of its wash-sale group; a loss
 * lot whose group was bought in the 30 days before AsOf is never offered at all.
 */
import { BookLot } from './book';
import { PlanContext } from './context';
import type { Leg, SellTier } from './legs';

/** Estimated tax per share of a lot sold from this leg's account (gain × rate; a loss only when HarvestLosses). */
export function lotTaxPerShare(ctx: PlanContext, leg: Pick<Leg, 'account'>, lot: BookLot): number {
  const { settings } = ctx.book;
  if (!settings.taxAware || leg.account.account.tax !== 'taxable') return 0;
  if (lot.gainPerShare < 0 && !settings.harvestLosses) return 0;
  return lot.gainPerShare * (lot.term === 'LT' ? settings.longTermRate : settings.shortTermRate);
}

/** A loss lot whose wash-sale group was bought in the last 30 days may not be sold. */
export function isBlocked(ctx: PlanContext, leg: Pick<Leg, 'position'>, lot: BookLot): boolean {
  return lot.isLoss && leg.position !== null && ctx.book.recentlyBought.has(leg.position.washGroup);
}

/** The leg's sellable lots, least tax per share first (ties in Holdings order), grouped into tiers. */
export function sellTiers(ctx: PlanContext, leg: Pick<Leg, 'account' | 'position'>): SellTier[] {
  const open = (leg.position?.lots ?? []).filter((lot) => lot.shares > 0 && !isBlocked(ctx, leg, lot));
  const ranked = open
    .map((lot, i) => ({ lot, i, tax: lotTaxPerShare(ctx, leg, lot) }))
    .sort((a, b) => a.tax - b.tax || Number(b.lot.isLoss) - Number(a.lot.isLoss) || a.i - b.i);
  const tiers: { lots: BookLot[]; shares: number; taxPerShare: number; isLoss: boolean }[] = [];
  for (const { lot, tax } of ranked) {
    const last = tiers[tiers.length - 1];
    if (last && last.taxPerShare === tax && last.isLoss === lot.isLoss) {
      last.lots.push(lot);
      last.shares += lot.shares;
    } else tiers.push({ lots: [lot], shares: lot.shares, taxPerShare: tax, isLoss: lot.isLoss });
  }
  return tiers;
}

/** Shares each tier gives to a sell of `shares`, cheapest first; loss tiers only when `lossAllowed`. */
export function fillTiers(tiers: readonly SellTier[], shares: number, lossAllowed: boolean): number[] {
  let left = shares;
  return tiers.map((t) => {
    if (left <= 1e-12 || (t.isLoss && !lossAllowed)) return 0;
    const take = Math.min(left, t.shares);
    left -= take;
    return take;
  });
}

/** Estimated tax of selling `shares` from the tiers, cheapest first. */
export function taxOfSelling(tiers: readonly SellTier[], shares: number, lossAllowed: boolean): number {
  // The same walk as fillTiers, without an array: the repair prices thousands of moves a second.
  let left = shares;
  let tax = 0;
  for (const t of tiers) {
    if (left <= 1e-12) break;
    if (t.isLoss && !lossAllowed) continue;
    const take = Math.min(left, t.shares);
    tax += take * t.taxPerShare;
    left -= take;
  }
  return tax;
}

/** Shares that may be sold while the group is bought (no loss lots). */
export function safeShares(tiers: readonly SellTier[]): number {
  return tiers.reduce((s, t) => (t.isLoss ? s : s + t.shares), 0);
}

export function openShares(tiers: readonly SellTier[]): number {
  return tiers.reduce((s, t) => s + t.shares, 0);
}

/** One line of a tax curve: tax ≥ slope·q + intercept. */
export interface TaxLine {
  readonly slope: number;
  readonly intercept: number;
}

/**
 * The tax of selling q shares (cheapest tiers first) as the maximum of lines, one per tier: the
 * curve is convex because the tiers are sorted by tax per share, so "tax ≥ every line" is exact in
 * an LP. `lossShares` are the shares of the loss tiers, which lead the order, and `lossTax` their tax.
 */
export function taxCurve(tiers: readonly SellTier[]): { lines: TaxLine[]; lossShares: number; lossTax: number } {
  const lines: TaxLine[] = [];
  let q = 0;
  let tax = 0;
  let lossShares = 0;
  let lossTax = 0;
  for (const t of tiers) {
    lines.push({ slope: t.taxPerShare, intercept: tax - t.taxPerShare * q });
    q += t.shares;
    tax += t.shares * t.taxPerShare;
    if (t.isLoss) {
      lossShares = q;
      lossTax = tax;
    }
  }
  return { lines, lossShares, lossTax };
}
