/**
 * The task pane in headless Chromium: dist/ served on 127.0.0.1, office.js answered by a test stub
 * holding an in-memory workbook, and a walk through Setup → Drift → Draft → Write → Review that
 * checks what lands in the workbook. Screenshots go to test-output/. Any request that leaves
 * localhost (other than the routed office.js) fails the test.
 */
import { mkdirSync } from 'fs';
import { join } from 'path';
import type { Page } from 'playwright-core';
import { computeDrift, localIsoDate, readHousehold } from '../../src/engine';
import type { Cell, HouseholdTables } from '../../src/engine';
import { draftTables } from '../../src/taskpane/draft-tables';
import { engineExposure } from '../../src/taskpane/engine-exposure';
import { draftResultOf } from '../../src/taskpane/engine-planner';
import type { DraftRequest, DraftResult } from '../../src/taskpane/ports';
import { describeTrade, TRADES_SHEET_HEADER, tradesSheet, tradesSheetRows } from '../../src/taskpane/trade-output';
import { SAVED_EXPOSURE_ROWS, valuesSheet } from '../../src/taskpane/values-sheet';
import { PlannerClient } from '../../src/worker/planner-client';
import { InProcessWorker } from '../support/in-process-worker';
import { EDITED_TARGETS, HOLDINGS_ROWS } from './fixture';
import { paneSession } from './pane-session';

const ROOT = join(__dirname, '..', '..');
const OUT = join(ROOT, 'test-output');

// HiGHS' wasm arrives a second and a half late, as on a slow connection: long enough to press Cancel.
const session = paneSession({ '.wasm': 1500 });

beforeAll(() => mkdirSync(OUT, { recursive: true }));

interface Seed {
  sheets: { name: string; rows: unknown[][]; tables?: string[] }[];
  /** The ExcelApi version the stubbed Excel reports (default 1.16). */
  excelApi?: string;
}

/** What the stub recorded of a sheet's formatting. */
interface Layout {
  formats: (string | null)[][];
  bold: number[];
  widths: Record<string, number>;
  wrapped: Record<string, boolean>;
  fitted: { r0: number; rows: number; c0: number; cols: number } | null;
}

/** Rows as the sheet holds them: a rectangle, blanks as "". */
const asWritten = (rows: Cell[][]) => {
  const width = Math.max(...rows.map((r) => r.length));
  return rows.map((r) => Array.from({ length: width }, (_, c) => r[c] ?? ''));
};

function openPane(seed: Seed, colorScheme: 'light' | 'dark' = 'light'): Promise<Page> {
  return session.browser.open(session.paneUrl, seed, { colorScheme });
}

const workbook = <T>(page: Page, call: string, ...args: unknown[]) =>
  page.evaluate(([c, a]) => (window as unknown as { __workbook: Record<string, (...x: unknown[]) => unknown> }).__workbook[c as string](...(a as unknown[])), [call, args] as const) as Promise<T>;

const TODAY = localIsoDate(new Date());

/** The household's tables as they are in the stubbed workbook now. */
async function tablesInWorkbook(page: Page): Promise<HouseholdTables> {
  const table = async (name: string) => ({ name, cells: await workbook<Cell[][]>(page, 'tableValues', name) });
  return { holdings: await table('Holdings'), targets: await table('Targets'), accounts: await table('Accounts'), settings: await table('Settings') };
}

/** The same draft, planned in Node by the engine from the tables the pane sees in the workbook. */
async function plannedInNode(page: Page, request: Omit<DraftRequest, 'tables'>): Promise<DraftResult> {
  const tables = await tablesInWorkbook(page);
  const plan = await new PlannerClient(() => new InProcessWorker()).draftPlan(draftTables({ ...request, tables }), request.asOf);
  return draftResultOf(plan);
}
const SHEET = `Trades ${TODAY}`;

