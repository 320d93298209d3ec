import { mergeImport } from '../../src/engine';
import type { Cell, TableInput } from '../../src/engine';
import { readFixture } from './support';

const HEADER = ['Account', 'Ticker', 'Shares', 'Price', 'Class', 'Cost Basis', 'Acquired', 'Notes'];
const holdings = (rows: Cell[][]): TableInput => ({ name: 'Holdings', cells: [HEADER, ...rows] });
const accounts = (rows: Cell[][]): TableInput => ({ name: 'Accounts', cells: [['Account', 'Type', 'Number'], ...rows] });

const HOUSEHOLD = holdings([
  ['Joint Brokerage', 'VTI', 100, 250, 'US Stocks', 15000, '2019-03-04', 'core'],
  ['Joint Brokerage', 'BND', 50, 72, 'Bonds', null, null, null],
  ['Joint Brokerage', 'CASH', 500, null, 'Cash', null, null, null],
  ['Ann Roth IRA', 'VXUS', 40, 60, 'Intl Stocks', null, null, 'ira'],
  ['Bob 401k', 'FXAIX', 10, 150, 'US Stocks', null, null, null],
]);
const ACCOUNTS = accounts([
  ['Joint Brokerage', 'Taxable', 'Z23456789'],
  ['Ann Roth IRA', 'Roth', '...987'],
  ['Bob 401k', 'Traditional', null],
]);

describe('merging imported positions into the workbook', () => {
  it('replaces only the matched account’s rows, carrying Class and the user’s columns by account and ticker', () => {
    const plan = mergeImport({ holdings: HOUSEHOLD, accounts: ACCOUNTS, files: [readFixture('fidelity-2025-04.csv')] });
    expect(plan.matches).toEqual([{ file: 'fidelity-2025-04.csv', imported: 'Joint WROS …6789', account: 'Joint Brokerage', by: 'number' }]);
    expect(plan.removedRows).toEqual([1, 2, 3]);
    expect(plan.addedRows).toEqual([
      // No Value column: cash is shares of a $1 fund. A position's rows (the two cash lines, VTI's two rows) stay together.
      ['Joint Brokerage', 'CASH', 2500, 1, 'Cash', null, null, null],
      ['Joint Brokerage', 'CASH', 12.34, 1, 'Cash', null, null, null],
      ['Joint Brokerage', 'VTI', 100, 296.53, 'US Stocks', 24000, null, 'core'],
      ['Joint Brokerage', 'VTI', 0.5, 296.53, 'US Stocks', 130, null, 'core'],
    ]);
    expect(plan.holdingsAfter.slice(1, 3)).toEqual([HOUSEHOLD.cells[4], HOUSEHOLD.cells[5]]);
    expect(plan.holdingsAfter).toHaveLength(1 + 2 + 4);
    expect(plan.changes).toEqual([
      { kind: 'changed', account: 'Joint Brokerage', ticker: 'CASH', before: { shares: null, price: null, value: 50000 }, after: { shares: null, price: null, value: 251234 } },
      { kind: 'changed', account: 'Joint Brokerage', ticker: 'VTI', before: { shares: 100, price: 250, value: 2500000 }, after: { shares: 100.5, price: 296.53, value: 2980127 } },
      { kind: 'removed', account: 'Joint Brokerage', ticker: 'BND', before: { shares: 50, price: 72, value: 360000 }, after: null },
    ]);
    expect(plan.newAccounts).toEqual([]);
    expect(plan.accountRows).toEqual([]);
    expect(plan.warnings).toEqual([]);
  });

  it('matches by the last digits, adds a new account with the broker’s name and an inferred type, and names a ticker with no class', () => {
    const plan = mergeImport({ holdings: HOUSEHOLD, accounts: ACCOUNTS, files: [readFixture('schwab-legacy-all-accounts.csv')] });
    expect(plan.matches.map((m) => [m.imported, m.account, m.by])).toEqual([
      ['Individual …321', 'Individual …321', 'new'],
      ['Roth Contributory IRA …987', 'Ann Roth IRA', 'number'],
    ]);
    expect(plan.removedRows).toEqual([4]);
    expect(plan.addedRows).toEqual([
      ['Individual …321', 'VTI', 20, 205.12, 'US Stocks', 3500, null, null],
      ['Individual …321', 'CASH', -1200, 1, 'Cash', null, null, null],
      ['Ann Roth IRA', 'SCHD', 100.25, 75.4, null, 6000, null, null],
      ['Ann Roth IRA', 'CASH', 41.15, 1, 'Cash', null, null, null],
    ]);
    expect(plan.newAccounts).toEqual([{ account: 'Individual …321', number: '...321', broker: 'Schwab', type: 'Taxable', file: 'schwab-legacy-all-accounts.csv' }]);
    expect(plan.accountRows).toEqual([['Individual …321', 'Taxable', '...321']]);
    expect(plan.changes.map((c) => [c.kind, c.account, c.ticker])).toEqual([
      ['added', 'Individual …321', 'VTI'],
      ['added', 'Individual …321', 'CASH'],
      ['added', 'Ann Roth IRA', 'SCHD'],
      ['added', 'Ann Roth IRA', 'CASH'],
      ['removed', 'Ann Roth IRA', 'VXUS'],
    ]);
    expect(plan.warnings).toEqual([
      'SCHD is new to the workbook and no other account holds it, so its Class is left blank; fill it in Holdings (else it counts under its own ticker, with no target)',
      'Individual …321 (Schwab, from schwab-legacy-all-accounts.csv) is a new account; its type is inferred as Taxable from its name: check it in Accounts',
    ]);
  });

  it('keeps an unchanged position’s own lot rows (basis, dates) at the new price when the file has no lots', () => {
    const lots = holdings([
      ['Taxable at Vanguard', 'VTI', 6, 240, 'US Stocks', 1200, '2018-01-02', null],
      ['Taxable at Vanguard', 'VTI', 4, 240, 'US Stocks', 900, '2024-05-06', null],
      ['Taxable at Vanguard', 'VXUS', 5, 60, 'Intl Stocks', 250, '2020-01-02', null],
    ]);
    const plan = mergeImport({ holdings: lots, accounts: accounts([['Taxable at Vanguard', 'Taxable', '12345678']]), files: [readFixture('vanguard-brokerage.csv')] });
    expect(plan.addedRows.slice(0, 3)).toEqual([
      ['Taxable at Vanguard', 'VTI', 6, 250.1, 'US Stocks', 1200, '2018-01-02', null],
      ['Taxable at Vanguard', 'VTI', 4, 250.1, 'US Stocks', 900, '2024-05-06', null],
      ['Taxable at Vanguard', 'CASH', 1523.45, 1, 'Cash', null, null, null],
    ]);
    // The other account in the file is new; its VXUS takes the class VXUS has elsewhere.
    expect(plan.addedRows[3]).toEqual(['Vanguard …4321', 'VXUS', 40.5, 60.2, 'Intl Stocks', null, null, null]);
    expect(plan.changes.find((c) => c.ticker === 'VXUS' && c.kind === 'removed')).toMatchObject({ account: 'Taxable at Vanguard' });
  });

  it('a file from the wrong account: the name matches but the workbook’s number does not', () => {
    const wrong = accounts([['Individual …234', 'Taxable', 'Z99999999']]);
    expect(() => mergeImport({ holdings: HOUSEHOLD, accounts: wrong, files: [readFixture('schwab-legacy-individual.csv')] })).toThrow(
      'schwab-legacy-individual.csv: this file is for account ...234, but Individual …234 in Accounts (row 2) has the number Z99999999; is it the right file?',
    );
  });

  it('two files for the same workbook account are refused', () => {
    const both = accounts([['Joint Brokerage', 'Taxable', '...5678']]);
    const files = [readFixture('fidelity-2021.csv'), readFixture('vanguard-brokerage.csv')];
    expect(() => mergeImport({ holdings: HOUSEHOLD, accounts: both, files })).toThrow(
      "vanguard-brokerage.csv: Vanguard …5678 and Individual …5678 (fidelity-2021.csv) would both replace Joint Brokerage's holdings; import one file per account",
    );
  });

  it('writes Value for cash, and for a value-only position, when Holdings has a Value column', () => {
    const withValue: TableInput = { name: 'Holdings', cells: [['Account', 'Ticker', 'Shares', 'Price', 'Value'], ['Portfolio', 'VTI', 1, 1, null]] };
    const plan = mergeImport({ holdings: withValue, accounts: null, files: [readFixture('generic-values.csv')] });
    expect(plan.addedRows).toEqual([
      ['Portfolio', 'VTI', null, null, 10000],
      ['Portfolio', 'CASH', null, null, 500],
    ]);
  });
});

