/**
 * Draft trades: the user's choices for this draft, the planner run through the DraftPort (off the
 * main thread) with progress and Cancel, then the trades by account with an approve box each,
 * "Write to sheet" and "Copy order list".
 */
import * as React from 'react';
import { Body1, Button, Caption1, Field, Input, ProgressBar, Radio, RadioGroup, Subtitle2, Switch, tokens } from '@fluentui/react-components';
import { centsToNumber, formatPlainNumber, Household, MAX_ROW_AMOUNT, MINUS, PlanMode } from '../../engine';
import { draftInputsKey } from '../draft-tables';
import { HouseholdView } from '../household-view';
import { writeOwnSheet } from '../own-sheet';
import { usePorts } from '../PaneContext';
import { DraftCancelled, DraftProgress, DraftResult } from '../ports';
import { orderList, tradesSheet } from '../trade-output';
import { SAVED_EXPOSURE_ROWS, valuesSheet } from '../values-sheet';
import { useConfirm } from './Confirm';
import { errorNotice, errorText, Notice, NoticeState } from './Notice';
import { SaveContributions } from './SaveContributions';
import { TradeList } from './TradeList';
import { VISUALLY_HIDDEN } from './visually-hidden';

export interface Draft {
  readonly result: DraftResult;
  readonly approved: readonly boolean[];
  readonly asOf: string;
  /** The contributions it was drafted with. */
  readonly contributions: readonly { account: string; amount: number }[];
  /** The choices it was drafted with, as text: the pane says when those above have changed since. */
  readonly chosen: string;
  /** The tables it was drafted from, its contributions laid over them: when they have changed since, the draft is stale. */
  readonly from: string;
}

/**
 * The user's choices for a draft. They live as long as the pane (held by App), not as long as the
 * Trades tab: switching to Drift and back keeps them, as it keeps the draft they made.
 */
export interface DraftChoices {
  /** Account name → the contribution as typed. */
  readonly contributions: Readonly<Record<string, string>>;
  readonly mode: PlanMode;
  readonly wholeShares: boolean;
  readonly minTrade: string;
  readonly taxAware: boolean;
}

/** The choices the workbook gives: Accounts' contributions and the Settings. */
export function choicesFromWorkbook(household: Household): DraftChoices {
  const s = household.settings;
  return {
    contributions: Object.fromEntries(household.accounts.map((a) => [a.name, formatPlainNumber(centsToNumber(a.contribution))])),
    mode: s.mode,
    wholeShares: s.wholeShares,
    minTrade: formatPlainNumber(centsToNumber(s.minTrade)),
    taxAware: s.taxAware,
  };
}

interface Props {
  view: HouseholdView;
  draft: Draft | null;
  onDraft: (draft: Draft | null) => void;
  /** Null until the user changes one: then the workbook's. */
  choices: DraftChoices | null;
  onChoices: (choices: DraftChoices) => void;
  /** The workbook changed (contributions saved into Accounts): read it again. */
  onChanged: () => void;
  /** Go to the Review tab (when there is nothing to trade, logging the review is what is left). */
  onReview: () => void;
}

const STALE = 'The workbook changed since this draft; draft again before writing it.';

/** An amount as typed or as the pane wrote it ("$1,000", "−250"), or NaN when it is not one the workbook could hold either. */
const toNumber = (text: string) => {
  const n = Number(text.replace(/[$,\s]/g, '').replace(MINUS, '-'));
  return Number.isFinite(n) && Math.abs(n) <= MAX_ROW_AMOUNT ? n : NaN;
};

