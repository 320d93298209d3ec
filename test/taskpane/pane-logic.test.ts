import { viewHousehold } from '../../src/taskpane/household-view';
import { writeOwnSheet } from '../../src/taskpane/own-sheet';
import { computeDrift, readHousehold } from '../../src/engine';
import type { Cell } from '../../src/engine';
import { draftInputsKey, draftTables } from '../../src/taskpane/draft-tables';
import { progressOf } from '../../src/taskpane/engine-planner';
import { describeLargestDrift } from '../../src/taskpane/review-log';
import { describeTrade, orderList, tradesSheetName } from '../../src/taskpane/trade-output';
import { household, lot } from '../support/builders';
import { HOLDINGS, MemoryWorkbook, TARGETS } from '../support/memory-workbook';
import { JOINT_PLAN } from './render-pane';

const read = (w: MemoryWorkbook) => w.readTables();

describe('finding the household’s tables', () => {
  it('takes a table by its name first, then by its sheet’s name, and guesses Holdings by a Ticker header', async () => {
    const w = new MemoryWorkbook()
      .withUserTable('Table1', [['Symbol', 'Market Value'], ['VTI', 100]], 'Positions')
      .withUserTable('Table2', TARGETS, 'targets')
      .withUserTable('Settings', [['Key', 'Value'], ['Band', '4%']], 'Other');
    const view = viewHousehold(await read(w), null, '2026-11-21');
    expect(view.holdingsTable?.name).toBe('Table1');
    expect(view.found.targets?.name).toBe('Table2');
    expect(view.found.settings?.name).toBe('Settings');
    expect(view.household?.settings.band).toBe(0.04);
    expect(view.problem).toBeNull();
  });

  it('uses the table the user chose, and the Settings AsOf over today', async () => {
    const w = new MemoryWorkbook()
      .withUserTable('Holdings', HOLDINGS)
      .withUserTable('Old', [['Ticker', 'Value'], ['VTI', 1]])
      .withUserTable('Targets', [['Class', 'Target'], ['VTI', 1]])
      .withUserTable('Settings', [['Key', 'Value'], ['AsOf', '2025-12-31']]);
    const view = viewHousehold(await read(w), 'Old', '2026-11-21');
    expect(view.holdingsTable?.name).toBe('Old');
    expect(view.asOf).toBe('2025-12-31');
    expect(view.drift?.rows.map((r) => r.label)).toEqual(['VTI']);
  });

  it('on a sheet with several tables, takes the one named for the role and never guesses among the others', async () => {
    const kids = [['Account', 'Ticker', 'Shares', 'Price'], ['Kid 529', 'VTI', 1, 250]];
    const named = new MemoryWorkbook()
      .withUserTable('Kids', kids, 'Holdings')
      .withUserTable('Holdings', HOLDINGS, 'Holdings')
      .withUserTable('Table7', [['Note', 'Amount'], ['x', 1]], 'Targets')
      .withUserTable('Targets', TARGETS, 'Targets');
    const view = viewHousehold(await read(named), null, '2026-11-21');
    expect(view.problem).toBeNull();
    expect([view.holdingsTable?.name, view.found.targets?.name]).toEqual(['Holdings', 'Targets']);

    const unnamed = new MemoryWorkbook().withUserTable('Kids', kids, 'Holdings').withUserTable('Table3', HOLDINGS, 'Holdings').withUserTable('Targets', TARGETS);
    expect(viewHousehold(await read(unnamed), null, '2026-11-21').problem).toBe(
      'The sheet Holdings has 2 tables (Kids at A1:H2, Table3 at A1:H3) and none is named Holdings; name the one to read "Holdings" (Table Design > Table Name).',
    );
    // The table the user picked in Setup is read whatever its sheet holds.
    expect(viewHousehold(await read(unnamed), 'Table3', '2026-11-21').problem).toBeNull();

    const settings = new MemoryWorkbook()
      .withUserTable('Holdings', HOLDINGS)
      .withUserTable('Targets', TARGETS)
      .withUserTable('Table4', [['Key', 'Value'], ['Band', '4%']], 'Settings')
      .withUserTable('Table5', [['Key', 'Value'], ['Band', '9%']], 'Settings');
    const settingsView = viewHousehold(await read(settings), null, '2026-11-21');
    expect(settingsView.problem).toBe(
      'The sheet Settings has 2 tables (Table4 at A1:H2, Table5 at A1:H2) and none is named Settings; name the one to read "Settings" (Table Design > Table Name).',
    );
    expect(settingsView.household).toBeNull();
  });

  it('says what to do when there is no table at all', async () => {
    expect(viewHousehold([], null, '2026-11-21').problem).toMatch(/^No holdings table yet/);
    expect(viewHousehold([], null, '2026-11-21').nextStep).toBe('holdings');
  });
});

