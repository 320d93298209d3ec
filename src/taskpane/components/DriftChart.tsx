/**
 * Current vs target weight per class: a bar for today's weight, a tick at the target, the band
 * shaded around it, and out-of-band classes marked in red with ▲/▼ and the word. Colours are Fluent
 * tokens, so light and dark themes both work. The numbers are also in the table below the chart.
 */
import * as React from 'react';
import { tokens } from '@fluentui/react-components';
import { formatPercent } from '../../engine';
import type { DriftReport, DriftRow } from '../../engine';

const ROW = 34;
const LABEL = 104;
const WIDTH = 320;
const TRACK = WIDTH - LABEL - 8;

function marker(r: DriftRow): string {
  if (r.status === 'Over') return '▲ Over';
  if (r.status === 'Under') return '▼ Under';
  if (r.status === 'No target') return 'No target';
  return '';
}

export function DriftChart({ drift }: { drift: DriftReport }): React.JSX.Element {
  const rows = drift.rows;
  const top = Math.max(0.1, ...rows.map((r) => Math.max(r.weight, (r.target ?? 0) + (r.band ?? 0)))) * 1.1;
  const x = (w: number) => LABEL + (Math.max(0, Math.min(w, top)) / top) * TRACK;
  const out = rows.filter((r) => r.status === 'Over' || r.status === 'Under');
  const summary =
    `Drift chart: ${rows.length} classes. ` +
    (out.length === 0 ? 'All classes are within their bands.' : `Out of band: ${out.map((r) => `${r.label} ${formatPercent(r.weight)} vs ${formatPercent(r.target ?? 0)}`).join('; ')}.`);
  return (
    <svg role="img" aria-label={summary} viewBox={`0 0 ${WIDTH} ${rows.length * ROW + 32}`} width="100%" style={{ maxWidth: 480, display: 'block' }}>
      <title>{summary}</title>
      {rows.map((r, i) => {
        const y = i * ROW;
        const bad = r.status === 'Over' || r.status === 'Under';
        const barColor = bad ? tokens.colorPaletteRedBackground3 : r.target === null ? tokens.colorNeutralForeground3 : tokens.colorBrandBackground;
        return (
          <g key={r.label} data-class={r.label} data-status={r.status}>
            <text x={0} y={y + 14} fontSize={11} fill={tokens.colorNeutralForeground1}>
              {r.label.length > 16 ? `${r.label.slice(0, 15)}…` : r.label}
            </text>
            <text x={0} y={y + 27} fontSize={10} fill={bad ? tokens.colorPaletteRedForeground1 : tokens.colorNeutralForeground3} fontWeight={bad ? 600 : 400}>
              {marker(r)}
            </text>
            <rect x={LABEL} y={y + 6} width={TRACK} height={18} fill={tokens.colorNeutralBackground3} rx={2} />
            {r.target !== null && r.band !== null && (
              <rect
                data-part="band"
                x={x(r.target - r.band)}
                y={y + 3}
                width={Math.max(1, x(r.target + r.band) - x(r.target - r.band))}
                height={24}
                fill={tokens.colorPaletteGreenBackground2}
                opacity={0.9}
              />
            )}
            <rect data-part="weight" x={LABEL} y={y + 10} width={Math.max(1, x(r.weight) - LABEL)} height={10} fill={barColor} rx={1} />
            {r.target !== null && (
              <line data-part="target" x1={x(r.target)} x2={x(r.target)} y1={y + 2} y2={y + 28} stroke={tokens.colorNeutralForeground1} strokeWidth={2} />
            )}
          </g>
        );
      })}
      <g fontSize={9} fill={tokens.colorNeutralForeground3}>
        <text x={LABEL} y={rows.length * ROW + 12}>
          0%
        </text>
        <text x={LABEL + TRACK} y={rows.length * ROW + 12} textAnchor="end">
          {formatPercent(top)}
        </text>
        <text x={LABEL} y={rows.length * ROW + 26}>
          bar = today · line = target · green = band
        </text>
      </g>
    </svg>
  );
}
