/**
 * @jest-environment jsdom
 */
/**
 * The pane's state and messages (issue 13, items 3, 6 and 7): first-run states as next steps with a
 * button, mistakes with Go to cell, honest progress, disabled controls that look and say so, focus
 * after a refused clipboard, and the Trades tab's contributions kept in Accounts without writing a
 * user's cell.
 */
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { browserClipboard } from '../../src/taskpane/clipboard';
import { HOLDINGS, MemoryWorkbook, SETTINGS, TARGETS } from '../support/memory-workbook';
import { drivenPlanner, JOINT_PLAN, paneOnTrades, renderPane, selectTab } from './render-pane';

jest.setTimeout(20000);

const tab = selectTab;
const household = () => new MemoryWorkbook().withUserTable('Holdings', HOLDINGS).withUserTable('Targets', TARGETS).withUserTable('Settings', SETTINGS);
/** Each message bar's name: the text its aria-labelledby points at (Fluent labels a bar by its title). */
const barNames = () =>
  [...document.querySelectorAll('.fui-MessageBar')].map((bar) => document.getElementById(bar.getAttribute('aria-labelledby') ?? '')?.textContent ?? '(nothing)');
/** The text a control's aria-describedby points at. */
const description = (el: HTMLElement) =>
  (el.getAttribute('aria-describedby') ?? '')
    .split(/\s+/)
    .filter(Boolean)
    .map((id) => document.getElementById(id)?.textContent ?? `(no #${id})`)
    .join(' ');

describe('first-run states are next steps with a button, not errors', () => {
  it('no holdings table: says how to make one, and reads the workbook again on request', async () => {
    const workbook = new MemoryWorkbook();
    renderPane(workbook);
    const step = await screen.findByTestId('next-step');
    expect(within(step).getByRole('heading').textContent).toBe('Start with your holdings');
    expect(screen.queryByRole('alert')).toBeNull();
    workbook.withUserTable('Holdings', HOLDINGS);
    fireEvent.click(within(step).getByRole('button', { name: 'Read the workbook again' }));
    await waitFor(() => expect(within(screen.getByTestId('next-step')).getByRole('heading').textContent).toBe('Next: create your Targets'));
  });

  it('no Targets table: every tab says so, with a button to Setup', async () => {
    renderPane(new MemoryWorkbook().withUserTable('Holdings', HOLDINGS));
    await screen.findByRole('button', { name: 'Create Targets, Accounts, Settings tables' });
    tab('Trades');
    const step = screen.getByTestId('next-step');
    expect(within(step).getByRole('heading').textContent).toBe('Next: create your Targets');
    expect(screen.queryByRole('alert')).toBeNull();
    fireEvent.click(within(step).getByRole('button', { name: 'Go to Setup' }));
    expect(screen.getByRole('tab', { name: 'Setup', selected: true })).toBeTruthy();
    // Importing needs only the holdings: it is there before the targets are.
    tab('Import');
    expect(screen.getByLabelText('Positions files (.csv)')).toBeTruthy();
    expect(screen.queryByTestId('next-step')).toBeNull();
  });
});

