/** Renders the whole pane over an in-memory workbook and the given ports. */
import { fireEvent, render, screen } from '@testing-library/react';
import { App } from '../../src/taskpane/App';
import { engineExposure } from '../../src/taskpane/engine-exposure';
import { plannerPort } from '../../src/taskpane/engine-planner';
import { PlannerClient } from '../../src/worker/planner-client';
import { InProcessWorker } from '../support/in-process-worker';
import { DraftCancelled, DraftPort, DraftRequest, DraftResult, PanePorts } from '../../src/taskpane/ports';
import { MemoryWorkbook } from '../support/memory-workbook';

export const TODAY = '2026-11-21';

// jsdom does no layout and has no ResizeObserver; Fluent's TabList only needs one to exist.
class NoLayoutResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
(globalThis as { ResizeObserver?: unknown }).ResizeObserver ??= NoLayoutResizeObserver;

/**
 * Selects a tab the way a user does: directly when it shows, else through the More menu. jsdom does
 * no layout, so Fluent's overflow finds no room and every tab but the selected one is in the menu.
 */
export function selectTab(name: string): void {
  const shown = screen.queryByRole('tab', { name });
  if (shown) {
    fireEvent.click(shown);
    return;
  }
  fireEvent.click(screen.getByRole('tab', { name: /^More tabs/ }));
  fireEvent.click(screen.getByRole('menuitem', { name }));
}

/**
 * A text matcher for a message whose numbers are kept whole in spans of their own (WholeNumbers): the
 * innermost element whose whole text it is, where the default matcher reads only direct text nodes.
 */
export function wholeText(text: string) {
  return (_: string, element: Element | null) => element?.textContent === text && ![...element.children].some((child) => child.textContent === text);
}

export function renderPane(workbook: MemoryWorkbook, ports: Partial<PanePorts> = {}) {
  const all: PanePorts = {
    workbook,
    planner: plannerPort(new PlannerClient(() => new InProcessWorker())),
    exposure: engineExposure,
    clipboard: { writeText: jest.fn(async () => undefined) },
    today: () => TODAY,
    ...ports,
  };
  return { ...render(<App ports={all} />), ports: all };
}

/** A planner the test drives: it records requests and settles when told, or rejects when cancelled. */
export function drivenPlanner() {
  const calls: { request: DraftRequest; signal: AbortSignal; progress: (step: number, m: string) => void; finish: (r: DraftResult) => void; fail: (e: Error) => void }[] = [];
  const port: DraftPort = {
    draft: (request, { onProgress, signal }) =>
      new Promise<DraftResult>((resolve, reject) => {
        signal.addEventListener('abort', () => reject(new DraftCancelled()));
        calls.push({ request, signal, progress: (step, message) => onProgress({ step: { number: step, of: 3 }, message }), finish: resolve, fail: reject });
      }),
  };
  return { port, calls };
}

/** Joint sells 4 VTI and buys 13 BND with the proceeds: a plan shaped as the planner returns it. */
export const JOINT_PLAN: DraftResult = {
  trades: [
    {
      account: 'Joint Taxable',
      ticker: 'VTI',
      action: 'SELL',
      shares: 4,
      price: 250,
      amount: 1000,
      estTax: 64.29,
      reason: 'Sell 4 VTI in Joint Taxable ($1,000): US Stocks is 70.0% vs 60.0% target.',
      lots: [{ acquired: '2019-03-04', shares: 4, basis: 571.43, gain: 428.57, term: 'LT' }],
    },
    {
      account: 'Joint Taxable',
      ticker: 'BND',
      action: 'BUY',
      shares: 13,
      price: 75,
      amount: 975,
      estTax: 0,
      reason: 'Buy 13 BND in Joint Taxable ($975): Bonds is 30.0% vs 40.0% target.',
      lots: [],
    },
  ],
  summary: {
    driftAfter: [
      { class: 'US Stocks', weight: 0.6, target: 0.6, drift: 0 },
      { class: 'Bonds', weight: 0.3975, target: 0.4, drift: -0.0025 },
      { class: 'Cash', weight: 0.0025, target: 0, drift: 0.0025 },
    ],
    totalTax: 64.29,
    tradeCount: 2,
    gap: 0,
  },
  warnings: [],
};

/** The pane on `workbook` with a planner the test drives, read and opened on the Trades tab: where most draft tests start. */
export async function paneOnTrades(workbook: MemoryWorkbook, ports: Partial<PanePorts> = {}) {
  const planner = drivenPlanner();
  const rendered = renderPane(workbook, { planner: planner.port, ...ports });
  await screen.findByTestId('total-value');
  selectTab('Trades');
  return { planner, ...rendered };
}
