import { cash, position, readAsJson } from './support';

describe('Vanguard OfxDownload.csv', () => {
  it('brokerage: holdings before the transactions, VMFXX as cash, a sold-out position skipped, a 401(k) plan after the transactions', () => {
    const r = readAsJson('vanguard-brokerage.csv');
    expect(r.broker).toBe('Vanguard');
    expect(r.accounts).toEqual([
      { account: 'Vanguard …5678', number: '12345678', broker: 'Vanguard' },
      { account: 'Vanguard …4321', number: '87654321', broker: 'Vanguard' },
      { account: 'ACME CORP 401(K) PLAN …3456', number: '093456', broker: 'Vanguard' },
    ]);
    expect(r.holdings).toEqual([
      position('Vanguard …5678', 'VTI', 10, 250.1, 2501, null, 2),
      cash('Vanguard …5678', 1523.45, 3),
      position('Vanguard …4321', 'VXUS', 40.5, 60.2, 2438.1, null, 5),
      position('ACME CORP 401(K) PLAN …3456', 'VANGUARD INSTITUTIONAL INDEX FUND INST PLUS', 120.5, 450.1, 54237.05, null, 15),
    ]);
    expect(r.skipped).toEqual([{ file: 'vanguard-brokerage.csv', line: 6, why: 'BND has no shares (a position sold out), so it is not a holding' }]);
    expect(r.warnings).toEqual([
      'vanguard-brokerage.csv, line 15: this layout has no ticker symbols, so its funds are named by their fund names (give them the same names in your Holdings and Targets, or replace them by tickers)',
    ]);
  });

  it('mutual-fund-only and 529 layout: no symbols (funds by name), 0584-12345678 numbers, $ prices, the money market fund as cash', () => {
    const r = readAsJson('vanguard-funds.csv');
    expect(r.accounts).toEqual([
      { account: 'Vanguard …5678', number: '0584-12345678', broker: 'Vanguard' },
      { account: 'Vanguard …0001', number: '4321-99990001', broker: 'Vanguard' },
    ]);
    expect(r.holdings).toEqual([
      position('Vanguard …5678', 'VANGUARD 500 INDEX FUND ADMIRAL SHARES', 20.123, 512.3, 10309.01, null, 2),
      cash('Vanguard …5678', 250, 3),
      position('Vanguard …0001', 'VANGUARD TARGET RETIREMENT 2050 FUND', 1000, 9.45, 9450, null, 5),
    ]);
    expect(r.skipped).toEqual([]);
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]).toMatch(/^vanguard-funds\.csv, line 2: this layout has no ticker symbols/);
  });
});

describe('E*TRADE PortfolioDownload.csv', () => {
  it('the preamble names the account; an option; a money-market fund as a position; CASH; the shifted TOTAL; basis from Price Paid', () => {
    const r = readAsJson('etrade-individual.csv');
    expect(r.broker).toBe('E*TRADE');
    expect(r.accounts).toEqual([{ account: 'Individual Brokerage …1234', number: '...1234', broker: 'E*TRADE' }]);
    expect(r.holdings).toEqual([
      position('Individual Brokerage …1234', 'VTI', 100, 200.77, 20077, 18088.02, 12),
      position('Individual Brokerage …1234', 'VMFXX', 5000, 1, 5000, 5000, 13),
      cash('Individual Brokerage …1234', 12.2, 15),
    ]);
    expect(r.skipped).toEqual([{ file: 'etrade-individual.csv', line: 16, why: '"TOTAL" is a total, not a holding' }]);
    expect(r.warnings).toEqual(["etrade-individual.csv, line 14: the option QQQ Dec 31 '26 $600 Put is not imported (options are not rebalanced)"]);
  });

  it('padded to 10 cells, the other summary header, a CD named by its description and quoted per $100 (basis too)', () => {
    const r = readAsJson('etrade-ira-padded.csv');
    expect(r.accounts).toEqual([{ account: 'Rollover IRA …5678', number: '...5678', broker: 'E*TRADE' }]);
    expect(r.holdings).toEqual([
      position('Rollover IRA …5678', 'BND', 300, 72.97, 21891, 21150, 12),
      position('Rollover IRA …5678', 'GOLDMAN SACHS BK USA CD 4.5% 03/15/2027', 8000, 1.001, 8008, 8000, 13),
      cash('Rollover IRA …5678', 601, 14),
    ]);
    expect(r.skipped).toEqual([{ file: 'etrade-ira-padded.csv', line: 15, why: '"TOTAL" is a total, not a holding' }]);
    expect(r.warnings).toHaveLength(1);
  });
});
