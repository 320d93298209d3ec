import * as React from 'react';
import { Body1, MessageBar, MessageBarBody, MessageBarTitle, Subtitle2, Table, TableBody, TableCell, TableRow } from '@fluentui/react-components';
import { formatCents, formatPercent, formatPoints, mixNotes, targetsAreTodaysWeights } from '../../engine';
import type { DriftReport, DueVerdict } from '../../engine';
import { DriftChart } from './DriftChart';
import { DueStatus } from './DueStatus';
import { useNarrowTableStyles } from './narrow-table';
import { NarrowTableHeader } from './NarrowTableHeader';
import { NumberCell } from './NumberCell';
import { NUMBER_STYLE } from './numbers';
import { VISUALLY_HIDDEN } from './visually-hidden';

/** Today's drift: total, the rule's verdict, the chart and the numbers behind it. */
export function DriftPanel({ drift, due }: { drift: DriftReport; due: DueVerdict | null }): React.JSX.Element {
  const notes = mixNotes(drift);
  const table = useNarrowTableStyles();
  return (
    <section aria-labelledby="drift-heading" style={{ display: 'grid', gap: 12 }}>
      <Subtitle2 as="h2" id="drift-heading" style={VISUALLY_HIDDEN}>
        Drift
      </Subtitle2>
      <Body1>
        Total value{' '}
        <strong data-testid="total-value" style={NUMBER_STYLE}>
          {formatCents(drift.total)}
        </strong>
      </Body1>
      {targetsAreTodaysWeights(drift) && (
        <MessageBar intent="info" layout="multiline" data-testid="targets-are-today">
          <MessageBarBody>
            <MessageBarTitle>Your targets are today&apos;s weights</MessageBarTitle>
            so nothing drifts yet. Change them in Targets to the mix you want to hold.
          </MessageBarBody>
        </MessageBar>
      )}
      {due && <DueStatus due={due} />}
      <DriftChart drift={drift} />
      <Table size="extra-small" aria-label="Drift by class" noNativeElements>
        <NarrowTableHeader columns={[['Class', 'name'], ['Weight', 'number'], ['Target', 'number'], ['Drift', 'number'], ['Status', 'text']]} />
        <TableBody>
          {drift.rows.map((r) => (
            <TableRow key={r.label} className={table.row}>
              <TableCell className={table.name}>{r.label}</TableCell>
              <NumberCell>{formatPercent(r.weight)}</NumberCell>
              <NumberCell>{r.target === null ? '—' : formatPercent(r.target)}</NumberCell>
              <NumberCell>{r.drift === null ? '—' : formatPoints(r.drift)}</NumberCell>
              <TableCell className={table.text}>{r.status}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {notes.funds.length > 0 && (
        <section aria-labelledby="mix-notes-heading" data-testid="mix-notes">
          <Body1 as="h3" id="mix-notes-heading" style={{ fontWeight: 600 }}>
            Funds that span classes
          </Body1>
          <ul style={{ margin: 0, paddingInlineStart: 20 }}>
            {notes.classes.map((n) => (
              <li key={n.label}>{n.text}</li>
            ))}
            {notes.funds.map((text) => (
              <li key={text}>{text}</li>
            ))}
          </ul>
        </section>
      )}
    </section>
  );
}
