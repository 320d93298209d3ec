/** The quarterly review: the rule's verdict, today's numbers, and "Log review" into the Review Log table. */
import * as React from 'react';
import { Body1, Button, Caption1, Field, Subtitle2, Textarea } from '@fluentui/react-components';
import { DriftReport, DueVerdict, formatCents, formatDollarAmount } from '../../engine';
import { HouseholdView } from '../household-view';
import { usePorts } from '../PaneContext';
import { appendReviewLog, describeLargestDrift, reviewLogRow } from '../review-log';
import { Draft } from './DraftPanel';
import { DueStatus } from './DueStatus';
import { errorNotice, Notice, NoticeState } from './Notice';
import { VISUALLY_HIDDEN } from './visually-hidden';

interface Props {
  view: HouseholdView;
  drift: DriftReport;
  due: DueVerdict | null;
  draft: Draft | null;
  onChanged: () => void;
}

export function ReviewPanel({ view, drift, due, draft, onChanged }: Props): React.JSX.Element {
  const { workbook, today } = usePorts();
  const [note, setNote] = React.useState('');
  const [notice, setNotice] = React.useState<NoticeState | null>(null);
  const [busy, setBusy] = React.useState(false);
  const logButton = React.useRef<HTMLButtonElement>(null);
  const wasBusy = React.useRef(false);
  // The button is disabled while the row is written, which drops focus to the page: give it back.
  React.useEffect(() => {
    if (wasBusy.current && !busy) logButton.current?.focus();
    wasBusy.current = busy;
  }, [busy]);
  const approved = draft ? draft.result.trades.filter((_, i) => draft.approved[i]) : [];
  const tax = Math.round(approved.reduce((s, t) => s + t.estTax, 0) * 100) / 100;

  const log = async () => {
    setBusy(true);
    try {
      const row = reviewLogRow(today(), drift, approved.length, tax, note.trim());
      const logged = await appendReviewLog(workbook, view.found.reviewLog, row);
      setNote('');
      setNotice({ intent: 'success', title: 'Logged', text: `Logged today's review in ${logged}.` });
      onChanged();
    } catch (e) {
      setNotice(errorNotice(e, view));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="review-heading" style={{ display: 'grid', gap: 12 }}>
      <Subtitle2 as="h2" id="review-heading" style={VISUALLY_HIDDEN}>
        Review
      </Subtitle2>
      {due && <DueStatus due={due} />}
      <dl style={{ display: 'grid', gridTemplateColumns: 'auto 1fr', gap: '4px 12px', margin: 0 }}>
        <dt>Total</dt>
        <dd style={{ margin: 0 }}>{formatCents(drift.total)}</dd>
        <dt>Largest drift</dt>
        <dd style={{ margin: 0 }}>{describeLargestDrift(drift) || '—'}</dd>
        <dt>Trades approved</dt>
        <dd style={{ margin: 0 }}>{draft ? `${approved.length} of ${draft.result.trades.length}` : 'none drafted'}</dd>
        <dt>Est. tax</dt>
        <dd style={{ margin: 0 }}>{draft ? formatDollarAmount(tax) : '—'}</dd>
      </dl>
      <Field label="Note for the log">
        <Textarea value={note} onChange={(_, d) => setNote(d.value)} resize="vertical" />
      </Field>
      <Button ref={logButton} appearance="primary" onClick={log} disabled={busy} aria-describedby={busy ? 'log-busy' : undefined}>
        Log review
      </Button>
      {busy && <Caption1 id="log-busy">Adding the row to the Review Log…</Caption1>}
      <Body1>Each review adds a row to the Review Log table, so the household's history stays in the workbook.</Body1>
      <Notice notice={notice} />
    </section>
  );
}
