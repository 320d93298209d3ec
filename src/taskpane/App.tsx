/**
 * The task pane: Import, Setup, Drift, Trades, Review and Exposure tabs over the workbook's tables. Every
 * port comes in through props (PaneContext), so the pane runs the same in Excel, in jsdom tests and
 * in the browser walk-through.
 */
import * as React from 'react';
import {
  Caption1,
  FluentProvider,
  Spinner,
  Title3,
  tokens,
  webDarkTheme,
  webLightTheme,
} from '@fluentui/react-components';
import { DraftChoices, DraftPanel, Draft } from './components/DraftPanel';
import { DriftPanel } from './components/DriftPanel';
import { ExposurePanel } from './components/ExposurePanel';
import { ImportPanel } from './components/ImportPanel';
import { NextStep } from './components/NextStep';
import { GoToCell, Notice } from './components/Notice';
import { PaneTab, PaneTabs, tabId } from './components/PaneTabs';
import { ReviewPanel } from './components/ReviewPanel';
import { SetupPanel } from './components/SetupPanel';
import { placeAddress } from './cell-place';
import { PaneContext } from './PaneContext';
import type { PanePorts } from './ports';
import { useWorkbookView } from './use-workbook-view';

type TabName = 'import' | 'setup' | 'drift' | 'trades' | 'review' | 'exposure';
/** In the order of a quarterly review: fresh positions first. */
const TABS: readonly PaneTab<TabName>[] = [
  { value: 'import', label: 'Import' },
  { value: 'setup', label: 'Setup' },
  { value: 'drift', label: 'Drift' },
  { value: 'trades', label: 'Trades' },
  { value: 'review', label: 'Review' },
  { value: 'exposure', label: 'Exposure' },
];

export function App({ ports, dark = false }: { ports: PanePorts; dark?: boolean }): React.JSX.Element {
  return (
    <FluentProvider theme={dark ? webDarkTheme : webLightTheme} data-theme={dark ? 'dark' : 'light'} style={{ minHeight: '100vh', background: tokens.colorNeutralBackground1 }}>
      <PaneContext.Provider value={ports}>
        <Pane ports={ports} />
      </PaneContext.Provider>
    </FluentProvider>
  );
}

function Pane({ ports }: { ports: PanePorts }): React.JSX.Element {
  const [holdingsName, setHoldingsName] = React.useState<string | null>(null);
  const [tab, setTab] = React.useState<TabName | null>(null);
  const [draft, setDraft] = React.useState<Draft | null>(null);
  const [choices, setChoices] = React.useState<DraftChoices | null>(null);
  const [imported, setImported] = React.useState<string | null>(null);
  const { tables, view, failure, refresh } = useWorkbookView(ports, holdingsName);
  // Start where there is something to see: Drift when the household reads cleanly, else Setup; then stay put.
  const selected: TabName = tab ?? (view && view.drift ? 'drift' : 'setup');
  React.useEffect(() => {
    if (tab === null && view) setTab(selected);
  }, [tab, view, selected]);
  const warnings = view?.household?.warnings ?? [];

  // A confirmed import goes straight to Drift (a draft of the old positions no longer applies).
  const afterImport = (message: string) => {
    setImported(message);
    setDraft(null);
    setTab('drift');
    refresh();
  };

  const panel = (): React.ReactNode => {
    if (!view) return <Spinner label="Reading the workbook…" />;
    const setup = () => <SetupPanel tables={tables} view={view} onChooseHoldings={setHoldingsName} onChanged={refresh} />;
    // Import needs only the holdings table: a first-time user may import before choosing targets.
    if (selected === 'import' && view.holdingsTable) return <ImportPanel view={view} onImported={afterImport} />;
    if (view.nextStep) {
      // A first run: what to do next, in every tab; Setup keeps its own buttons below it.
      const step = <NextStep view={{ ...view, nextStep: view.nextStep }} inSetup={selected === 'setup'} onSetup={() => setTab('setup')} onReadAgain={refresh} />;
      return selected === 'setup' ? (
        <div style={{ display: 'grid', gap: 12 }}>
          {step}
          {setup()}
        </div>
      ) : (
        step
      );
    }
    if (selected === 'setup') return setup();
    if (selected === 'import') return <Caption1>Set up the holdings table first: {view.problem}</Caption1>;
    if (!view.drift) {
      // A mistake in a cell is fixed in the workbook, not in Setup; the message above names the cell.
      return <Caption1 data-testid="waiting">This tab shows once the workbook reads cleanly: fix the cell the message above names, and it updates by itself.</Caption1>;
    }
    if (selected === 'drift') return <DriftPanel drift={view.drift} due={view.due} />;
    if (selected === 'trades') return <DraftPanel view={view} draft={draft} onDraft={setDraft} choices={choices} onChoices={setChoices} onChanged={refresh} onReview={() => setTab('review')} />;
    if (selected === 'review') return <ReviewPanel view={view} drift={view.drift} due={view.due} draft={draft} onChanged={refresh} />;
    return <ExposurePanel view={view} />;
  };
  // A mistake in the workbook (not a first-run step) is an error naming its cell, with Go to cell.
  const mistake = view?.problem && !view.nextStep ? view : null;

  return (
    <main style={{ padding: 12, display: 'grid', gap: 12, gridTemplateColumns: 'minmax(0, 1fr)', overflowWrap: 'break-word', color: tokens.colorNeutralForeground1 }}>
      <header>
        <Title3 as="h1" style={{ display: 'block', margin: 0 }}>
          Rebalance
        </Title3>
        <Caption1 as="p" style={{ display: 'block', margin: 0 }}>
          Computed in this workbook; nothing leaves it.
        </Caption1>
      </header>
      <Notice notice={failure ? { intent: 'error', title: 'Cannot read the workbook', text: failure } : null} />
      <Notice notice={imported ? { intent: 'success', title: 'Imported', text: imported } : null} testId="imported" />
      <Notice
        notice={mistake ? { intent: 'error', title: 'Check your data', text: mistake.problem!, cell: mistake.problemPlace && placeAddress(mistake, mistake.problemPlace) } : null}
        testId="problem"
      />
      {warnings.length > 0 && (
        <details>
          <summary>
            {warnings.length} note{warnings.length === 1 ? '' : 's'} about the data
          </summary>
          <ul style={{ margin: '4px 0', paddingLeft: 18 }}>
            {warnings.map((w, i) => {
              // A note about one row offers to go there; one about a whole column or table does not.
              const cell = view && w.row !== null ? placeAddress(view, w) : null;
              return (
                <li key={i}>
                  <Caption1>{w.message}</Caption1> {cell && <GoToCell address={cell} />}
                </li>
              );
            })}
          </ul>
        </details>
      )}
      <PaneTabs
        tabs={TABS}
        selected={selected}
        onSelect={(value) => {
          setImported(null);
          setTab(value);
        }}
        panelId="pane-panel"
      />
      <div role="tabpanel" id="pane-panel" aria-labelledby={tabId(selected)}>
        {panel()}
      </div>
    </main>
  );
}