test('Setup → Drift → Draft → Write → Review on a household that starts with only its holdings', async () => {
  const page = await openPane({ sheets: [{ name: 'Holdings', rows: HOLDINGS_ROWS, tables: ['Holdings'] }] });

  // Setup: the pane opens here because Targets is missing, and shows what it read and inferred.
  await page.getByRole('tab', { name: 'Setup', selected: true }).waitFor();
  expect(await workbook(page, 'customFunctions')).toEqual(['DRIFT', 'DUE', 'EXPOSURE', 'TRADES']);
  await page.getByText('There is no Targets table yet: Create tables, below, makes one listing your classes, for you to type the weights.').waitFor();
  const columns = page.getByRole('table', { name: 'Columns detected in the holdings table' });
  await columns.getByRole('row', { name: 'Value Value' }).waitFor();
  expect(await page.getByRole('combobox', { name: 'Ann Roth IRA' }).inputValue()).toBe('Roth');
  expect(await page.getByRole('combobox', { name: 'Bob 401k' }).inputValue()).toBe('Traditional');
  await page.screenshot({ path: join(OUT, '01-setup.png'), fullPage: true });

  await page.getByRole('button', { name: 'Create Targets, Accounts, Settings tables' }).click();
  await page.getByText(/^Created Targets, Accounts, Settings/).waitFor();
  // Targets lists the classes and leaves the targets to the user; until they are typed the pane says
  // so as the next step, not as an error, and drift claims nothing.
  expect(await workbook(page, 'tableValues', 'Targets')).toEqual([
    ['Class', 'Target', 'Band', 'Buy', 'Note'],
    ['US Stocks', '', '', '', 'type your target'],
    ['Bonds', '', '', '', 'type your target'],
    ['Cash', '', '', '', 'type your target'],
    ['Intl Stocks', '', '', '', 'type your target'],
  ]);
  await page.getByText('Targets, row 2, column Target: no target is filled in yet: type the share you want of each class (US Stocks, Bonds, Cash, Intl Stocks); together they make 100%').waitFor();
  // The next step's button takes the user to the first target to type, in Excel.
  await page.getByRole('button', { name: 'Go to Targets Targets!B2' }).click();
  await page.waitForFunction(() => (window as unknown as { __workbook: { selection(): string | null } }).__workbook.selection() === 'Targets!B2');
  expect(await workbook(page, 'activeSheet')).toBe('Targets');
  expect(await workbook(page, 'tableValues', 'Accounts')).toEqual([
    ['Account', 'Type', 'Owner', 'Contribution', 'Reserve', 'Trade', 'Number'],
    ['Joint Taxable', 'Taxable', '', 0, 0, 'Yes', ''],
    ['Ann Roth IRA', 'Roth', '', 0, 0, 'Yes', ''],
    ['Bob 401k', 'Traditional', '', 0, 0, 'Yes', ''],
  ]);
  expect((await workbook<unknown[][]>(page, 'tableValues', 'Settings')).slice(0, 3)).toEqual([
    ['Key', 'Value', 'Meaning'],
    ['Band', 0.05, 'absolute band, in percentage points'],
    ['RelativeBand', 0.25, 'relative band: out of band when |drift| > min(Band, RelativeBand × target)'],
  ]);

  await page.getByRole('button', { name: 'Insert example formulas' }).click();
  await page.getByText('Example formulas are on the sheet Rebalance Formulas.').waitFor();
  const formulas = await workbook<unknown[][]>(page, 'sheetValues', 'Rebalance Formulas');
  expect(formulas[1]).toEqual(['Review status', '=REBAL.DUE(Holdings[#All], Targets[#All], Settings[#All])']);
  expect(formulas[4][0]).toBe('=REBAL.DRIFT(Holdings[#All], Targets[#All], Settings[#All])');
  // The add-in recorded what it made — and only that.
  const owned = JSON.parse((await workbook<Record<string, string>>(page, 'settings'))['RebalanceInExcel.owned']);
  expect(owned.sheets).toHaveLength(4);
  expect(owned.tables).toHaveLength(3);
  expect(await workbook(page, 'tableValues', 'Holdings')).toEqual(HOLDINGS_ROWS);

  // The user sets 40/30/30 in Excel; the pane follows the change on its own. Keyboard to Drift.
  await workbook(page, 'editTable', 'Targets', EDITED_TARGETS);
  await page.getByRole('tab', { name: 'Setup' }).focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Enter');
  await page.getByRole('tab', { name: 'Drift', selected: true }).waitFor();
  await page.getByText(/^Due: at the quarterly check, US Stocks is 50\.0% vs 40\.0% target \(band ±5\.0%\), and 3 more classes out of band; next check \d{4}-\d{2}-\d{2}$/).waitFor();
  expect(await page.getByTestId('total-value').textContent()).toBe('$50,000.00');
  expect(await page.getByRole('img', { name: /^Drift chart/ }).getAttribute('aria-label')).toBe(
    'Drift chart: 4 classes. Out of band: US Stocks 50.0% vs 40.0%; Bonds 21.6% vs 30.0%; Cash 4.4% vs 0.0%; Intl Stocks 24.0% vs 30.0%.',
  );
  await page.screenshot({ path: join(OUT, '02-drift.png'), fullPage: true });

  // Draft: the real planner in its Web Worker. The solver's first load is slow here, so Cancel stops
  // it; a second draft returns the plan.
  await page.getByRole('tab', { name: 'Trades' }).click();
  await page.getByRole('textbox', { name: 'Contribution to Ann Roth IRA' }).fill('0');
  await page.getByRole('button', { name: 'Draft' }).click();
  await page.getByRole('progressbar').waitFor();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await page.getByText('Draft cancelled. Nothing was changed.').waitFor();
  await page.getByRole('button', { name: 'Draft' }).click();
  await page.getByText('Starting the planner…').waitFor();
  await page.screenshot({ path: join(OUT, '03-drafting.png'), fullPage: true });
  await page.getByRole('group', { name: 'Trades in Joint Taxable' }).waitFor({ timeout: 20000 });

  // What the browser's worker drafted is what the engine plans in Node for the same tables and choices.
  const expected = await plannedInNode(page, {
    asOf: TODAY,
    contributions: ['Joint Taxable', 'Ann Roth IRA', 'Bob 401k'].map((account) => ({ account, amount: 0 })),
    mode: 'Full',
    wholeShares: true,
    minTrade: 50,
    taxAware: true,
  });
  // Checked by hand: US Stocks is $25,000 of $50,000 against 40%, and only Joint Taxable holds any, so
  // it sells 20 VTI from the 2019 lot (basis $150 a share): a $2,000 long-term gain, $300 at 15%.
  expect(expected.trades[0]).toMatchObject({ account: 'Joint Taxable', ticker: 'VTI', action: 'SELL', shares: 20, amount: 5000, estTax: 300 });
  expect(expected.trades[0].lots).toEqual([{ acquired: '2019-03-04', shares: 20, basis: 3000, gain: 2000, term: 'LT' }]);
  const last = expected.trades[expected.trades.length - 1];
  await page.getByRole('checkbox', { name: `Approve ${describeTrade(last)} in ${last.account}` }).uncheck();
  await page.screenshot({ path: join(OUT, '04-trades.png'), fullPage: true });

  // Write: plain values with the Approved column, on a new sheet the add-in owns.
  const approved = expected.trades.map((_, i) => i < expected.trades.length - 1);
  await page.getByRole('button', { name: 'Write to sheet' }).click();
  await page.getByText(`Wrote ${expected.trades.length} trades (${expected.trades.length - 1} approved) to the sheet ${SHEET}.`).waitFor();
  const written = await workbook<unknown[][]>(page, 'sheetValues', SHEET);
  const rows = expected.trades.length + 1;
  expect(written[0]).toEqual(['Account', 'Ticker', 'Action', 'Shares', 'Price', 'Amount', 'Est. tax', 'Lots', 'Reason', 'Approved']);
  expect(written.slice(0, rows)).toEqual(tradesSheetRows(expected, approved, TODAY).slice(0, rows));
  expect(written[1].slice(0, 7)).toEqual(['Joint Taxable', 'VTI', 'SELL', 20, 250, 5000, 300]);
  expect(written[rows - 1][9]).toBe('No');
  expect(written[rows + 1][0]).toMatch(/^Drafted by Rebalance in Excel as of \d{4}-\d{2}-\d{2}\. Place approved orders at your broker/);
  expect(await workbook(page, 'activeSheet')).toBe(SHEET);
  // Whole shares read "20", not "20.": formats per cell; widths fitted to the trades, not the footer.
  const tradesLayout = await workbook<Layout>(page, 'sheetLayout', SHEET);
  const tradesSpec = tradesSheet(expected, approved, TODAY);
  expect(tradesLayout.formats.slice(0, rows).map((r) => r.slice(3, 7))).toEqual(tradesSpec.cellFormats!.map((r, i) => (i === 0 ? ['General', 'General', 'General', 'General'] : r.slice(3, 7))));
  expect(tradesLayout.formats[1][3]).toBe('#,##0');
  expect(tradesLayout.fitted).toEqual({ r0: 0, rows, c0: 0, cols: TRADES_SHEET_HEADER.length });
  expect(tradesLayout.widths).toEqual({ [TRADES_SHEET_HEADER.indexOf('Reason')]: 320 });

  // Writing again asks first.
  await page.getByRole('button', { name: 'Write to sheet' }).click();
  await page.getByRole('alertdialog', { name: `Replace ${SHEET}?` }).getByRole('button', { name: 'Cancel' }).click();
  await page.getByText('Left the earlier trades sheet as it was.').waitFor();

  // Save as values: one sheet of plain values dated by AsOf, the same as the engine gives in Node.
  const VALUES = `Rebalance ${TODAY}`;
  await page.getByRole('button', { name: 'Save as values' }).click();
  await page.getByText(`Saved the drift, the exposure and the approved trades as plain values on the sheet ${VALUES}.`).waitFor();
  const tables = await tablesInWorkbook(page);
  const spec = valuesSheet({
    asOf: TODAY,
    drift: computeDrift(readHousehold(tables)),
    exposure: await engineExposure.exposure({ tables, top: SAVED_EXPOSURE_ROWS }),
    draft: { result: expected, approved },
  });
  const saved = await workbook<unknown[][]>(page, 'sheetValues', VALUES);
  expect(saved).toEqual(asWritten(spec.rows));
  expect(saved).toContainEqual(['Joint Taxable', 'VTI', 'SELL', 20, 250, 5000, 300, expected.trades[0].reason]);
  expect(saved).toContainEqual(['Joint Taxable', 'VTI', '2019-03-04', 20, 3000, 2000, 'LT', '']);
  const savedLayout = await workbook<Layout>(page, 'sheetLayout', VALUES);
  expect(savedLayout.bold).toEqual(spec.boldRows);
  expect(savedLayout.fitted).toEqual({ r0: 0, rows: spec.notesFrom, c0: 0, cols: 8 });
  const width = saved[0].length;
  expect(savedLayout.formats.slice(0, spec.notesFrom)).toEqual(
    spec.rows.slice(0, spec.notesFrom).map((_, r) => Array.from({ length: width }, (__, c) => spec.cellFormats![r]?.[c] ?? 'General')),
  );
  expect(savedLayout.wrapped).toEqual({ 7: true });
  expect(await workbook(page, 'tableValues', 'Holdings')).toEqual(HOLDINGS_ROWS);
  await page.screenshot({ path: join(OUT, '04b-saved-values.png'), fullPage: true });

  // The contribution typed for this quarter is kept for the next in Accounts, the add-in's own table
  // (Setup created it): after a confirmation, only that cell; the draft made before still holds.
  await page.getByRole('textbox', { name: 'Contribution to Joint Taxable' }).fill('1,000');
  await page.getByRole('button', { name: 'Save contributions to Accounts' }).click();
  await page.getByRole('alertdialog', { name: 'Save contributions to Accounts?' }).getByRole('button', { name: 'Save' }).click();
  await page.getByText('Saved the contributions of Joint Taxable $1,000.00 in Accounts.').waitFor();
  expect(await workbook(page, 'tableValues', 'Accounts')).toEqual([
    ['Account', 'Type', 'Owner', 'Contribution', 'Reserve', 'Trade', 'Number'],
    ['Joint Taxable', 'Taxable', '', 1000, 0, 'Yes', ''],
    ['Ann Roth IRA', 'Roth', '', 0, 0, 'Yes', ''],
    ['Bob 401k', 'Traditional', '', 0, 0, 'Yes', ''],
  ]);
  await page.getByRole('button', { name: 'Save contributions to Accounts' }).waitFor({ state: 'detached' });
  expect(await page.getByRole('button', { name: 'Write to sheet' }).isEnabled()).toBe(true);
  await page.screenshot({ path: join(OUT, '04c-contributions-saved.png'), fullPage: true });

  // Review: the log table is created with today's row.
  await page.getByRole('tab', { name: 'Review' }).click();
  await page.getByRole('textbox', { name: 'Note for the log' }).fill('Q4: trimmed US stocks');
  await page.getByRole('button', { name: 'Log review' }).click();
  await page.getByText("Logged today's review in ReviewLog.").waitFor();
  const log = await workbook<unknown[][]>(page, 'tableValues', 'ReviewLog');
  expect(log[0]).toEqual(['Date', 'Total', 'Largest drift', 'Trades approved', 'Est. tax', 'Note']);
  const approvedTax = Math.round(expected.trades.filter((_, i) => approved[i]).reduce((sum, t) => sum + t.estTax, 0) * 100) / 100;
  expect(log[1].slice(1)).toEqual([50000, 'US Stocks +10.0 pp', expected.trades.length - 1, approvedTax, 'Q4: trimmed US stocks']);
  await page.screenshot({ path: join(OUT, '05-review.png'), fullPage: true });
  await page.close();
});