describe('a mistake in a cell', () => {
  it('is an error naming the cell, with Go to cell selecting it in Excel', async () => {
    const workbook = new MemoryWorkbook().withUserTable('Holdings', [HOLDINGS[0], HOLDINGS[1], ['Joint', 'VTI', 'US Stocks', 'ten', 250, null, null]]).withUserTable('Targets', TARGETS);
    renderPane(workbook);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('Check your dataHoldings, row 3, column Shares: "ten" is not a numberGo to cell');
    expect(barNames()).toEqual(['Check your data']);
    fireEvent.click(within(alert).getByRole('button', { name: 'Go to cell Holdings!D3' }));
    await waitFor(() => expect(workbook.selected).toEqual(['Holdings!D3']));
  });

  it('says so when Excel cannot select the cell', async () => {
    const workbook = new MemoryWorkbook().withUserTable('Holdings', [HOLDINGS[0], ['Joint', 'VTI', 'US Stocks', 'ten', 250, null, null]]).withUserTable('Targets', TARGETS);
    workbook.selectRange = async () => {
      throw new Error('the sheet is protected');
    };
    renderPane(workbook);
    fireEvent.click(within(await screen.findByRole('alert')).getByRole('button', { name: 'Go to cell Holdings!D2' }));
    expect((await screen.findByText(/^Could not select/)).textContent).toBe('Could not select Holdings!D2: the sheet is protected');
  });

  it('names its table by the Excel name the user gave it, and its place there', async () => {
    const workbook = new MemoryWorkbook().withUserTable('Positions', [HOLDINGS[0], ['Joint', 'VTI', 'US Stocks', 10, 'n/a', null, null]], 'My Positions').withUserTable('Targets', TARGETS);
    renderPane(workbook);
    const alert = await screen.findByRole('alert');
    fireEvent.click(within(alert).getByRole('button', { name: /^Go to cell / }));
    await waitFor(() => expect(workbook.selected).toEqual(["'My Positions'!E2"]));
  });

  it('a note about one row of the data offers Go to cell as well', async () => {
    // A taxable lot with no cost basis: noted against its row, not an error.
    const workbook = new MemoryWorkbook().withUserTable('Holdings', [HOLDINGS[0], HOLDINGS[1], ['Joint Taxable', 'BND', 'Bonds', 10, 75, null, null]]).withUserTable('Targets', TARGETS);
    renderPane(workbook);
    await screen.findByTestId('total-value');
    const note = screen.getByText(/^Holdings, row 3, column Cost Basis: BND in Joint Taxable has no cost basis/).closest('li')!;
    fireEvent.click(within(note).getByRole('button', { name: 'Go to cell Holdings!F3' }));
    await waitFor(() => expect(workbook.selected).toEqual(['Holdings!F3']));
  });

  it('from the planner (its InputError crossed from the worker) offers Go to cell too', async () => {
    const workbook = household();
    const { planner } = await paneOnTrades(workbook);
    fireEvent.click(screen.getByRole('button', { name: 'Draft' }));
    const { InputError } = await import('../../src/engine');
    planner.calls[0].fail(new InputError({ table: 'Settings', row: 3, column: 'Value' }, 'AsOf is not a date'));
    const alert = await screen.findByRole('alert');
    fireEvent.click(within(alert).getByRole('button', { name: 'Go to cell Settings!B3' }));
    await waitFor(() => expect(workbook.selected).toEqual(['Settings!B3']));
  });
});

describe('while the planner drafts', () => {
  it('names the step with a bar that does not claim a fraction, and every input is disabled and says so', async () => {
    const { planner } = await paneOnTrades(household());
    fireEvent.click(screen.getByRole('button', { name: 'Draft' }));
    const bar = screen.getByRole('progressbar', { name: 'Planner progress' });
    expect(bar.getAttribute('aria-valuenow')).toBeNull();
    expect(screen.getByText('Starting the planner…')).toBeTruthy();
    act(() => planner.calls[0].progress(2, 'Step 2 of 3: Cutting tax and trading cost…'));
    expect(screen.getByText('Step 2 of 3: Cutting tax and trading cost…')).toBeTruthy();
    expect(screen.getByRole('progressbar').getAttribute('aria-valuenow')).toBeNull();
    for (const input of [
      screen.getByRole('textbox', { name: 'Contribution to Roth IRA' }),
      screen.getByRole('textbox', { name: 'Minimum trade' }),
      screen.getByRole('radio', { name: 'Buy only' }),
      screen.getByRole('switch', { name: 'Whole shares' }),
      screen.getByRole('switch', { name: 'Tax-aware' }),
    ]) {
      expect(input).toHaveProperty('disabled', true);
    }
    const draft = screen.getByRole('button', { name: 'Draft' });
    expect(draft).toHaveProperty('disabled', true);
    expect(description(draft)).toBe('The planner is drafting; Cancel stops it.');
    act(() => planner.calls[0].finish(JOINT_PLAN));
    await screen.findByRole('group', { name: 'Trades in Joint Taxable' });
    expect(screen.getByRole('textbox', { name: 'Contribution to Roth IRA' })).toHaveProperty('disabled', false);
  });

  it('an amount that is not one disables Draft, and says why', async () => {
    renderPane(household());
    await screen.findByTestId('total-value');
    tab('Trades');
    fireEvent.change(screen.getByRole('textbox', { name: 'Minimum trade' }), { target: { value: 'fifty' } });
    const draft = screen.getByRole('button', { name: 'Draft' });
    expect(draft).toHaveProperty('disabled', true);
    expect(description(draft)).toBe('Type an amount in each field marked below.');
  });

  it('says when the choices above are no longer those the trades below were drafted with', async () => {
    const { planner } = await paneOnTrades(household());
    fireEvent.click(screen.getByRole('button', { name: 'Draft' }));
    act(() => planner.calls[0].finish(JOINT_PLAN));
    await screen.findByRole('group', { name: 'Trades in Joint Taxable' });
    expect(screen.queryByTestId('choices-changed')).toBeNull();
    const roth = screen.getByRole('textbox', { name: 'Contribution to Roth IRA' });
    fireEvent.change(roth, { target: { value: '500' } });
    expect(screen.getByTestId('choices-changed').textContent).toBe('The trades below were drafted with other choices than those above; Draft again to use these.');
    fireEvent.change(roth, { target: { value: '0.00' } });
    expect(screen.queryByTestId('choices-changed')).toBeNull();
  });

  it('a draft with nothing to trade says so, with the step left: logging the review', async () => {
    const { planner } = await paneOnTrades(household());
    fireEvent.click(screen.getByRole('button', { name: 'Draft' }));
    act(() => planner.calls[0].finish({ ...JOINT_PLAN, trades: [], summary: { ...JOINT_PLAN.summary, tradeCount: 0, note: 'Every class is within its band.' } }));
    const nothing = await screen.findByTestId('nothing-to-trade');
    expect(nothing.textContent).toContain('Every class is within its band.');
    fireEvent.click(within(nothing).getByRole('button', { name: 'Log this review' }));
    expect(screen.getByRole('tab', { name: 'Review', selected: true })).toBeTruthy();
  });
});

