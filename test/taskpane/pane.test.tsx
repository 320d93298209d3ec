/**
 * @jest-environment jsdom
 */
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { computeDrift, driftSpill, readHousehold } from '../../src/engine';
import { HOLDINGS, MemoryWorkbook, SETTINGS, TARGETS } from '../support/memory-workbook';
import { drivenPlanner, JOINT_PLAN, paneOnTrades, renderPane, selectTab, TODAY, wholeText } from './render-pane';

// Whole-pane renders under jsdom take a second or two each; leave room on a loaded CI machine.
jest.setTimeout(20000);

const household = () => new MemoryWorkbook().withUserTable('Holdings', HOLDINGS).withUserTable('Targets', TARGETS).withUserTable('Settings', SETTINGS);
const tab = selectTab;

describe('the task pane', () => {
  it('opens on Drift: the total, the rule’s verdict, and each class marked in or out of band', async () => {
    renderPane(household());
    expect(await screen.findByTestId('total-value')).toHaveProperty('textContent', '$10,000.00');
    expect(screen.getByTestId('due-text').textContent).toBe(
      'Due: US Stocks is 70.0% vs 60.0% target (band ±5.0%), and 1 more class out of band; next check 2027-02-21',
    );
    const chart = screen.getByRole('img', { name: /Drift chart/ });
    expect(chart.getAttribute('aria-label')).toBe('Drift chart: 2 classes. Out of band: US Stocks 70.0% vs 60.0%; Bonds 30.0% vs 40.0%.');
    expect([...chart.querySelectorAll('[data-class]')].map((g) => [g.getAttribute('data-class'), g.getAttribute('data-status')])).toEqual([
      ['US Stocks', 'Over'],
      ['Bonds', 'Under'],
    ]);
    expect(within(chart).getByText('▲ Over')).toBeTruthy();
  });

  it('refreshes when the holdings table changes in Excel', async () => {
    const workbook = household();
    renderPane(workbook);
    await screen.findByTestId('total-value');
    act(() => workbook.edit('Holdings', [HOLDINGS[0], ['Joint Taxable', 'VTI', 'US Stocks', 24, 250, 4000, '2019-03-04'], ['Roth IRA', 'BND', 'Bonds', 53.34, 75, null, null]]));
    await waitFor(() => expect(screen.getByTestId('total-value').textContent).toBe('$10,000.50'));
    expect(screen.getByTestId('due-text').textContent).toMatch(/^Not due: every class is within its band/);
  });

  it('shows a user’s mistake with the table, row and column, instead of a drift', async () => {
    renderPane(new MemoryWorkbook().withUserTable('Holdings', [HOLDINGS[0], ['Joint', 'VTI', 'US Stocks', 'ten', 250, null, null]]).withUserTable('Targets', TARGETS));
    expect((await screen.findByTestId('problem')).textContent).toBe('Holdings, row 2, column Shares: "ten" is not a number');
    expect(screen.getByRole('tab', { name: 'Setup', selected: true })).toBeTruthy();
    // A typo is not a Setup step: the Drift tab says to fix the cell, not to finish Setup.
    tab('Drift');
    expect(screen.getByTestId('waiting').textContent).toBe('This tab shows once the workbook reads cleanly: fix the cell the message above names, and it updates by itself.');
  });
});

