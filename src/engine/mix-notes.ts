/**
 * What the pane and the command line say about funds that span classes: how each is split (and
 * whether the split was typed in Mix or derived through Funds), how much of each class is held in
 * them, and — for Setup — a Mix table to start from for the funds that look multi-class.
 */
import { Cell } from './cells';
import { DriftReport } from './drift';
import { formatCents, formatList, formatPercent } from './format';
import { MIXED_CLASS } from './class-split';
import { addCents, ZERO_CENTS } from './money';
import { CASH_CLASS, Household, keyOf } from './model';

export interface MixNotes {
  /** Per class that holds some of its value in such funds: "US Stocks: $1,026.79 of $3,526.79 (29.1%) is in VFIFX". */
  readonly classes: readonly { readonly label: string; readonly text: string }[];
  /** Per fund: "VFIFX counts as 54% US Stocks, 36% Intl Stocks and 10% Bonds (from Mix)". */
  readonly funds: readonly string[];
}


/** A weight as a fund's fact sheet gives it: 54%, or 54.2% when it is not whole. */
export function mixWeight(weight: number): string {
  return formatPercent(weight, Math.abs(weight * 100 - Math.round(weight * 100)) < 1e-9 ? 0 : 1);
}

export function mixNotes(drift: DriftReport, mixName = 'Mix'): MixNotes {
  const classes = drift.rows.flatMap((r) => {
    if (r.viaMixes.length === 0) return [];
    const inFunds = r.viaMixes.reduce((s, v) => addCents(s, v.value), ZERO_CENTS);
    const share = r.value !== 0 ? ` (${formatPercent(inFunds / r.value)})` : '';
    return [{ label: r.label, text: `${r.label}: ${formatCents(inFunds)} of ${formatCents(r.value)}${share} is in ${formatList(r.viaMixes.map((v) => v.ticker))}` }];
  });
  const funds = drift.mixes.map((m) => {
    const split = formatList(m.shares.map((s) => `${mixWeight(s.weight)} ${s.key}`));
    const source = m.source === 'table' ? `from ${mixName}` : `derived through Funds; check it, or list it in ${mixName}`;
    return `${m.ticker} counts as ${split} (${source})`;
  });
  return { classes, funds };
}

/**
 * The held funds that look multi-class but have no mix of their own: a Class of `Mixed`, or no class
 * where other holdings have one. A derived mix is listed too, so the user can make it explicit.
 */
function mixCandidates(household: Household): string[] {
  const classed = household.holdings.some((h) => !h.isCash && h.assetClass !== null && keyOf(h.assetClass) !== keyOf(MIXED_CLASS));
  const out = new Set<string>();
  for (const h of household.holdings) {
    if (h.isCash) continue;
    const mix = household.mixes.get(h.ticker);
    if (mix?.source === 'table') continue;
    const unclassed = h.assetClass === null ? classed : keyOf(h.assetClass) === keyOf(MIXED_CLASS);
    if (mix || unclassed) out.add(h.ticker);
  }
  return [...out];
}

export const MIX_STARTER_HEADER = ['Ticker', 'Class', 'Weight'] as const;

/**
 * A Mix table to start from (header first), or null when no fund needs one: a derived mix with its
 * weights, any other candidate with one row per targeted class and the Weight left blank — a row
 * without a weight is ignored until it is filled in, so the new table changes nothing by itself.
 */
export function starterMix(household: Household): Cell[][] | null {
  const tickers = mixCandidates(household);
  if (tickers.length === 0) return null;
  const targetClasses = household.targets.map((t) => t.key).filter((k) => keyOf(k) !== keyOf(CASH_CLASS));
  const heldClasses = [...new Set(household.holdings.filter((h) => !h.isCash && h.assetClass !== null && keyOf(h.assetClass) !== keyOf(MIXED_CLASS)).map((h) => h.assetClass!))];
  const classes = targetClasses.length > 0 ? targetClasses : heldClasses;
  const rows: Cell[][] = [[...MIX_STARTER_HEADER]];
  for (const ticker of tickers) {
    const mix = household.mixes.get(ticker);
    if (mix) for (const s of mix.shares) rows.push([ticker, s.key, Math.round(s.weight * 10_000) / 10_000]);
    else for (const c of classes) rows.push([ticker, c, null]);
  }
  return rows;
}
