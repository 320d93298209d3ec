/** Plain-text tables for the terminal: right-aligned numbers, a rule under the header. */
import { formatCents } from '../engine';
import type { DriftReport } from '../engine';

export function renderTable(header: readonly string[], rows: readonly (readonly string[])[], numeric: readonly boolean[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => (numeric[i] ? c.padStart(widths[i]) : c.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

const pct = (x: number | null) => (x === null ? '' : `${(x * 100).toFixed(2)}%`);
const signedPct = (x: number | null) => (x === null ? '' : `${x > 0 ? '+' : ''}${(x * 100).toFixed(2)}%`);

export function renderDrift(drift: DriftReport): string {
  const rows = drift.rows.map((r) => [r.label, formatCents(r.value), pct(r.weight), pct(r.target), signedPct(r.drift), pct(r.band), r.status]);
  rows.push(['Total', formatCents(drift.total), '100.00%', '', '', '', '']);
  return renderTable(['Class', 'Value', 'Weight', 'Target', 'Drift', 'Band', 'Status'], rows, [false, true, true, true, true, true, false]);
}
