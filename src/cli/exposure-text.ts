/** The terminal's view of exposure: the largest holdings after look-through, then the concentration flags. */
import { addCents, formatCents, formatPercent, formatPercentUpTo, subtractCents, ZERO_CENTS } from '../engine';
import type { ExposureReport } from '../engine';
import { renderTable } from './text-table';

const pct = (x: number) => formatPercent(x, 2);

/** The report's rows (computed with `top`), the rest summed, the household's total, and the flags. */
export function renderExposure(exposure: ExposureReport): string {
  const rows = exposure.rows.map((r) => [r.holding, formatCents(r.direct), formatCents(r.viaFunds), formatCents(r.total), pct(r.weight), r.via.map((v) => v.fund).join(', ')]);
  const rest = exposure.rest;
  if (rest) rows.push([`Others (${rest.count})`, formatCents(rest.direct), formatCents(rest.viaFunds), formatCents(rest.total), pct(rest.weight), '']);
  const direct = exposure.rows.reduce((s, r) => addCents(s, r.direct), rest?.direct ?? ZERO_CENTS);
  rows.push(['Total', formatCents(direct), formatCents(subtractCents(exposure.total, direct)), formatCents(exposure.total), pct(1), '']);
  const table = renderTable(['Holding', 'Direct', 'Via funds', 'Total', 'Weight', 'Via'], rows, [false, true, true, true, true, false]);
  const limit = formatPercentUpTo(exposure.limit);
  const flags =
    exposure.flags.length === 0
      ? `No single holding is above the ${limit} concentration limit.`
      : `Above the ${limit} concentration limit:\n${exposure.flags.map((f) => `- ${f.message}`).join('\n')}`;
  return `${table}\n\n${flags}`;
}
