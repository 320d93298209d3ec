import { cash, position, readAsJson } from './support';

describe('Schwab positions', () => {
  it('legacy, one account: every cell quoted and padded to 17, the account in the title, an Incomplete basis, Account Total', () => {
    const r = readAsJson('schwab-legacy-individual.csv');
    expect(r.broker).toBe('Schwab');
    expect(r.accounts).toEqual([{ account: 'Individual …234', number: '...234', broker: 'Schwab' }]);
    expect(r.holdings).toEqual([
      position('Individual …234', 'SWTSX', 150.5, 72.18, 10863.09, 9000, 4),
      position('Individual …234', 'SCHZ', 300, 46.02, 13806, null, 5),
      cash('Individual …234', 612.4, 6),
    ]);
    expect(r.skipped).toEqual([{ file: 'schwab-legacy-individual.csv', line: 7, why: '"Account Total" is a total, not a holding' }]);
    expect(r.warnings).toEqual([]);
  });

  it('legacy All-Accounts: a label row per account, an option, a margin loan as negative cash', () => {
    const r = readAsJson('schwab-legacy-all-accounts.csv');
    expect(r.accounts).toEqual([
      { account: 'Individual …321', number: '...321', broker: 'Schwab' },
      { account: 'Roth Contributory IRA …987', number: '...987', broker: 'Schwab' },
    ]);
    expect(r.holdings).toEqual([
      position('Individual …321', 'VTI', 20, 205.12, 4102.4, 3500, 5),
      cash('Individual …321', -1200, 7),
      position('Roth Contributory IRA …987', 'SCHD', 100.25, 75.4, 7558.85, 6000, 12),
      cash('Roth Contributory IRA …987', 41.15, 13),
    ]);
    expect(r.skipped.map((s) => s.line)).toEqual([8, 14]);
    expect(r.warnings).toEqual([
      'schwab-legacy-all-accounts.csv, line 6: the option AAPL 02/17/2023 150.00 C is not imported (options are not rebalanced)',
      'schwab-legacy-all-accounts.csv, line 7: the cash in Individual …321 is negative (−$1,200.00): a margin loan, imported as negative cash',
    ]);
  });

  it('December 2025: abbreviated headers, an unnamed column after Description, a Treasury by CUSIP quoted per $100', () => {
    const r = readAsJson('schwab-2025-12.csv');
    expect(r.accounts).toEqual([{ account: 'Joint Tenant …456', number: '...456', broker: 'Schwab' }]);
    expect(r.holdings).toEqual([
      position('Joint Tenant …456', 'GOOG', 201.6059, 383.22, 77259.41, 11011.86, 4),
      position('Joint Tenant …456', '912810TM0', 3000, 0.98125, 2943.75, 3000, 5),
      cash('Joint Tenant …456', 3130.25, 6),
    ]);
    expect(r.skipped).toEqual([{ file: 'schwab-2025-12.csv', line: 7, why: '"Account Total" is a total, not a holding' }]);
    expect(r.warnings).toHaveLength(1);
  });

  it('2026: a one-cell title and an empty line, the columns in the user’s own order, trailing commas, Positions Total', () => {
    const r = readAsJson('schwab-2026.csv');
    expect(r.accounts).toEqual([{ account: 'Individual …678', number: '...678', broker: 'Schwab' }]);
    expect(r.holdings).toEqual([
      position('Individual …678', 'VXUS', 100, 67.8, 6780, 5500, 4),
      position('Individual …678', 'BND', 135, 72.97, 9850.95, 10125, 5),
      cash('Individual …678', 240.05, 6),
    ]);
    expect(r.skipped).toEqual([{ file: 'schwab-2026.csv', line: 7, why: '"Positions Total" is a total, not a holding' }]);
    expect(r.warnings).toEqual([]);
  });
});
