/**
 * The task pane: Import, Setup, Drift, Trades, Review and Exposure tabs over the workbook's tables. Every
 * port comes in through props (PaneContext), so the pane runs the same in Excel, in jsdom tests and
 * in the browser walk-through.
 */
import * as React from 'react';
import {
  Caption1,
  FluentProvider,
  MessageBar,
  MessageBarBody,
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
import { PaneTab, PaneTabs, tabId } from './components/PaneTabs';
import { ReviewPanel } from './components/ReviewPanel';
import { SetupPanel } from './components/SetupPanel';
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
    if (selected === 'setup') return <SetupPanel tables={tables} view={view} onChooseHoldings={setHoldingsName} onChanged={refresh} />;
    if (selected === 'import') return view.holdingsTable ? <ImportPanel view={view} onImported={afterImport} /> : <Caption1>Set up the holdings table first: {view.problem}</Caption1>;
    if (!view.drift) {
      // A first-run step sends the user to Setup; a mistake in a cell is fixed in the workbook, not in Setup.
      return view.nextStep ? (
        <Caption1 data-testid="waiting">Finish Setup first: {view.problem}</Caption1>
      ) : (
        <Caption1 data-testid="waiting">This tab shows once the workbook reads cleanly: fix the cell the message above names, and it updates by itself.</Caption1>
      );
    }
    if (selected === 'drift') return <DriftPanel drift={view.drift} due={view.due} />;
    if (selected === 'trades') return <DraftPanel view={view} draft={draft} onDraft={setDraft} choices={choices} onChoices={setChoices} />;
    if (selected === 'review') return <ReviewPanel view={view} drift={view.drift} due={view.due} draft={draft} onChanged={refresh} />;
    return <ExposurePanel view={view} />;
  };

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
      {failure && (
        <MessageBar layout="multiline" intent="error" role="alert">
          <MessageBarBody>{failure}</MessageBarBody>
        </MessageBar>
      )}
      {imported && (
        <MessageBar layout="multiline" intent="success" role="status">
          <MessageBarBody data-testid="imported">{imported}</MessageBarBody>
        </MessageBar>
      )}
      {view?.problem && (
        // A first-run step (no targets chosen yet) is said as the next step, not as an error.
        <MessageBar layout="multiline" intent={view.nextStep ? 'info' : 'error'} role={view.nextStep ? 'status' : 'alert'}>
          <MessageBarBody data-testid="problem">{view.problem}</MessageBarBody>
        </MessageBar>
      )}
      {warnings.length > 0 && (
        <details>
          <summary>
            {warnings.length} note{warnings.length === 1 ? '' : 's'} about the data
          </summary>
          <ul style={{ margin: '4px 0', paddingLeft: 18 }}>
            {warnings.map((w, i) => (
              <li key={i}>
                <Caption1>{w.message}</Caption1>
              </li>
            ))}
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