describe('a refused clipboard', () => {
  it('leaves focus on Copy order list, not on the page', async () => {
    const planner = drivenPlanner();
    // What the copy-command fallback does: focus a text area it then removes, and fail.
    const refusing = {
      writeText: async () => {
        const area = document.createElement('textarea');
        document.body.appendChild(area);
        area.focus();
        area.remove();
        throw new Error('the host does not allow copying');
      },
    };
    renderPane(household(), { planner: planner.port, clipboard: refusing });
    await screen.findByTestId('total-value');
    tab('Trades');
    fireEvent.click(screen.getByRole('button', { name: 'Draft' }));
    act(() => planner.calls[0].finish(JOINT_PLAN));
    const copy = await screen.findByRole('button', { name: 'Copy order list' });
    copy.focus();
    fireEvent.click(copy);
    await screen.findByText('Could not copy: the host does not allow copying');
    expect(document.activeElement).toBe(copy);
  });

  it('a message in the action bar can be dismissed, and focus goes to the bar’s first action', async () => {
    const { planner } = await paneOnTrades(household());
    fireEvent.click(screen.getByRole('button', { name: 'Draft' }));
    act(() => planner.calls[0].finish(JOINT_PLAN));
    fireEvent.click(await screen.findByRole('button', { name: 'Copy order list' }));
    const bar = await screen.findByRole('group', { name: 'Draft actions' });
    await within(bar).findByText('The order list of approved trades is on the clipboard.');
    fireEvent.click(within(bar).getByRole('button', { name: 'Dismiss: Copied' }));
    expect(within(bar).queryByRole('status')).toBeNull();
    expect(document.activeElement).toBe(within(bar).getByRole('button', { name: 'Write to sheet' }));
  });

  it('the browser clipboard’s fallback gives focus back where it was, copied or not', async () => {
    const button = document.createElement('button');
    document.body.appendChild(button);
    button.focus();
    Object.defineProperty(document, 'execCommand', { value: () => false, configurable: true });
    await expect(browserClipboard.writeText('BUY 1 VTI')).rejects.toThrow('the host does not allow copying');
    expect(document.activeElement).toBe(button);
    expect(document.querySelector('textarea')).toBeNull();
    button.remove();
  });
});

