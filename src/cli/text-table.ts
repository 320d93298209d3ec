/** Plain-text tables for the terminal: right-aligned numbers, a rule under the header. */
import { formatCents, Money } from '../engine';
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

/**
 * A fraction in percent to 0.01 pp, half away from zero, decided on the fraction's 12 significant
 * digits: float's (0.45075 * 100).toFixed(2) is "45.07", but 4,507.50 of 10,000.00 is 45.08%.
 */
function percentDigits(x: number): string {
  const text = new Money(x.toPrecision(12)).times(100).toFixed(2);
  return text === '-0.00' ? '0.00' : text;
}

const pct = (x: number | null) => (x === null ? '' : `${percentDigits(x)}%`);
const signedPct = (x: number | null) => (x === null ? '' : `${x > 0 ? '+' : ''}${percentDigits(x)}%`);

export function renderDrift(drift: DriftReport): string {
  const rows = drift.rows.map((r) => [r.label, formatCents(r.value), pct(r.weight), pct(r.target), signedPct(r.drift), pct(r.band), r.status]);
  rows.push(['Total', formatCents(drift.total), '100.00%', '', '', '', '']);
  return renderTable(['Class', 'Value', 'Weight', 'Target', 'Drift', 'Band', 'Status'], rows, [false, true, true, true, true, true, false]);
}
