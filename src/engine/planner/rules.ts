/**
 * The planner's rules as numbers, one small function each. The model (constraints.ts) writes them as
 * rows and the whole-share repair (repair/) checks its moves with them, so a rule is stated once.
 * Money is in dollars (the solver's input); the plan is rounded to the cent afterwards (trades.ts).
 */
import { MAX_SHARES } from './book';
import { PlanContext } from './context';
import type { Leg } from './legs';
import { shareDigits } from './trades';

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

/** The smallest amount a trade of this leg may have (MinTrade, plus its rounding cent and the solver's slack); 0 without MinTrade. */
export function minTradeFloor(ctx: PlanContext, leg: Leg): number {
  const minTradeDollars = ctx.book.settings.minTrade / 100;
  return minTradeDollars <= 0 ? 0 : minTradeDollars + roundingCent(ctx, leg) + ctx.slack;
}

/** Cash each share sold brings in: the price less the spread. */
export function sellCashPerShare(ctx: PlanContext, leg: Leg): number {
  return leg.price * (1 - ctx.book.settings.spreadBps / 10_000);
}

/** Cash each share bought takes: the price plus the spread. */
export function buyCashPerShare(ctx: PlanContext, leg: Leg): number {
  return leg.price * (1 + ctx.book.settings.spreadBps / 10_000);
}

/** Trading cost of each share bought or sold: the spread. */
export function spreadPerShare(ctx: PlanContext, leg: Leg): number {
  return (leg.price * ctx.book.settings.spreadBps) / 10_000;
}

/** The commission of one trade, in dollars. */
export function commission(ctx: PlanContext): number {
  return ctx.book.settings.commission / 100;
}

/** Cash a trade takes besides its shares, in the cash rows: the commission and the rounding cent. */
export function cashPerTrade(ctx: PlanContext, leg: Leg): number {
  return commission(ctx) + roundingCent(ctx, leg);
}

/** Most shares a buy may take: what the account's value and contribution could pay for, within MAX_SHARES. */
export function buyLimit(leg: Leg): number {
  const reach = (leg.account.value + leg.account.account.contribution) / 100;
  if (reach <= 0) return 0;
  return Math.max(0, Math.min(Math.floor(reach / leg.price) + 1, MAX_SHARES));
}

/** The cash floor of an account in dollars: its reserve plus the solver's headroom (context.ts). */
export function cashFloor(ctx: PlanContext, account: Leg['account']): number {
  return account.account.reserve / 100 + ctx.reserveSlack(account);
}