describe('the Trades tab’s contributions, kept in Accounts for next quarter', () => {
  const ACCOUNTS = [
    ['Account', 'Type', 'Owner', 'Contribution', 'Reserve', 'Trade', 'Number'],
    ['Joint Taxable', 'Taxable', null, 0, 0, 'Yes', null],
  ];

  it('into the add-in’s own Accounts after a confirmation: only the Contribution cells, a row for an account it lacks; the draft stays current', async () => {
    const planner = drivenPlanner();
    const workbook = household().withOwnTable('Accounts', ACCOUNTS.map((r) => [...r]));
    renderPane(workbook, { planner: planner.port });
    await screen.findByTestId('total-value');
    tab('Trades');
    fireEvent.change(screen.getByRole('textbox', { name: 'Contribution to Joint Taxable' }), { target: { value: '1,000' } });
    fireEvent.change(screen.getByRole('textbox', { name: 'Contribution to Roth IRA' }), { target: { value: '250.5' } });
    fireEvent.click(screen.getByRole('button', { name: 'Draft' }));
    act(() => planner.calls[0].finish(JOINT_PLAN));
    await screen.findByRole('group', { name: 'Trades in Joint Taxable' });

    fireEvent.click(screen.getByRole('button', { name: 'Save contributions to Accounts' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Save contributions to Accounts?' });
    expect(dialog.textContent).toContain('Writes the Contribution of Joint Taxable $1,000.00 and Roth IRA $250.50 into Accounts');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    await screen.findByText('Saved the contributions of Joint Taxable $1,000.00 and Roth IRA $250.50 in Accounts.');
    expect(barNames()).toEqual(['Saved']);
    expect(workbook.table('Accounts')!.values).toEqual([
      ACCOUNTS[0],
      ['Joint Taxable', 'Taxable', null, 1000, 0, 'Yes', null],
      ['Roth IRA', 'Roth', null, 250.5, null, null, null],
    ]);
    // The workbook now says what the pane says: nothing more to save, and the draft made with them still holds.
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Save contributions to Accounts' })).toBeNull());
    expect(screen.queryByText('The workbook changed since this draft; draft again before writing it.')).toBeNull();
    expect(screen.getByRole('button', { name: 'Write to sheet' })).toHaveProperty('disabled', false);
  });

  it('asks first, and Cancel writes nothing', async () => {
    const workbook = household().withOwnTable('Accounts', ACCOUNTS.map((r) => [...r]));
    renderPane(workbook);
    await screen.findByTestId('total-value');
    tab('Trades');
    fireEvent.change(screen.getByRole('textbox', { name: 'Contribution to Joint Taxable' }), { target: { value: '1000' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save contributions to Accounts' }));
    fireEvent.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    expect(workbook.table('Accounts')!.values).toEqual(ACCOUNTS);
  });

  it('never into the user’s own Accounts: names each cell to type, with Go to cell', async () => {
    const workbook = household().withUserTable('Accounts', ACCOUNTS.map((r) => [...r]));
    renderPane(workbook);
    await screen.findByTestId('total-value');
    tab('Trades');
    expect(screen.getByTestId('save-contributions').textContent).toBe('');
    fireEvent.change(screen.getByRole('textbox', { name: 'Contribution to Joint Taxable' }), { target: { value: '1000' } });
    fireEvent.change(screen.getByRole('textbox', { name: 'Contribution to Roth IRA' }), { target: { value: '300' } });
    const group = screen.getByRole('group', { name: /^Accounts is your table, so the pane does not write to it/ });
    expect(within(group).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'Joint Taxable: $1,000.00 in Accounts!D2 Go to cell',
      'Roth IRA: $300.00 (add a row for Roth IRA) ',
    ]);
    expect(screen.queryByRole('button', { name: /^Save contributions/ })).toBeNull();
    fireEvent.click(within(group).getByRole('button', { name: 'Go to cell Accounts!D2' }));
    await waitFor(() => expect(workbook.selected).toEqual(['Accounts!D2']));
    expect(workbook.table('Accounts')!.values).toEqual(ACCOUNTS);
  });

  it('with no Accounts table: offers to create it holding them', async () => {
    const workbook = household();
    renderPane(workbook);
    await screen.findByTestId('total-value');
    tab('Trades');
    fireEvent.change(screen.getByRole('textbox', { name: 'Contribution to Roth IRA' }), { target: { value: '$300' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create Accounts with these contributions' }));
    await screen.findByText(/^Created Accounts on its own sheet with these contributions/);
    const accounts = workbook.table('Accounts')!;
    expect(accounts.ours).toBe(true);
    expect(accounts.values.map((r) => [r[0], r[3]])).toEqual([
      ['Account', 'Contribution'],
      ['Joint Taxable', 0],
      ['Roth IRA', 300],
    ]);
  });
});