test('the dark theme, on a household that is already set up', async () => {
  const page = await openPane(
    {
      sheets: [
        { name: 'Holdings', rows: HOLDINGS_ROWS, tables: ['Holdings'] },
        { name: 'Targets', rows: [['Class', 'Target', 'Band', 'Buy'], ...EDITED_TARGETS], tables: ['Targets'] },
      ],
    },
    'dark',
  );
  await page.getByRole('tab', { name: 'Drift', selected: true }).waitFor();
  await page.getByTestId('total-value').waitFor();
  const background = await page.evaluate(() => getComputedStyle(document.querySelector('.fui-FluentProvider')!).backgroundColor);
  expect(background).not.toBe('rgb(255, 255, 255)');
  await page.screenshot({ path: join(OUT, '06-drift-dark.png'), fullPage: true });
  await page.getByRole('tab', { name: 'Trades' }).click();
  await page.getByRole('button', { name: 'Draft' }).click();
  await page.getByRole('group', { name: 'Trades in Joint Taxable' }).waitFor({ timeout: 20000 });
  await page.screenshot({ path: join(OUT, '07-trades-dark.png'), fullPage: true });
  // No Accounts table to keep a contribution in for next quarter: the pane offers to create one holding it.
  await page.getByRole('textbox', { name: 'Contribution to Bob 401k' }).fill('500');
  await page.getByRole('button', { name: 'Create Accounts with these contributions' }).click();
  await page.getByText(/^Created Accounts on its own sheet with these contributions/).waitFor();
  expect((await workbook<unknown[][]>(page, 'tableValues', 'Accounts')).map((r) => [r[0], r[1], r[3]])).toEqual([
    ['Account', 'Type', 'Contribution'],
    ['Joint Taxable', 'Taxable', 0],
    ['Ann Roth IRA', 'Roth', 0],
    ['Bob 401k', 'Traditional', 500],
  ]);
  expect(JSON.parse((await workbook<Record<string, string>>(page, 'settings'))['RebalanceInExcel.owned']).tables).toHaveLength(1);
  await page.close();
});

