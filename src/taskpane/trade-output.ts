/**
 * What the pane writes for a draft: the `Trades YYYY-MM-DD` sheet (plain values, readable without
 * the add-in, with an Approved column) and the per-account order list for the clipboard.
 */
import { formatDollarAmount, formatPrice, formatShares } from '../engine';
import type { Cell, IsoDate } from '../engine';
import type { OwnSheet } from './own-sheet';
import type { DraftResult, DraftTrade } from './ports';
import { MONEY, SENTENCE_COLUMN_POINTS, sharesFormat } from './sheet-formats';

export const TRADES_SHEET_HEADER = ['Account', 'Ticker', 'Action', 'Shares', 'Price', 'Amount', 'Est. tax', 'Reason', 'Approved'] as const;
const REASON_COLUMN = TRADES_SHEET_HEADER.indexOf('Reason');

/** Named by the AsOf date the trades were drafted for, as its footer says. */
export function tradesSheetName(asOf: IsoDate, attempt = 1): string {
  return attempt === 1 ? `Trades ${asOf}` : `Trades ${asOf} (${attempt})`;
}

/** Every drafted trade in the planner's order, marked Yes or No, then a line saying where it came from. */
export function tradesSheetRows(result: DraftResult, approved: readonly boolean[], asOf: IsoDate): Cell[][] {
  const rows: Cell[][] = [[...TRADES_SHEET_HEADER]];
  result.trades.forEach((t, i) => {
    rows.push([t.account, t.ticker, t.action, t.shares, t.price, t.amount, t.estTax, t.reason, approved[i] ? 'Yes' : 'No']);
  });
  rows.push([]);
  rows.push([`Drafted by Rebalance in Excel as of ${asOf}. Place approved orders at your broker; the add-in never trades.`]);
  return rows;
}

/** One trade's number formats, in TRADES_SHEET_HEADER's columns. */
export function tradeFormats(t: DraftTrade): (string | null)[] {
  return [null, null, null, sharesFormat(t.shares), MONEY, MONEY, MONEY, null, null];
}

/** The Trades sheet as written: rows, per-cell formats, columns fitted to the trades (not the footer). */
export function tradesSheet(result: DraftResult, approved: readonly boolean[], asOf: IsoDate): OwnSheet {
  const rows = tradesSheetRows(result, approved, asOf);
  return {
    name: (attempt) => tradesSheetName(asOf, attempt),
    rows,
    content: 'values',
    cellFormats: [[], ...result.trades.map(tradeFormats)],
    notesFrom: result.trades.length + 1,
    columnWidths: [{ column: REASON_COLUMN, points: SENTENCE_COLUMN_POINTS }],
  };
}

/** Approved trades grouped by account, sells first as the planner ordered them. */
export function groupByAccount(trades: readonly DraftTrade[]): [string, { trade: DraftTrade; index: number }[]][] {
  const groups = new Map<string, { trade: DraftTrade; index: number }[]>();
  trades.forEach((trade, index) => {
    const list = groups.get(trade.account) ?? [];
    list.push({ trade, index });
    groups.set(trade.account, list);
  });
  return [...groups.entries()];
}

export function describeTrade(t: DraftTrade): string {
  return `${t.action} ${formatShares(t.shares)} ${t.ticker} @ ${formatPrice(t.price)} (${formatDollarAmount(t.amount)})`;
}

/** "Joint Taxable:\n  SELL 12 VTI @ $250.12 ($3,001.44)\n…" — only the approved trades. */
export function orderList(result: DraftResult, approved: readonly boolean[]): string {
  const chosen = result.trades.filter((_, i) => approved[i]);
  if (chosen.length === 0) return 'No approved trades.';
  return groupByAccount(chosen)
    .map(([account, list]) => [`${account}:`, ...list.map(({ trade }) => `  ${describeTrade(trade)}`)].join('\n'))
    .join('\n\n');
}
