/** Plain-text tables for the terminal: right-aligned numbers, a rule under the header. */
import { formatCents, formatDollarAmount, formatPercent, formatPoints, formatShares, mixNotes, whyNothingIsDue } from '../engine';
import type { DriftReport, Plan } from '../engine';

export function renderTable(header: readonly string[], rows: readonly (readonly string[])[], numeric: readonly boolean[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => (numeric[i] ? c.padStart(widths[i]) : c.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** Weights to 0.01%, drift in signed percentage points (the engine's format: 4,507.50 of 10,000.00 is 45.08%). */
const pct = (x: number | null) => (x === null ? '' : formatPercent(x, 2));
const points = (x: number | null) => (x === null ? '' : formatPoints(x, 2));

export function renderDrift(drift: DriftReport): string {
  const rows = drift.rows.map((r) => [r.label, formatCents(r.value), pct(r.weight), pct(r.target), points(r.drift), pct(r.band), r.status]);
  rows.push(['Total', formatCents(drift.total), pct(1), '', '', '', '']);
  const table = renderTable(['Class', 'Value', 'Weight', 'Target', 'Drift', 'Band', 'Status'], rows, [false, true, true, true, true, true, false]);
  const notes = mixNotes(drift);
  if (notes.funds.length === 0) return table;
  return `${table}\n\nFunds that span classes:\n${[...notes.classes.map((n) => n.text), ...notes.funds].map((line) => `  ${line}`).join('\n')}`;
}

/** The drafted trades as a table, each reason below it, then the plan's totals. */
export function renderTrades(plan: Plan): string {
  if (plan.trades.length === 0) return whyNothingIsDue(plan);
  const rows = plan.trades.map((t, i) => [String(i + 1), t.account, t.action, formatShares(t.shares), t.ticker, formatCents(t.amount), formatCents(t.estTax)]);
  const table = renderTable(['#', 'Account', 'Action', 'Shares', 'Ticker', 'Amount', 'Est. tax'], rows, [true, false, false, true, false, true, true]);
  const reasons = plan.trades.map((t, i) => `${i + 1}. ${t.reason}`).join('\n');
  const s = plan.summary;
  // "Best" is claimed only when every stage is proven: drift, tax and cost, and fewest trades.
  const proven = !s.gap.proven
    ? `not proven best: drift within ${formatPercent(s.gap.drift, 3)} of the total, tax and cost within ${formatDollarAmount(s.gap.taxAndCost)}`
    : s.gap.fewestTradesProven
      ? 'proven best plan'
      : 'drift and tax within the tolerances of the best plan; fewest trades not proven';
  const totals =
    `${s.trades} trade${s.trades === 1 ? '' : 's'}; est. tax ${formatCents(s.tax)}; cost ${formatCents(s.cost)}; ` +
    `drift beyond tolerance ${formatCents(s.driftBefore)} → ${formatCents(s.driftAfter)} (${proven})`;
  return `${table}\n\n${reasons}\n\n${totals}`;
}
