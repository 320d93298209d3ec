/**
 * Current vs target weight per class: a bar for today's weight, a line at the target, the band
 * shaded around it, and out-of-band classes marked with ▲/▼ and the word. The numbers are also in the
 * table below the chart.
 *
 * Laid out in HTML and CSS, not an SVG scaled by its viewBox: a scaled SVG's 11-unit text was 5.7 px
 * in a 225-px pane (a 450-px pane at 200% zoom). Here text is 12 CSS px at any width and the tracks
 * take whatever width is left (positions are fractions of the track). Colours are Fluent tokens chosen for
 * contrast in both themes — the band against the track at least 3:1 (light 3.1:1, dark 5.4:1), the
 * bar against the band too — and system colours in forced-colors mode, where backgrounds would
 * otherwise be dropped and the bars vanish: the band in Highlight, the target line in HighlightText
 * (so it shows on the band) outlined in CanvasText (so it shows off it).
 */
import * as React from 'react';
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { formatPercent } from '../../engine';
import type { DriftReport, DriftRow } from '../../engine';

const FORCED = '@media (forced-colors: active)';

const useStyles = makeStyles({
  chart: { display: 'grid', gap: '6px', maxWidth: '480px', fontSize: '12px', lineHeight: '16px', color: tokens.colorNeutralForeground1 },
  row: { display: 'grid', gridTemplateColumns: 'minmax(0, 8.5em) minmax(0, 1fr)', columnGap: '8px', alignItems: 'center' },
  label: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  marker: { whiteSpace: 'nowrap', color: tokens.colorNeutralForeground3 },
  bad: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  // The bars carry no text: their colours are the chart's meaning, so forced-colors mode keeps them
  // (as the system colours below) instead of dropping them.
  track: { position: 'relative', height: '30px', [FORCED]: { forcedColorAdjust: 'none' } },
  trackFill: { position: 'absolute', left: 0, right: 0, top: '7px', height: '16px', backgroundColor: tokens.colorNeutralBackground3, [FORCED]: { backgroundColor: 'Canvas', outline: '1px solid CanvasText' } },
  // Positions come in as fractions of the track (custom properties), so no number is written as text here.
  band: { position: 'absolute', top: '3px', height: '24px', left: 'calc(var(--from) * 100%)', width: 'max(2px, calc((var(--to) - var(--from)) * 100%))', backgroundColor: tokens.colorPaletteLightGreenBackground3, [FORCED]: { backgroundColor: 'Highlight' } },
  weight: { position: 'absolute', left: 0, top: '10px', height: '10px', width: 'max(1px, calc(var(--to) * 100%))', backgroundColor: tokens.colorNeutralForeground1, [FORCED]: { backgroundColor: 'CanvasText' } },
  weightBad: { backgroundColor: tokens.colorPaletteRedForeground2 },
  weightUntargeted: { backgroundColor: tokens.colorNeutralForeground3 },
  target: { position: 'absolute', top: 0, bottom: 0, left: 'calc(var(--at) * 100%)', width: '2px', marginLeft: '-1px', backgroundColor: tokens.colorNeutralForeground1, outline: `1px solid ${tokens.colorNeutralBackground1}`, [FORCED]: { backgroundColor: 'HighlightText', outline: '1px solid CanvasText' } },
  axis: { display: 'flex', justifyContent: 'space-between', color: tokens.colorNeutralForeground3, [FORCED]: { color: 'CanvasText' } },
  legend: { color: tokens.colorNeutralForeground3 },
});

function marker(r: DriftRow): string {
  if (r.status === 'Over') return '▲ Over';
  if (r.status === 'Under') return '▼ Under';
  if (r.status === 'No target') return 'No target';
  return '';
}

export function DriftChart({ drift }: { drift: DriftReport }): React.JSX.Element {
  const styles = useStyles();
  const rows = drift.rows;
  const top = Math.max(0.1, ...rows.map((r) => Math.max(r.weight, (r.target ?? 0) + (r.band ?? 0)))) * 1.1;
  /** Where a weight falls along the track, as a fraction of it. */
  const at = (w: number) => Math.max(0, Math.min(w, top)) / top;
  const place = (vars: Record<string, number>) => vars as React.CSSProperties;
  const out = rows.filter((r) => r.status === 'Over' || r.status === 'Under');
  const summary =
    `Drift chart: ${rows.length} classes. ` +
    (out.length === 0 ? 'All classes are within their bands.' : `Out of band: ${out.map((r) => `${r.label} ${formatPercent(r.weight)} vs ${formatPercent(r.target ?? 0)}`).join('; ')}.`);
  return (
    <div role="img" aria-label={summary} className={styles.chart} data-testid="drift-chart">
      {rows.map((r) => {
        const bad = r.status === 'Over' || r.status === 'Under';
        return (
          <div key={r.label} className={styles.row} data-class={r.label} data-status={r.status}>
            <div>
              {/* A long class name is cut to the column; the whole name shows on hover, and in the table below. */}
              <div className={styles.label} title={r.label} data-part="label">
                {r.label}
              </div>
              <div className={mergeClasses(styles.marker, bad && styles.bad)}>{marker(r) || '\u00a0'}</div>
            </div>
            <div className={styles.track} data-part="track">
              <div className={styles.trackFill} data-part="track-fill" />
              {r.target !== null && r.band !== null && (
                <div data-part="band" className={styles.band} style={place({ '--from': at(r.target - r.band), '--to': at(r.target + r.band) })} />
              )}
              <div
                data-part="weight"
                className={mergeClasses(styles.weight, bad && styles.weightBad, r.target === null && styles.weightUntargeted)}
                style={place({ '--to': at(r.weight) })}
              />
              {r.target !== null && <div data-part="target" className={styles.target} style={place({ '--at': at(r.target) })} />}
            </div>
          </div>
        );
      })}
      <div className={styles.row}>
        <div />
        <div className={styles.axis}>
          <span>0%</span>
          <span>{formatPercent(top)}</span>
        </div>
      </div>
      <div className={styles.legend}>bar = today · line = target · shaded = band</div>
    </div>
  );
}
