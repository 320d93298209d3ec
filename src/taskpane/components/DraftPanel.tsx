/**
 * Draft trades: the user's choices for this draft, the planner run through the DraftPort (off the
 * main thread) with progress and Cancel, then the trades by account with an approve box each,
 * "Write to sheet" and "Copy order list".
 */
import * as React from 'react';
import { Body1, Button, Field, Input, ProgressBar, Radio, RadioGroup, Subtitle2, Switch } from '@fluentui/react-components';
import { centsToNumber, PlanMode } from '../../engine';
import { HouseholdView } from '../household-view';
import { writeOwnSheet } from '../own-sheet';
import { usePorts } from '../PaneContext';
import { DraftCancelled, DraftProgress, DraftResult } from '../ports';
import { orderList, tradesSheet } from '../trade-output';
import { SAVED_EXPOSURE_ROWS, valuesSheet } from '../values-sheet';
import { useConfirm } from './Confirm';
import { errorText, Notice, NoticeState } from './Notice';
import { TradeList } from './TradeList';

export interface Draft {
  readonly result: DraftResult;
  readonly approved: readonly boolean[];
  readonly asOf: string;
  /** The contents of the tables it was drafted from: when they have changed since, the draft is stale. */
  readonly from: string;
}

interface Props {
  view: HouseholdView;
  draft: Draft | null;
  onDraft: (draft: Draft | null) => void;
}

const toNumber = (text: string) => {
  const n = Number(text.replace(/[$,\s]/g, ''));
  return Number.isFinite(n) ? n : NaN;
};