describe('the order list', () => {
  it('groups approved trades by account and leaves the rest out; each sell names its lots, as the broker asks', () => {
    const twoLots = { ...JOINT_PLAN.trades[0], lots: [JOINT_PLAN.trades[0].lots[0], { acquired: null, shares: 1.5, basis: null, gain: 0, term: 'ST' as const }] };
    const plan = { ...JOINT_PLAN, trades: [twoLots, JOINT_PLAN.trades[1], { ...JOINT_PLAN.trades[1], account: 'Roth IRA', shares: 2, amount: 150 }] };
    expect(orderList(plan, [true, false, true])).toBe('Joint Taxable:\n  SELL 4 VTI @ $250.00 ($1,000.00)\n    lots: 2019-03-04 × 4; undated × 1.5\n\nRoth IRA:\n  BUY 2 BND @ $75.00 ($150.00)');
    expect(orderList(plan, [false, false, false])).toBe('No approved trades.');
  });

  it('shows shares, a price and an amount in the engine’s forms', () => {
    const trade = { ...JOINT_PLAN.trades[1], shares: 1234.5, price: 0.1235, amount: 152.46 };
    expect(describeTrade(trade)).toBe('BUY 1,234.5 BND @ $0.1235 ($152.46)');
  });
});

describe('numbers in the pane’s own text', () => {
  it('writes the Review Log’s largest drift in signed percentage points with a true minus', () => {
    const under = computeDrift(household({ holdings: [lot('IRA', 'VTI', 30, 100), lot('IRA', 'BND', 70, 100)], targets: { 'US Stocks': 0.6, Bonds: 0.4 } }));
    expect(describeLargestDrift(under)).toBe('US Stocks −30.0 pp');
    const over = computeDrift(household({ holdings: [lot('IRA', 'VTI', 70, 100), lot('IRA', 'BND', 30, 100)], targets: { 'US Stocks': 0.6, Bonds: 0.4 } }));
    expect(describeLargestDrift(over)).toBe('US Stocks +10.0 pp');
  });

  it('names the planner’s step, and says nothing of a solver gap that proves nothing (infinite, unknown, 100% or more)', () => {
    expect(progressOf({ stage: 1, gap: null })).toEqual({ step: { number: 1, of: 3 }, message: 'Step 1 of 3: Finding the plan closest to target…' });
    expect(progressOf({ stage: 2, gap: Infinity }).message).toBe('Step 2 of 3: Cutting tax and trading cost…');
    expect(progressOf({ stage: 2, gap: 1e20 }).message).toBe('Step 2 of 3: Cutting tax and trading cost…');
    expect(progressOf({ stage: 2, gap: NaN }).message).toBe('Step 2 of 3: Cutting tax and trading cost…');
    expect(progressOf({ stage: 2, gap: 0.00125 }).message).toBe('Step 2 of 3: Cutting tax and trading cost… (proven within 0.13%)');
  });
});

describe('writing one of the add-in’s own sheets', () => {
  it('keeps the earlier sheet when the user says no', async () => {
    const w = new MemoryWorkbook();
    const sheet = { name: (n: number) => tradesSheetName('2026-11-21', n), rows: [['first']], content: 'values' as const };
    expect(await writeOwnSheet(w, sheet, async () => false)).toBe('Trades 2026-11-21');
    expect(await writeOwnSheet(w, { ...sheet, rows: [['second']] }, async () => false)).toBeNull();
    expect(w.sheets.get('Trades 2026-11-21')!.rows).toEqual([['first']]);
  });
});

describe('the draft’s choices laid over the workbook’s tables', () => {
  const choices = (accounts: Cell[][] | null) => ({
    tables: { holdings: { name: 'Holdings', cells: HOLDINGS }, targets: { name: 'Targets', cells: TARGETS }, accounts: accounts && { name: 'Accounts', cells: accounts } },
    asOf: '2026-11-21',
    contributions: [
      { account: 'Joint Taxable', amount: 1000 },
      { account: 'Roth IRA', amount: 0 },
    ],
    mode: 'Full' as const,
    wholeShares: true,
    minTrade: 50,
    taxAware: true,
  });

  it('with no Accounts table, cite Holdings for the inferred types, never an Accounts row that is not in the workbook', () => {
    const read = readHousehold(draftTables(choices(null)));
    expect(read.accounts.map((a) => [a.name, a.type, a.contribution])).toEqual([
      ['Joint Taxable', 'Taxable', 100000],
      ['Roth IRA', 'Roth', 0],
    ]);
    expect(read.warnings.filter((w) => w.table === 'Accounts')).toEqual([]);
  });

  it('with an Accounts table that lacks an account, cite only its real rows', () => {
    const read = readHousehold(draftTables(choices([['Account', 'Contribution'], ['Joint Taxable', 5]])));
    expect(read.accounts.find((a) => a.name === 'Joint Taxable')!.contribution).toBe(100000);
    // Joint Taxable (row 2) has no Type: said of row 2; Roth IRA is not in the table, so no row of it is cited.
    expect(read.warnings.filter((w) => w.kind === 'inferredAccountType').map((w) => [w.table, w.row])).toEqual([['Accounts', 2]]);
  });

  it('a draft holds when its contributions are saved into Accounts, not when anything else changes', () => {
    const before = choices([['Account', 'Contribution'], ['Joint Taxable', 5]]);
    const key = draftInputsKey(before.tables, before.asOf, before.contributions);
    const saved = choices([['Account', 'Contribution'], ['Joint Taxable', 1000]]);
    expect(draftInputsKey(saved.tables, saved.asOf, before.contributions)).toBe(key);
    const edited = choices([['Account', 'Contribution', 'Reserve'], ['Joint Taxable', 5, 100]]);
    expect(draftInputsKey(edited.tables, edited.asOf, before.contributions)).not.toBe(key);
  });
});
