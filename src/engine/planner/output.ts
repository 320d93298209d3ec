/**
 * The plan as the REBAL.TRADES spill and as the command line's JSON (PRODUCT.md). Money in
 * currency units to the cent; an empty plan spills one row that says why nothing is due. What the
 * plan leaves out (value-only positions, a class it cannot buy) follows as `Note` rows: a cell has
 * no other place to show a warning, and a plan that silently skips a class would read as complete.
 */
import type { WarningKind } from '../errors';
import { formatPercent, formatWholeDollars } from '../format';
import { centsToNumber } from '../money';
import { Spill } from '../spill';
import { Plan } from './plan';

export const TRADES_HEADER = ['Account', 'Ticker', 'Action', 'Shares', 'Price', 'Amount', 'Est. tax', 'Reason'] as const;

/** The warnings that say what the plan leaves out; the spill shows them as Note rows. */
const LEFT_OUT: ReadonlySet<WarningKind> = new Set<WarningKind>(['valueOnly', 'classNotBought', 'notTradable']);

/** Account | Ticker | Action | Shares | Price | Amount | Est. tax | Reason — sells before buys per account. */
export function tradesSpill(plan: Plan): Spill {
  const rows: Spill = [[...TRADES_HEADER]];
  if (plan.trades.length === 0) rows.push(['No trades', '', '', '', '', '', '', whyNothingIsDue(plan)]);
  for (const t of plan.trades) {
    rows.push([t.account, t.ticker, t.action, t.shares, t.price, centsToNumber(t.amount), centsToNumber(t.estTax), t.reason]);
  }
  for (const w of plan.warnings) if (LEFT_OUT.has(w.kind)) rows.push(['Note', '', '', '', '', '', '', w.message]);
  return rows;
}

/** The sentence an empty plan shows instead of trades. */
export function whyNothingIsDue(plan: Plan): string {
  const s = plan.summary;
  const off = s.classes.filter((c) => c.excessBefore > 0);
  if (off.length === 0) return 'Nothing to trade: every class is already at its target (within its tolerance).';
  const list = off.map((c) => `${c.label} ${formatPercent(c.weightBefore)} vs ${formatPercent(c.target)}`).join(', ');
  return (
    `Nothing to trade: no trade that keeps the rules (whole shares, MinTrade, reserves, frozen accounts, wash sales) ` +
    `brings the household closer to target. Still off target: ${list} (${formatWholeDollars(s.driftAfter)} beyond tolerance).`
  );
}

export interface TradeLotJson {
  acquired: string | null;
  shares: number;
  basis: number | null;
  gain: number;
  term: 'ST' | 'LT';
}

export interface TradeJson {
  account: string;
  ticker: string;
  action: 'BUY' | 'SELL';
  shares: number;
  price: number;
  amount: number;
  estTax: number;
  reason: string;
  lots: TradeLotJson[];
}

export function tradesJson(plan: Plan): TradeJson[] {
  return plan.trades.map((t) => ({
    account: t.account,
    ticker: t.ticker,
    action: t.action,
    shares: t.shares,
    price: t.price,
    amount: centsToNumber(t.amount),
    estTax: centsToNumber(t.estTax),
    reason: t.reason,
    lots: t.lots.map((l) => ({
      acquired: l.acquired,
      shares: l.shares,
      basis: l.basis === null ? null : centsToNumber(l.basis),
      gain: centsToNumber(l.gain),
      term: l.term,
    })),
  }));
}