export function DraftPanel({ view, draft, onDraft }: Props): React.JSX.Element {
  const { planner, workbook, clipboard, exposure } = usePorts();
  const household = view.household!;
  const s = household.settings;
  const [contributions, setContributions] = React.useState<Record<string, string>>(() =>
    Object.fromEntries(household.accounts.map((a) => [a.name, String(centsToNumber(a.contribution))])),
  );
  const [mode, setMode] = React.useState<PlanMode>(s.mode);
  const [wholeShares, setWholeShares] = React.useState(s.wholeShares);
  const [minTrade, setMinTrade] = React.useState(String(centsToNumber(s.minTrade)));
  const [taxAware, setTaxAware] = React.useState(s.taxAware);
  const [progress, setProgress] = React.useState<DraftProgress | null>(null);
  const [notice, setNotice] = React.useState<NoticeState | null>(null);
  const abort = React.useRef<AbortController | null>(null);
  const [dialog, ask] = useConfirm();

  // What the plan depends on, as text; the Review Log or a trades sheet changing does not make a draft stale.
  const inputs = React.useMemo(() => JSON.stringify([view.tables, view.asOf]), [view.tables, view.asOf]);
  const invalid = [minTrade, ...Object.values(contributions)].some((t) => Number.isNaN(toNumber(t)));

  const runDraft = async () => {
    const controller = new AbortController();
    abort.current = controller;
    setNotice(null);
    setProgress({ fraction: null, message: 'Starting the planner…' });
    try {
      const result = await planner.draft(
        {
          tables: view.tables!,
          asOf: view.asOf,
          contributions: household.accounts.map((a) => ({ account: a.name, amount: toNumber(contributions[a.name] ?? '0') })),
          mode,
          wholeShares,
          minTrade: toNumber(minTrade),
          taxAware,
        },
        { onProgress: setProgress, signal: controller.signal },
      );
      if (controller.signal.aborted) throw new DraftCancelled();
      onDraft({ result, approved: result.trades.map(() => true), asOf: view.asOf, from: inputs });
    } catch (e) {
      setNotice(controller.signal.aborted ? { intent: 'info', text: 'Draft cancelled. Nothing was changed.' } : { intent: 'error', text: errorText(e) });
    } finally {
      abort.current = null;
      setProgress(null);
    }
  };

  const write = async () => {
    if (!draft) return;
    try {
      const name = await writeOwnSheet(workbook, tradesSheet(draft.result, draft.approved, draft.asOf), ask);
      const approvedCount = draft.approved.filter(Boolean).length;
      setNotice(name ? { intent: 'success', text: `Wrote ${draft.result.trades.length} trades (${approvedCount} approved) to the sheet ${name}.` } : { intent: 'info', text: 'Left the earlier trades sheet as it was.' });
    } catch (e) {
      setNotice({ intent: 'error', text: errorText(e) });
    }
  };

  // One plain-value sheet of the whole review, for whoever opens the workbook without the add-in.
  const saveValues = async () => {
    if (!draft || !view.drift || !view.tables) return;
    try {
      const looked = await exposure.exposure({ tables: view.tables, top: SAVED_EXPOSURE_ROWS });
      const name = await writeOwnSheet(workbook, valuesSheet({ asOf: draft.asOf, drift: view.drift, exposure: looked, draft }), ask);
      setNotice(
        name
          ? { intent: 'success', text: `Saved the drift, the exposure and the approved trades as plain values on the sheet ${name}.` }
          : { intent: 'info', text: 'Left the earlier saved sheet as it was.' },
      );
    } catch (e) {
      setNotice({ intent: 'error', text: errorText(e) });
    }
  };

  const copy = async () => {
    if (!draft) return;
    try {
      await clipboard.writeText(orderList(draft.result, draft.approved));
      setNotice({ intent: 'success', text: 'The order list of approved trades is on the clipboard.' });
    } catch (e) {
      setNotice({ intent: 'error', text: `Could not copy: ${errorText(e)}` });
    }
  };

  const running = progress !== null;
  return (
    <section aria-labelledby="draft-heading" style={{ display: 'grid', gap: 12 }}>
      <Subtitle2 as="h2" id="draft-heading">
        Draft trades
      </Subtitle2>
      <fieldset style={{ border: 'none', padding: 0, margin: 0, display: 'grid', gap: 8 }} disabled={running}>
        <legend style={{ fontWeight: 600, marginBottom: 4 }}>New cash per account</legend>
        {household.accounts.map((a) => (
          <Field key={a.name} label={`Contribution to ${a.name}`} validationMessage={Number.isNaN(toNumber(contributions[a.name] ?? '')) ? 'Type an amount, e.g. 1000' : undefined}>
            <Input inputMode="decimal" contentBefore="$" value={contributions[a.name] ?? ''} onChange={(_, d) => setContributions({ ...contributions, [a.name]: d.value })} />
          </Field>
        ))}
        <Field label="Mode">
          <RadioGroup layout="horizontal" value={mode} onChange={(_, d) => setMode(d.value as PlanMode)}>
            <Radio value="Full" label="Full (buy and sell)" />
            <Radio value="BuyOnly" label="Buy only" />
          </RadioGroup>
        </Field>
        <Switch label="Whole shares" checked={wholeShares} onChange={(_, d) => setWholeShares(d.checked)} />
        <Switch label="Tax-aware" checked={taxAware} onChange={(_, d) => setTaxAware(d.checked)} />
        <Field label="Minimum trade" validationMessage={Number.isNaN(toNumber(minTrade)) ? 'Type an amount, e.g. 50' : undefined}>
          <Input inputMode="decimal" contentBefore="$" value={minTrade} onChange={(_, d) => setMinTrade(d.value)} />
        </Field>
      </fieldset>
      <div style={{ display: 'flex', gap: 8 }}>
        <Button appearance="primary" onClick={runDraft} disabled={running || invalid}>
          Draft
        </Button>
        {running && <Button onClick={() => abort.current?.abort()}>Cancel</Button>}
      </div>
      {progress && (
        <Field label="Planner progress" validationMessage={progress.message} validationState="none">
          <ProgressBar value={progress.fraction ?? undefined} />
        </Field>
      )}
      <Notice notice={notice} />
      {draft && draft.from !== inputs && (
        <Notice notice={{ intent: 'warning', text: 'The workbook changed since this draft; draft again before writing it.' }} />
      )}
      {draft && (
        <>
          <TradeList result={draft.result} approved={draft.approved} onApprove={(approved) => onDraft({ ...draft, approved })} />
          <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
            {draft.result.trades.length > 0 && (
              <>
                <Button appearance="primary" onClick={write}>
                  Write to sheet
                </Button>
                <Button onClick={copy}>Copy order list</Button>
              </>
            )}
            <Button onClick={saveValues} disabled={draft.from !== inputs} title="One sheet of plain values, readable without the add-in">
              Save as values
            </Button>
          </div>
        </>
      )}
      {!draft && !running && <Body1>Drafting never trades: you review each trade, then place the approved ones at your broker.</Body1>}
      {dialog}
    </section>
  );
}