describe('matching by number', () => {
  it('several accounts ending in the same digits: the full number decides, else the file is refused', () => {
    const two = accounts([
      ['Joint Brokerage', 'Taxable', 'Z23456789'],
      ['Old Joint', 'Taxable', 'X99996789'],
    ]);
    expect(mergeImport({ holdings: HOUSEHOLD, accounts: two, files: [readFixture('fidelity-2025-04.csv')] }).matches[0].account).toBe('Joint Brokerage');
    const masked = accounts([
      ['Joint Brokerage', 'Taxable', '...6789'],
      ['Old Joint', 'Taxable', '6789'],
    ]);
    expect(() => mergeImport({ holdings: HOUSEHOLD, accounts: masked, files: [readFixture('fidelity-2025-04.csv')] })).toThrow(
      'fidelity-2025-04.csv: Joint WROS …6789 matches several accounts by number (Joint Brokerage, Old Joint); give each its full number in Accounts',
    );
  });
});

describe('cells that cannot be written back as they are', () => {
  it('a carried data-type cell (a Stocks cell) is written as its text', () => {
    const stock = { type: 'LinkedEntity', text: 'Vanguard Total Stock Market ETF', properties: { Price: { basicValue: 250 } } };
    const stocks = holdings([['Joint Brokerage', 'VTI', 100, stock, 'US Stocks', null, null, stock]]);
    const plan = mergeImport({ holdings: stocks, accounts: ACCOUNTS, files: [readFixture('fidelity-2025-04.csv')] });
    expect(plan.addedRows.filter((r) => r[1] === 'VTI')).toEqual([
      ['Joint Brokerage', 'VTI', 100, 296.53, 'US Stocks', 24000, null, 'Vanguard Total Stock Market ETF'],
      ['Joint Brokerage', 'VTI', 0.5, 296.53, 'US Stocks', 130, null, 'Vanguard Total Stock Market ETF'],
    ]);
  });
});