export function DraftPanel({ view, draft, onDraft, choices, onChoices, onChanged, onReview }: Props): React.JSX.Element {
  const { planner, workbook, clipboard, exposure } = usePorts();
  const household = view.household!;
  const fromWorkbook = choicesFromWorkbook(household);
  const current = choices ?? fromWorkbook;
  const { mode, wholeShares, minTrade, taxAware } = current;
  // An account added since the choices were made starts at its Accounts contribution.
  const contributions = { ...fromWorkbook.contributions, ...current.contributions };
  const choose = (patch: Partial<DraftChoices>) => onChoices({ ...current, ...patch });
  const [progress, setProgress] = React.useState<DraftProgress | null>(null);
  const [notice, setNotice] = React.useState<NoticeState | null>(null);
  const abort = React.useRef<AbortController | null>(null);
  const tradesRef = React.useRef<HTMLDivElement>(null);
  const copyButton = React.useRef<HTMLButtonElement>(null);
  const actions = React.useRef<HTMLDivElement>(null);
  // The dismiss button goes with its message: focus moves to the bar's first action, not to the page.
  const dismissNotice = () => {
    setNotice(null);
    (actions.current?.querySelector<HTMLButtonElement>('button:not([disabled])') ?? tradesRef.current)?.focus();
  };
  const focusTrades = React.useRef(false);
  React.useEffect(() => {
    if (focusTrades.current && draft && tradesRef.current) {
      focusTrades.current = false;
      // Focus alone scrolls a list taller than the pane to its middle; the user starts reading at its top.
      tradesRef.current.focus({ preventScroll: true });
      tradesRef.current.scrollIntoView({ block: 'start' });
    }
  }, [draft]);
  const [dialog, ask] = useConfirm();

  const amounts = household.accounts.map((a) => ({ account: a.name, amount: toNumber(contributions[a.name] ?? '0') }));
  const invalid = Number.isNaN(toNumber(minTrade)) || amounts.some((a) => Number.isNaN(a.amount));
  const chosen = JSON.stringify([amounts, mode, wholeShares, toNumber(minTrade), taxAware]);

  const runDraft = async () => {
    const controller = new AbortController();
    abort.current = controller;
    setNotice(null);
    setProgress({ step: null, message: 'Starting the planner…' });
    try {
      const result = await planner.draft(
        {
          tables: view.tables!,
          asOf: view.asOf,
          contributions: amounts,
          mode,
          wholeShares,
          minTrade: toNumber(minTrade),
          taxAware,
        },
        { onProgress: setProgress, signal: controller.signal },
      );
      if (controller.signal.aborted) throw new DraftCancelled();
      onDraft({ result, approved: result.trades.map(() => true), asOf: view.asOf, contributions: amounts, chosen, from: draftInputsKey(view.tables!, view.asOf, amounts) });
      // The Draft button was disabled while the planner ran, which drops focus to the page: take it to the trades.
      focusTrades.current = true;
    } catch (e) {
      setNotice(controller.signal.aborted ? { intent: 'info', title: 'Cancelled', text: 'Draft cancelled. Nothing was changed.' } : errorNotice(e, view));
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
      setNotice(
        name
          ? { intent: 'success', title: 'Written', text: `Wrote ${draft.result.trades.length} trades (${approvedCount} approved) to the sheet ${name}.` }
          : { intent: 'info', title: 'Not replaced', text: 'Left the earlier trades sheet as it was.' },
      );
    } catch (e) {
      setNotice(errorNotice(e, view));
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
          ? { intent: 'success', title: 'Saved', text: `Saved the drift, the exposure and the approved trades as plain values on the sheet ${name}.` }
          : { intent: 'info', title: 'Not replaced', text: 'Left the earlier saved sheet as it was.' },
      );
    } catch (e) {
      setNotice(errorNotice(e, view));
    }
  };

  const copy = async () => {
    if (!draft) return;
    if (!draft.approved.some(Boolean)) {
      setNotice({ intent: 'info', title: 'Nothing copied', text: 'No trade is approved yet: tick the trades to place, then copy the order list.' });
      return;
    }
    try {
      await clipboard.writeText(orderList(draft.result, draft.approved));
      setNotice({ intent: 'success', title: 'Copied', text: 'The order list of approved trades is on the clipboard.' });
    } catch (e) {
      setNotice({ intent: 'error', title: 'Not copied', text: `Could not copy: ${errorText(e)}` });
    } finally {
      // Copying may move focus (the fallback selects a hidden text area); it stays on the button the user pressed.
      if (copyButton.current && document.activeElement !== copyButton.current) copyButton.current.focus();
    }
  };

  const running = progress !== null;
  // A draft of tables that have changed since is not what the workbook now says: it cannot be written or copied.
  // What the plan depends on, as text (the Review Log or a trades sheet changing does not make a draft
  // stale): worked out when the tables or the draft change, not on each keystroke.
  const drafted = draft?.contributions ?? null;
  const inputsNow = React.useMemo(() => (drafted ? draftInputsKey(view.tables!, view.asOf, drafted) : null), [view.tables, view.asOf, drafted]);
  const stale = draft !== null && draft.from !== inputsNow;
  const validAmounts = new Map(amounts.filter((a) => !Number.isNaN(a.amount)).map((a) => [a.account, a.amount]));
  const draftWhy = running ? 'The planner is drafting; Cancel stops it.' : invalid ? 'Type an amount in each field marked below.' : null;
  const staleProps = stale ? { disabled: true, 'aria-describedby': 'draft-stale' } : {};
  return (
    <section aria-labelledby="draft-heading" style={{ display: 'grid', gap: 12 }}>
      <Subtitle2 as="h2" id="draft-heading" style={VISUALLY_HIDDEN}>
        Draft trades
      </Subtitle2>
      {/* Fluent's inputs do not read a fieldset's disabled state, so each is disabled itself while the planner runs. */}
      <fieldset style={{ border: 'none', padding: 0, margin: 0, display: 'grid', gap: 8 }} aria-disabled={running || undefined}>
        <legend style={{ fontWeight: 600, marginBottom: 4 }}>New cash per account</legend>
        {household.accounts.map((a) => (
          <Field key={a.name} label={`Contribution to ${a.name}`} validationMessage={Number.isNaN(toNumber(contributions[a.name] ?? '')) ? 'Type an amount, e.g. 1000' : undefined}>
            <Input
              inputMode="decimal"
              contentBefore="$"
              value={contributions[a.name] ?? ''}
              disabled={running}
              onChange={(_, d) => choose({ contributions: { ...contributions, [a.name]: d.value } })}
            />
          </Field>
        ))}
        <SaveContributions view={view} household={household} amounts={validAmounts} onChanged={onChanged} disabled={running} />
        <Field label="Mode">
          <RadioGroup layout="horizontal" value={mode} disabled={running} onChange={(_, d) => choose({ mode: d.value as PlanMode })}>
            <Radio value="Full" label="Full (buy and sell)" />
            <Radio value="BuyOnly" label="Buy only" />
          </RadioGroup>
        </Field>
        <Switch label="Whole shares" checked={wholeShares} disabled={running} onChange={(_, d) => choose({ wholeShares: d.checked })} />
        <Switch label="Tax-aware" checked={taxAware} disabled={running} onChange={(_, d) => choose({ taxAware: d.checked })} />
        <Field label="Minimum trade" validationMessage={Number.isNaN(toNumber(minTrade)) ? 'Type an amount, e.g. 50' : undefined}>
          <Input inputMode="decimal" contentBefore="$" value={minTrade} disabled={running} onChange={(_, d) => choose({ minTrade: d.value })} />
        </Field>
      </fieldset>
      <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap', alignItems: 'center' }}>
        <Button appearance="primary" onClick={runDraft} disabled={draftWhy !== null} aria-describedby={draftWhy ? 'draft-why' : undefined}>
          Draft
        </Button>
        {running && <Button onClick={() => abort.current?.abort()}>Cancel</Button>}
        {draftWhy && <Caption1 id="draft-why">{draftWhy}</Caption1>}
      </div>
      {draft && !running && draft.chosen !== chosen && (
        <Caption1 data-testid="choices-changed">The trades below were drafted with other choices than those above; Draft again to use these.</Caption1>
      )}
      {progress && (
        // How long each step takes is not known beforehand: the bar says "working", the text says which step.
        <Field label="Planner progress" validationMessage={progress.message} validationState="none">
          <ProgressBar aria-valuetext={progress.message} />
        </Field>
      )}
      {!draft && <Notice notice={notice} />}
      {stale && (
        <div id="draft-stale">
          <Notice notice={{ intent: 'warning', title: 'Out of date', text: STALE }} />
        </div>
      )}
      {draft && (
        <>
          <div ref={tradesRef} tabIndex={-1} aria-label="Drafted trades" role="region" style={{ outline: 'none' }}>
            {draft.result.trades.length === 0 ? (
              <NothingToTrade note={draft.result.summary.note} warnings={draft.result.warnings} onReview={onReview} />
            ) : (
              <TradeList result={draft.result} approved={draft.approved} onApprove={(approved) => onDraft({ ...draft, approved })} />
            )}
          </div>
          {/* The actions stay in reach at the bottom of the pane however long the list, and what they did is said beside them. */}
          {(draft.result.trades.length > 0 || notice) && (
            <div
              role="group"
              aria-label="Draft actions"
              style={{ position: 'sticky', bottom: 0, display: 'grid', gap: 8, padding: '8px 0', background: tokens.colorNeutralBackground1, borderTop: `1px solid ${tokens.colorNeutralStroke2}` }}
            >
              {/* Dismissable: in a 225-px pane (200% zoom) the bar with a message covers a good part of the list. */}
              <Notice notice={notice} onDismiss={dismissNotice} />
              <div ref={actions} style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
                {draft.result.trades.length > 0 && (
                  <>
                    <Button appearance="primary" onClick={write} {...staleProps}>
                      Write to sheet
                    </Button>
                    <Button ref={copyButton} onClick={copy} {...staleProps}>
                      Copy order list
                    </Button>
                  </>
                )}
              </div>
            </div>
          )}
          {/* Not in the sticky bar: a 225-px pane (200% zoom) stacks each button on a line, and the bar would cover half of it. */}
          <div>
            <Button onClick={saveValues} {...staleProps} title={stale ? undefined : 'One sheet of plain values, readable without the add-in'}>
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

/** A draft with no trades: why, and what is left to do (log the review). */
function NothingToTrade({ note, warnings, onReview }: { note?: string; warnings: readonly string[]; onReview: () => void }): React.JSX.Element {
  return (
    <div data-testid="nothing-to-trade" style={{ display: 'grid', gap: 8, padding: 12, borderRadius: tokens.borderRadiusMedium, background: tokens.colorNeutralBackground2 }}>
      <Subtitle2 as="h3" style={{ margin: 0 }}>
        Nothing to trade
      </Subtitle2>
      <Body1>{note ?? 'No trades are needed.'}</Body1>
      {warnings.map((w) => (
        <Caption1 key={w}>⚠ {w}</Caption1>
      ))}
      <div>
        <Button appearance="primary" onClick={onReview}>
          Log this review
        </Button>
      </div>
    </div>
  );
}