const BROKERS = join(ROOT, 'test', 'fixtures', 'brokers');

test('Import: choose two brokers’ files, preview, confirm; Holdings and Accounts updated, then Drift and the Review Log', async () => {
  const accounts = [
    ['Account', 'Type', 'Number'],
    ['Joint Taxable', 'Taxable', 'Z23456789'],
    ['Ann Roth IRA', 'Roth', ''],
    ['Bob 401k', 'Traditional', ''],
  ];
  const page = await openPane({
    sheets: [
      { name: 'Holdings', rows: HOLDINGS_ROWS, tables: ['Holdings'] },
      { name: 'Targets', rows: [['Class', 'Target', 'Band', 'Buy'], ...EDITED_TARGETS], tables: ['Targets'] },
      { name: 'Accounts', rows: accounts, tables: ['Accounts'] },
    ],
  });
  await page.getByRole('tab', { name: 'Drift', selected: true }).waitFor();
  await page.getByRole('tab', { name: 'Import' }).click();
  await page.getByLabel('Positions files (.csv)').setInputFiles([join(BROKERS, 'fidelity-2025-04.csv'), join(BROKERS, 'schwab-2026.csv')]);

  // The preview: accounts matched or new, and each position added, removed or changed.
  const changes = page.getByRole('table', { name: 'Changes to the holdings' });
  await changes.waitFor();
  expect(await changes.getByRole('columnheader').allInnerTexts()).toEqual(['Change', 'Account', 'Ticker', 'Shares', 'Price']);
  expect((await changes.getByRole('row').allInnerTexts()).slice(1)).toEqual([
    'Changed\tJoint Taxable\tCASH\t$2,200.00 → $2,512.34\t',
    'Changed\tJoint Taxable\tVTI\t100 → 100.5\t$250.00 → $296.53',
    'Added\tIndividual …678\tVXUS\t100\t$67.80',
    'Added\tIndividual …678\tBND\t135\t$72.97',
    'Added\tIndividual …678\tCASH\t$240.05\t',
    'Removed\tJoint Taxable\tBND\t100\t$72.00',
  ]);
  expect(await page.getByRole('list', { name: 'Accounts in the files' }).getByRole('listitem').allInnerTexts()).toEqual([
    'Joint WROS …6789 → Joint Taxable (matched by account number)',
    'Individual …678: new account, type Taxable (inferred from its name)',
  ]);
  await page.screenshot({ path: join(OUT, '08-import-preview.png'), fullPage: true });
  expect(await workbook(page, 'tableValues', 'Holdings')).toEqual(HOLDINGS_ROWS);

  // Confirm from the keyboard; the pane goes straight to Drift.
  await page.getByRole('button', { name: 'Import into Holdings' }).focus();
  await page.keyboard.press('Enter');
  await page.getByRole('tab', { name: 'Drift', selected: true }).waitFor();
  await page.getByText('Imported fidelity-2025-04.csv (Fidelity), schwab-2026.csv (Schwab): 6 changes to Holdings; recorded in ReviewLog.').waitFor();
  expect(await workbook(page, 'tableValues', 'Holdings')).toEqual([
    HOLDINGS_ROWS[0],
    HOLDINGS_ROWS[4],
    HOLDINGS_ROWS[5],
    ['Joint Taxable', 'CASH', 'Cash', '', '', 2500, '', ''],
    ['Joint Taxable', 'CASH', 'Cash', '', '', 12.34, '', ''],
    ['Joint Taxable', 'VTI', 'US Stocks', 100, 296.53, '', 24000, ''],
    ['Joint Taxable', 'VTI', 'US Stocks', 0.5, 296.53, '', 130, ''],
    ['Individual …678', 'VXUS', 'Intl Stocks', 100, 67.8, '', 5500, ''],
    ['Individual …678', 'BND', 'Bonds', 135, 72.97, '', 10125, ''],
    ['Individual …678', 'CASH', 'Cash', '', '', 240.05, '', ''],
  ]);
  expect(await workbook(page, 'tableValues', 'Accounts')).toEqual([...accounts, ['Individual …678', 'Taxable', '...678']]);
  // 12,000 + 3,600 (kept) + 2,512.34 + 29,801.27 (Joint) + 6,780 + 9,850.95 + 240.05 (the new account)
  await page.getByTestId('total-value').filter({ hasText: '$64,784.61' }).waitFor();
  const log = await workbook<unknown[][]>(page, 'tableValues', 'ReviewLog');
  expect(log[1].slice(1, 4)).toEqual([64784.61, expect.stringMatching(/^Bonds .9\.2 pp$/), '']);
  expect(log[1][5]).toBe('Imported positions from fidelity-2025-04.csv (Fidelity), schwab-2026.csv (Schwab)');
  await page.screenshot({ path: join(OUT, '09-imported-drift.png'), fullPage: true });
  await page.close();
});

