/**
 * @jest-environment jsdom
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { fixtureText } from '../import/support';
import { HOLDINGS, MemoryWorkbook, SETTINGS, TARGETS } from '../support/memory-workbook';
import { renderPane, selectTab } from './render-pane';

jest.setTimeout(20000);

const ACCOUNTS = [
  ['Account', 'Type', 'Number'],
  ['Joint Taxable', 'Taxable', 'Z23456789'],
  ['Roth IRA', 'Roth', null],
];
const household = () =>
  new MemoryWorkbook().withUserTable('Holdings', HOLDINGS.map((r) => [...r])).withUserTable('Targets', TARGETS).withUserTable('Settings', SETTINGS).withUserTable('Accounts', ACCOUNTS.map((r) => [...r]));

async function choose(...names: string[]) {
  await screen.findByRole('tab', { selected: true });
  selectTab('Import');
  const input = screen.getByLabelText('Positions files (.csv)') as HTMLInputElement;
  const files = names.map((n) => new File([fixtureText(n)], n.split('/').pop()!, { type: 'text/csv' }));
  fireEvent.change(input, { target: { files } });
}

describe('the pane’s Import', () => {
  it('previews the changes, writes only after Import, goes to Drift and records the files in the Review Log', async () => {
    const workbook = household();
    renderPane(workbook);
    await choose('fidelity-2025-04.csv', 'schwab-2026.csv');
    const changes = await screen.findByRole('table', { name: 'Changes to the holdings' });
    const rows = within(changes)
      .getAllByRole('row')
      .map((r) => [...r.querySelectorAll('th, td, [role=cell], [role=columnheader]')].map((c) => c.textContent));
    expect(rows).toEqual([
      ['Change', 'Account', 'Ticker', 'Shares', 'Price'],
      ['Added', 'Joint Taxable', 'CASH', '$2,512.34', ''],
      ['Changed', 'Joint Taxable', 'VTI', '28 → 100.5', '$250.00 → $296.53'],
      ['Added', 'Individual …678', 'VXUS', '100', '$67.80'],
      ['Added', 'Individual …678', 'BND', '135', '$72.97'],
      ['Added', 'Individual …678', 'CASH', '$240.05', ''],
    ]);
    const accounts = screen.getByRole('list', { name: 'Accounts in the files' });
    expect(within(accounts).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'Joint WROS …6789 → Joint Taxable (matched by account number)',
      'Individual …678: new account, type Taxable (inferred from its name)',
    ]);
    expect(screen.getByText('2 lines not imported (totals, pending activity)')).toBeTruthy();
    // Nothing written yet.
    expect(workbook.table('Holdings')!.values).toEqual(HOLDINGS);

    fireEvent.click(screen.getByRole('button', { name: 'Import into Holdings' }));
    await screen.findByRole('tab', { name: 'Drift', selected: true });
    expect(screen.getByTestId('imported').textContent).toBe(
      'Imported fidelity-2025-04.csv (Fidelity), schwab-2026.csv (Schwab): 5 changes to Holdings; recorded in ReviewLog.',
    );
    expect(workbook.table('Holdings')!.values).toEqual([
      HOLDINGS[0],
      HOLDINGS[2],
      ['Joint Taxable', 'CASH', 'Cash', 2500, 1, null, null],
      ['Joint Taxable', 'CASH', 'Cash', 12.34, 1, null, null],
      ['Joint Taxable', 'VTI', 'US Stocks', 100, 296.53, 24000, null],
      ['Joint Taxable', 'VTI', 'US Stocks', 0.5, 296.53, 130, null],
      ['Individual …678', 'VXUS', null, 100, 67.8, 5500, null],
      ['Individual …678', 'BND', 'Bonds', 135, 72.97, 10125, null],
      ['Individual …678', 'CASH', 'Cash', 240.05, 1, null, null],
    ]);
    expect(workbook.table('Accounts')!.values).toEqual([...ACCOUNTS, ['Individual …678', 'Taxable', '...678']]);
    const log = workbook.table('ReviewLog')!.values;
    expect(log[1][5]).toBe('Imported positions from fidelity-2025-04.csv (Fidelity), schwab-2026.csv (Schwab)');
    // The total after the import: 2,512.34 + 29,801.27 (VTI) + 3,000 (Roth's BND) + 6,780 + 9,850.95 + 240.05.
    expect(log[1][1]).toBe(52184.61);
    await waitFor(() => expect(screen.getByTestId('total-value').textContent).toBe('$52,184.61'));
  });

  it('a bad file: one line naming the file and line, and nothing is written', async () => {
    const workbook = household();
    renderPane(workbook);
    await choose('schwab-2026.csv', 'bad/cut-in-quote.csv');
    expect(await screen.findByText(/^Nothing was imported\. cut-in-quote\.csv, line 3: the file ends inside a quoted cell/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Import into Holdings' })).toBeNull();
    expect(workbook.table('Holdings')!.values).toEqual(HOLDINGS);
  });

  it('Cancel leaves the workbook as it was', async () => {
    const workbook = household();
    renderPane(workbook);
    await choose('schwab-2026.csv');
    fireEvent.click(await screen.findByRole('button', { name: 'Cancel' }));
    expect(await screen.findByText('Import cancelled. Nothing was changed.')).toBeTruthy();
    expect(workbook.table('Holdings')!.values).toEqual(HOLDINGS);
    expect(workbook.table('ReviewLog')).toBeUndefined();
  });

  it('refuses to write when Holdings changed after the preview', async () => {
    const workbook = household();
    renderPane(workbook);
    await choose('fidelity-2025-04.csv');
    await screen.findByRole('table', { name: 'Changes to the holdings' });
    // Edited in Excel meanwhile (the read the preview was made from is left as it was).
    const holdings = workbook.table('Holdings')!;
    holdings.values = [holdings.values[0], ['Joint Taxable', 'VTI', 'US Stocks', 30, 250, 4000, '2019-03-04'], holdings.values[2]];
    fireEvent.click(screen.getByRole('button', { name: 'Import into Holdings' }));
    expect(await screen.findByText('Holdings changed since the preview')).toBeTruthy();
    expect(workbook.table('Holdings')!.values[1][3]).toBe(30);
    expect(workbook.table('Holdings')!.values).toHaveLength(3);
  });
});