describe('Setup', () => {
  it('shows how each column is read and each account type was inferred, and creates the missing tables with the user’s corrections', async () => {
    const workbook = new MemoryWorkbook().withUserTable('Positions', [['Account Name', 'Symbol', 'Asset Class', 'Qty', 'Last Price', 'Notes'], ['Joint', 'VTI', 'US Stocks', 30, 200], ['Ann IRA', 'BND', 'Bonds', 50, 80]]);
    renderPane(workbook);
    const columns = await screen.findByRole('table', { name: 'Columns detected in the holdings table' });
    expect(within(columns).getAllByRole('row').map((r) => r.textContent)).toEqual([
      'Your columnRead as',
      'Account NameAccount',
      'SymbolTicker',
      'Asset ClassClass',
      'QtyShares',
      'Last PricePrice',
      'Notesignored',
    ]);
    const joint = screen.getByRole('combobox', { name: 'Joint' }) as HTMLSelectElement;
    expect(joint.value).toBe('Taxable');
    expect((screen.getByRole('combobox', { name: 'Ann IRA' }) as HTMLSelectElement).value).toBe('Traditional');
    fireEvent.change(joint, { target: { value: 'HSA' } });
    // Targets start blank unless the user asks for today's weights: a first draft must not say "all is well".
    expect((screen.getByRole('radio', { name: /^Blank: I type my targets/ }) as HTMLInputElement).checked).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Create Targets, Accounts, Settings tables' }));
    await screen.findByText(/^Created Targets, Accounts, Settings on their own sheets\. Edit them like any Excel table\. Next: type your target for each class in Targets/);
    expect(workbook.table('Targets')!.values).toEqual([
      ['Class', 'Target', 'Band', 'Buy', 'Note'],
      ['US Stocks', null, null, null, 'type your target'],
      ['Bonds', null, null, null, 'type your target'],
    ]);
    // The pane says what to do next, not as an error, with a button that takes the user to the first target to type.
    const next = await screen.findByTestId('problem');
    expect(next.textContent).toMatch(/no target is filled in yet: type the share you want of each class \(US Stocks, Bonds\)/);
    expect(next.closest('[role="alert"]')).toBeNull();
    expect(within(screen.getByTestId('next-step')).getByRole('heading').textContent).toBe('Next: type your targets');
    fireEvent.click(screen.getByRole('button', { name: 'Go to Targets Targets!B2' }));
    await waitFor(() => expect(workbook.selected).toEqual(['Targets!B2']));
    act(() => workbook.edit('Targets', [['Class', 'Target', 'Band', 'Buy', 'Note'], ['US Stocks', 0.6, null, null, null], ['Bonds', 0.4, null, null, null]]));
    await waitFor(() => expect(screen.queryByTestId('problem')).toBeNull());
    expect(workbook.table('Accounts')!.values.slice(1).map((r) => r.slice(0, 2))).toEqual([
      ['Joint', 'HSA'],
      ['Ann IRA', 'Traditional'],
    ]);
    expect(workbook.table('Settings')!.ours).toBe(true);
    expect(workbook.table('Positions')!.ours).toBe(false);
    // with Targets in place the pane reads the household and offers formulas over the user's table names
    fireEvent.click(await screen.findByRole('button', { name: 'Insert example formulas' }));
    await screen.findByText('Example formulas are on the sheet Rebalance Formulas.');
    expect(workbook.sheets.get('Rebalance Formulas')!.rows[1]).toEqual(['Review status', '=REBAL.DUE(Positions[#All], Targets[#All], Settings[#All])']);
    expect(workbook.sheets.get('Rebalance Formulas')!.content).toBe('formulas');
  });

  it('starts Targets at today’s weights when asked, and Drift says so until they are changed', async () => {
    const workbook = new MemoryWorkbook().withUserTable('Holdings', HOLDINGS);
    renderPane(workbook);
    fireEvent.click(await screen.findByRole('radio', { name: /^Today's weights/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Create Targets, Accounts, Settings tables' }));
    await screen.findByText(/Targets start at today's weights, so nothing drifts until you change them/);
    expect(workbook.table('Targets')!.values.slice(1).map((r) => [r[0], r[1], r[4]])).toEqual([
      ['US Stocks', 0.7, "today's weight: change it to your target"],
      ['Bonds', 0.3, "today's weight: change it to your target"],
    ]);
    tab('Drift');
    expect((await screen.findByTestId('targets-are-today')).textContent).toMatch(/^Your targets are today's weightsso nothing drifts yet\./);
    act(() => workbook.edit('Targets', [['Class', 'Target', 'Band', 'Buy', 'Note'], ['US Stocks', 0.6, null, null, null], ['Bonds', 0.4, null, null, null]]));
    await waitFor(() => expect(screen.queryByTestId('targets-are-today')).toBeNull());
  });

  it('never creates a table over a sheet of the user’s, and says so', async () => {
    const workbook = new MemoryWorkbook().withUserTable('Holdings', HOLDINGS).withUserSheet('Targets', [['my notes']]);
    renderPane(workbook);
    fireEvent.click(await screen.findByRole('button', { name: 'Create Targets, Accounts, Settings tables' }));
    await waitFor(() => expect(screen.getAllByRole('alert').map((a) => a.textContent)).toContain('Could not finisha sheet called Targets already exists'));
    expect(workbook.sheets.get('Targets')!.rows).toEqual([['my notes']]);
    expect(workbook.table('Targets')).toBeUndefined();
  });
});

describe('Funds that span classes (Mix)', () => {
  const withTargetDate = () =>
    new MemoryWorkbook()
      .withUserTable('Holdings', [
        ['Account', 'Ticker', 'Class', 'Shares', 'Price'],
        ['Joint', 'VTI', 'US Stocks', 10, 250],
        ['Joint', 'BND', 'Bonds', 20, 75],
        ['Alex 401k', 'VFIFX', 'Mixed', 33, 57.62],
      ])
      .withUserTable('Targets', [['Class', 'Target'], ['US Stocks', 0.6], ['Intl Stocks', 0.25], ['Bonds', 0.15]])
      .withUserTable('Settings', SETTINGS);

  it('Setup offers a Mix table for a fund whose Class says Mixed, with the weights to fill in; drift changes only once they are', async () => {
    const workbook = withTargetDate();
    renderPane(workbook);
    await screen.findByTestId('total-value');
    tab('Setup');
    expect((await screen.findByText(/looks like a fund that span/)).textContent).toMatch(/^VFIFX looks like a fund that span classes/);
    fireEvent.click(screen.getByRole('button', { name: 'Create Mix table' }));
    await screen.findByText(/^Created Mix\. Fill in each fund's weights/);
    expect(workbook.table('Mix')!.values).toEqual([
      ['Ticker', 'Class', 'Weight'],
      ['VFIFX', 'US Stocks', null],
      ['VFIFX', 'Intl Stocks', null],
      ['VFIFX', 'Bonds', null],
    ]);
    expect(workbook.table('Mix')!.ours).toBe(true);
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Create Mix table' })).toBeNull());
    tab('Drift');
    // Rows without weights change nothing yet: VFIFX is still the untargeted class Mixed.
    expect((await screen.findByRole('table', { name: 'Drift by class' })).textContent).toContain('Mixed');
    expect(screen.queryByTestId('mix-notes')).toBeNull();
    act(() => workbook.edit('Mix', [['Ticker', 'Class', 'Weight'], ['VFIFX', 'US Stocks', 0.54], ['VFIFX', 'Intl Stocks', 0.36], ['VFIFX', 'Bonds', 0.1]]));
    const notes = await screen.findByTestId('mix-notes');
    expect([...notes.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      'US Stocks: $1,026.79 of $3,526.79 (29.1%) is in VFIFX',
      'Intl Stocks: $684.52 of $684.52 (100.0%) is in VFIFX',
      'Bonds: $190.15 of $1,690.15 (11.3%) is in VFIFX',
      'VFIFX counts as 54% US Stocks, 36% Intl Stocks and 10% Bonds (from Mix)',
    ]);
  });

  it('Setup pre-fills a mix derived through Funds, and Drift says it is derived', async () => {
    const workbook = withTargetDate()
      .withUserTable('Funds', [['Fund', 'Holding', 'Weight'], ['VFIFX', 'VTI', 0.54], ['VFIFX', 'VXUS', 0.36], ['VFIFX', 'BND', 0.1]]);
    // VXUS gets a class from a zero-share row, so every holding of VFIFX has one.
    workbook.edit('Holdings', [
      ['Account', 'Ticker', 'Class', 'Shares', 'Price'],
      ['Joint', 'VTI', 'US Stocks', 10, 250],
      ['Joint', 'BND', 'Bonds', 20, 75],
      ['Joint', 'VXUS', 'Intl Stocks', 0, 61.05],
      ['Alex 401k', 'VFIFX', 'Mixed', 33, 57.62],
    ]);
    renderPane(workbook);
    const notes = await screen.findByTestId('mix-notes');
    expect(notes.textContent).toContain('VFIFX counts as 54% US Stocks, 36% Intl Stocks and 10% Bonds (derived through Funds; check it, or list it in Mix)');
    tab('Setup');
    fireEvent.click(await screen.findByRole('button', { name: 'Create Mix table' }));
    await screen.findByText(/^Created Mix with the weights derived through Funds/);
    expect(workbook.table('Mix')!.values.slice(1)).toEqual([
      ['VFIFX', 'US Stocks', 0.54],
      ['VFIFX', 'Intl Stocks', 0.36],
      ['VFIFX', 'Bonds', 0.1],
    ]);
  });
});

describe('Draft, approve and write', () => {
  it('drafts off the main thread with progress, and Cancel stops it without changing anything', async () => {
    const { planner } = await paneOnTrades(household());
    fireEvent.change(screen.getByRole('textbox', { name: 'Contribution to Roth IRA' }), { target: { value: '1,500' } });
    fireEvent.click(screen.getByRole('button', { name: 'Draft' }));
    expect(planner.calls[0].request.contributions).toEqual([
      { account: 'Joint Taxable', amount: 0 },
      { account: 'Roth IRA', amount: 1500 },
    ]);
    expect(planner.calls[0].request).toMatchObject({ asOf: '2026-11-21', mode: 'Full', wholeShares: true, minTrade: 50, taxAware: true });
    act(() => planner.calls[0].progress(0.4, 'Repairing to whole shares…'));
    expect(screen.getByRole('progressbar', { name: 'Planner progress' })).toBeTruthy();
    expect(screen.getByText('Repairing to whole shares…')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(planner.calls[0].signal.aborted).toBe(true);
    expect((await screen.findByRole('status')).textContent).toBe('CancelledDraft cancelled. Nothing was changed.');
    expect(screen.queryByRole('progressbar')).toBeNull();
  });

  it('keeps the choices when the user switches tabs and comes back, and drafts with them', async () => {
    const { planner } = await paneOnTrades(household());
    fireEvent.change(screen.getByRole('textbox', { name: 'Contribution to Roth IRA' }), { target: { value: '2,000' } });
    fireEvent.click(screen.getByRole('radio', { name: 'Buy only' }));
    fireEvent.click(screen.getByRole('switch', { name: 'Whole shares' }));
    tab('Drift');
    await screen.findByTestId('total-value');
    tab('Trades');
    expect((screen.getByRole('textbox', { name: 'Contribution to Roth IRA' }) as HTMLInputElement).value).toBe('2,000');
    expect((screen.getByRole('radio', { name: 'Buy only' }) as HTMLInputElement).checked).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Draft' }));
    expect(planner.calls[0].request).toMatchObject({ mode: 'BuyOnly', wholeShares: false });
    expect(planner.calls[0].request.contributions).toContainEqual({ account: 'Roth IRA', amount: 2000 });
  });

  it('will not write or copy a draft of tables that have changed since', async () => {
    const workbook = household();
    const { planner } = await paneOnTrades(workbook);
    fireEvent.click(screen.getByRole('button', { name: 'Draft' }));
    act(() => planner.calls[0].finish(JOINT_PLAN));
    await screen.findByRole('group', { name: 'Trades in Joint Taxable' });
    expect(screen.getByRole('button', { name: 'Write to sheet' })).toHaveProperty('disabled', false);
    act(() => workbook.edit('Holdings', [HOLDINGS[0], HOLDINGS[1]]));
    await screen.findByText('The workbook changed since this draft; draft again before writing it.');
    for (const name of ['Write to sheet', 'Copy order list', 'Save as values']) expect(screen.getByRole('button', { name })).toHaveProperty('disabled', true);
  });

  it('lists trades by account with reasons; writes all of them with Approved Yes/No; asks before replacing its own sheet', async () => {
    const planner = drivenPlanner();
    const workbook = household();
    const { ports } = renderPane(workbook, { planner: planner.port });
    await screen.findByTestId('total-value');
    tab('Trades');
    fireEvent.click(screen.getByRole('button', { name: 'Draft' }));
    act(() => planner.calls[0].finish(JOINT_PLAN));
    const joint = await screen.findByRole('group', { name: 'Trades in Joint Taxable' });
    // Focus goes to the trades, not to the page (the Draft button was disabled while it ran).
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('region', { name: 'Drafted trades' })));
    expect(within(joint).getByText(/Sell 4 VTI in Joint Taxable/)).toBeTruthy();
    expect(screen.getByText(/2 trades · est\. tax \$64\.29/)).toBeTruthy();
    fireEvent.click(screen.getByRole('checkbox', { name: 'Approve BUY 13 BND @ $75.00 ($975.00) in Joint Taxable' }));

    fireEvent.click(screen.getByRole('button', { name: 'Write to sheet' }));
    await screen.findByText(wholeText(`Wrote 2 trades (1 approved) to the sheet Trades ${TODAY}.`));
    const written = workbook.sheets.get(`Trades ${TODAY}`)!;
    expect(written.content).toBe('values');
    expect(written.rows.slice(0, 3)).toEqual([
      ['Account', 'Ticker', 'Action', 'Shares', 'Price', 'Amount', 'Est. tax', 'Lots', 'Reason', 'Approved'],
      ['Joint Taxable', 'VTI', 'SELL', 4, 250, 1000, 64.29, '2019-03-04 × 4', JOINT_PLAN.trades[0].reason, 'Yes'],
      ['Joint Taxable', 'BND', 'BUY', 13, 75, 975, 0, '', JOINT_PLAN.trades[1].reason, 'No'],
    ]);

    fireEvent.click(screen.getByRole('button', { name: 'Copy order list' }));
    await waitFor(() => expect(ports.clipboard.writeText).toHaveBeenCalledWith('Joint Taxable:\n  SELL 4 VTI @ $250.00 ($1,000.00)\n    lots: 2019-03-04 × 4'));

    fireEvent.click(screen.getByRole('checkbox', { name: /Approve BUY 13 BND/ }));
    const write = screen.getByRole('button', { name: 'Write to sheet' });
    write.focus();
    fireEvent.click(write);
    // The question that replaces a sheet opens on Cancel, and Cancel hands focus back to the button.
    let dialog = await screen.findByRole('alertdialog', { name: `Replace Trades ${TODAY}?` });
    await waitFor(() => expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Cancel' })));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(document.activeElement).toBe(write));
    fireEvent.click(write);
    dialog = await screen.findByRole('alertdialog', { name: `Replace Trades ${TODAY}?` });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Replace' }));
    await screen.findByText(wholeText(`Wrote 2 trades (2 approved) to the sheet Trades ${TODAY}.`));
    expect(workbook.sheets.get(`Trades ${TODAY}`)!.rows[2][9]).toBe('Yes');

    // Nothing approved: the order list is not copied, and the pane says why instead of "copied".
    for (const box of screen.getAllByRole('checkbox', { name: /^Approve / })) if ((box as HTMLInputElement).checked) fireEvent.click(box);
    (ports.clipboard.writeText as jest.Mock).mockClear();
    fireEvent.click(screen.getByRole('button', { name: 'Copy order list' }));
    await screen.findByText('No trade is approved yet: tick the trades to place, then copy the order list.');
    expect(ports.clipboard.writeText).not.toHaveBeenCalled();
  });

  it('dates what it writes by AsOf, and saves the review as one sheet of plain values', async () => {
    const planner = drivenPlanner();
    const settings = [['Key', 'Value'], ['Rule', 'Threshold'], ['AsOf', '2026-10-01']];
    const workbook = new MemoryWorkbook().withUserTable('Holdings', HOLDINGS).withUserTable('Targets', TARGETS).withUserTable('Settings', settings);
    renderPane(workbook, { planner: planner.port });
    await screen.findByTestId('total-value');
    tab('Trades');
    fireEvent.click(screen.getByRole('button', { name: 'Draft' }));
    act(() => planner.calls[0].finish(JOINT_PLAN));
    fireEvent.click(await screen.findByRole('checkbox', { name: /Approve BUY 13 BND/ }));

    fireEvent.click(screen.getByRole('button', { name: 'Write to sheet' }));
    await screen.findByText(wholeText('Wrote 2 trades (1 approved) to the sheet Trades 2026-10-01.'));
    const trades = workbook.sheets.get('Trades 2026-10-01')!;
    expect(trades.rows[trades.rows.length - 1][0]).toMatch(/as of 2026-10-01\./);
    expect(trades.layout?.notesFrom).toBe(3);

    fireEvent.click(screen.getByRole('button', { name: 'Save as values' }));
    await screen.findByText(wholeText('Saved the drift, the exposure and the approved trades as plain values on the sheet Rebalance 2026-10-01.'));
    const saved = workbook.sheets.get('Rebalance 2026-10-01')!;
    expect(saved.content).toBe('values');
    const spill = driftSpill(computeDrift(readHousehold({ holdings: { name: 'Holdings', cells: HOLDINGS }, targets: { name: 'Targets', cells: TARGETS }, settings: { name: 'Settings', cells: settings } })));
    const drift = saved.rows.findIndex((r) => r[0] === 'Drift');
    expect(saved.rows.slice(drift + 1, drift + 1 + spill.length)).toEqual(spill);
    expect(saved.rows).toContainEqual(['Joint Taxable', 'VTI', 'SELL', 4, 250, 1000, 64.29, JOINT_PLAN.trades[0].reason]);
    expect(saved.rows.some((r) => r[1] === 'BND' && r[2] === 'BUY')).toBe(false);
    expect(saved.rows).toContainEqual(['Joint Taxable', 'VTI', '2019-03-04', 4, 571.43, 428.57, 'LT']);
    expect(workbook.sheets.get('Holdings')!.rows).toEqual(HOLDINGS);
  });

  it('steps around a user’s sheet that already has the name', async () => {
    const planner = drivenPlanner();
    const workbook = household().withUserTable('Mine', [['x']], `Trades ${TODAY}`);
    renderPane(workbook, { planner: planner.port });
    await screen.findByTestId('total-value');
    tab('Trades');
    fireEvent.click(screen.getByRole('button', { name: 'Draft' }));
    act(() => planner.calls[0].finish(JOINT_PLAN));
    fireEvent.click(await screen.findByRole('button', { name: 'Write to sheet' }));
    await screen.findByText(wholeText(`Wrote 2 trades (2 approved) to the sheet Trades ${TODAY} (2).`));
    expect(workbook.sheets.get(`Trades ${TODAY}`)!.rows).toEqual([['x']]);
  });

  it('drafts with the real planner: the pane shows the trades and reasons it returns', async () => {
    renderPane(household());
    await screen.findByTestId('total-value');
    tab('Trades');
    fireEvent.click(screen.getByRole('button', { name: 'Draft' }));
    // VTI is $7,000 (70%) in Joint Taxable, BND $3,000 (30%) in the Roth against 60/40. The Roth holds
    // no US Stocks to trim, so Joint Taxable sells VTI and buys BND with the proceeds.
    const group = await screen.findByRole('group', { name: 'Trades in Joint Taxable' }, { timeout: 15000 });
    expect(within(group).getByText(/^Sell \d+ VTI in Joint Taxable/)).toBeTruthy();
    expect(within(group).getByText(/^Buy \d+ BND in Joint Taxable/)).toBeTruthy();
  });
});

describe('Review', () => {
  it('logs the review in a Review Log table it creates, then appends to it', async () => {
    const workbook = household();
    const { planner } = await paneOnTrades(workbook);
    fireEvent.click(screen.getByRole('button', { name: 'Draft' }));
    act(() => planner.calls[0].finish(JOINT_PLAN));
    await screen.findByRole('group', { name: 'Trades in Joint Taxable' });
    tab('Review');
    fireEvent.change(screen.getByRole('textbox', { name: 'Note for the log' }), { target: { value: 'Q4 review' } });
    fireEvent.click(screen.getByRole('button', { name: 'Log review' }));
    await screen.findByText("Logged today's review in ReviewLog.");
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Log review' })));
    expect(workbook.table('ReviewLog')!.values).toEqual([
      ['Date', 'Total', 'Largest drift', 'Trades approved', 'Est. tax', 'Note'],
      [46347, 10000, 'US Stocks +10.0 pp', 2, 64.29, 'Q4 review'],
    ]);
    await waitFor(() => expect(screen.getByRole('button', { name: 'Log review' })).toHaveProperty('disabled', false));
    fireEvent.click(screen.getByRole('button', { name: 'Log review' }));
    await waitFor(() => expect(workbook.table('ReviewLog')!.values).toHaveLength(3));
    expect(workbook.sheets.get('Review Log')!.ours).toBe(true);
    // logging the review (a refresh) leaves the draft standing; an edit to Holdings makes it stale
    tab('Trades');
    expect(screen.queryByText(/The workbook changed since this draft/)).toBeNull();
    act(() => workbook.edit('Holdings', [HOLDINGS[0], HOLDINGS[1]]));
    expect(await screen.findByText('The workbook changed since this draft; draft again before writing it.')).toBeTruthy();
  });
});

describe('Exposure', () => {
  it('shows the top look-through holdings and flags concentration', async () => {
    const exposure = {
      exposure: jest.fn(async () => ({
        rows: [{ holding: 'AAPL', direct: 500, viaFunds: 700, total: 1200, weight: 0.12, via: ['QQQ'] }],
        flags: [{ holding: 'AAPL', weight: 0.12, limit: 0.1 }],
      })),
    };
    renderPane(household(), { exposure });
    await screen.findByTestId('total-value');
    tab('Exposure');
    expect(await screen.findByText('AAPL is 12.0% of the household through funds and direct holdings, above the 10% concentration limit.')).toBeTruthy();
    expect(within(screen.getByRole('table', { name: 'Top 10 look-through holdings' })).getByText('direct, QQQ')).toBeTruthy();
    expect(exposure.exposure).toHaveBeenCalledWith(expect.objectContaining({ top: 10 }));
  });

  it('looks through the Funds table with the engine, to the cent', async () => {
    const workbook = household().withUserTable('Funds', [
      ['Fund', 'Holding', 'Weight'],
      ['VTI', 'AAPL', '6%'],
      ['VTI', 'MSFT', '5%'],
    ]);
    renderPane(workbook);
    await screen.findByTestId('total-value');
    tab('Exposure');
    const table = await screen.findByRole('table', { name: 'Top 10 look-through holdings' });
    // VTI is 28 × $250 = $7,000: AAPL is 6% of it, $420.00 of a $10,000.00 household.
    const apple = within(table).getByText('AAPL').closest<HTMLElement>('[role="row"]')!;
    expect(within(apple).getByText('$420.00')).toBeTruthy();
    expect(within(apple).getByText('4.2%')).toBeTruthy();
    expect(within(apple).getByText('VTI')).toBeTruthy();
    expect(within(table).getByText('Other (VTI)')).toBeTruthy();
  });
});