test('a Stocks cell’s price, read through valuesAsJson where Excel has ExcelApi 1.16, and refused as the error it is elsewhere', async () => {
  /** A Stocks cell as valuesAsJson gives it; Range.values gives its basic value, #VALUE!. */
  const stock = (name: string, price: number) => ({
    type: 'LinkedEntity',
    text: name,
    basicType: 'Error',
    basicValue: '#VALUE!',
    properties: { Price: { type: 'FormattedNumber', basicValue: price, numberFormat: '$#,##0.00' } },
  });
  const holdings = [
    ['Account', 'Ticker', 'Class', 'Shares', 'Price'],
    ['Joint Taxable', 'VTI', 'US Stocks', 100, stock('Vanguard Total Stock Market ETF', 250)],
    ['Joint Taxable', 'BND', 'Bonds', 100, stock('Vanguard Total Bond Market ETF', 72)],
  ];
  const seed = (excelApi: string): Seed => ({
    excelApi,
    sheets: [
      { name: 'Holdings', rows: holdings, tables: ['Holdings'] },
      { name: 'Targets', rows: [['Class', 'Target'], ['US Stocks', 0.6], ['Bonds', 0.4]], tables: ['Targets'] },
    ],
  });
  const m365 = await openPane(seed('1.16'));
  expect(await m365.getByTestId('total-value').textContent()).toBe('$32,200.00');
  await m365.close();

  const older = await openPane(seed('1.15'));
  expect(await older.getByTestId('problem').textContent()).toMatch(/^Holdings, row 2, column Price: the cell holds the error #VALUE!/);
  // Go to cell selects the cell the message names, on its sheet.
  await older.getByRole('button', { name: 'Go to cell Holdings!E2' }).click();
  await older.waitForFunction(() => (window as unknown as { __workbook: { selection(): string | null } }).__workbook.selection() === 'Holdings!E2');
  expect(await workbook(older, 'activeSheet')).toBe('Holdings');
  await older.close();
});
