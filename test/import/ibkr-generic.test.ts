import { cash, position, readAsJson } from './support';

describe('Interactive Brokers', () => {
  it('Activity Statement: lots replace their summary (with Open dates and cost), options skipped, totals noted, base-currency ending cash', () => {
    const r = readAsJson('ibkr-activity.csv');
    expect(r.broker).toBe('Interactive Brokers');
    expect(r.accounts).toEqual([{ account: 'Individual …4567', number: 'U1234567', broker: 'Interactive Brokers' }]);
    expect(r.holdings).toEqual([
      position('Individual …4567', 'VOO', 6, 600, 3600, 2880, 16, '2023-07-07'),
      position('Individual …4567', 'VOO', 4, 600, 2400, 2121.2, 17, '2026-03-02'),
      position('Individual …4567', 'BND', 87, 72.9885, 6350, 6090, 18),
      cash('Individual …4567', 2345.67, 25),
    ]);
    expect(r.skipped.map((s) => s.line)).toEqual([19, 22]);
    expect(r.warnings).toEqual([
      'ibkr-activity.csv, line 21: SPY 19DEC26 600 C (Equity and Index Options) is not imported (options, futures and currencies are not rebalanced)',
    ]);
  });

  it('older statement: Long and Short Open Positions, SubTotal rows, cash from Net Asset Value ("Cash ")', () => {
    const r = readAsJson('ibkr-activity-legacy.csv');
    expect(r.accounts).toEqual([{ account: 'Interactive Brokers …4321', number: 'U7654321', broker: 'Interactive Brokers' }]);
    expect(r.holdings).toEqual([position('Interactive Brokers …4321', 'AAPL', 15, 193.97, 2909.55, 2250, 8), cash('Interactive Brokers …4321', 812.34, 6)]);
    expect(r.skipped.map((s) => s.line)).toEqual([9, 10, 13]);
    expect(r.warnings).toEqual([
      'ibkr-activity-legacy.csv, line 12: TSLA is a short position (-5 shares); it is not imported, since the rebalancer does not trade short positions',
    ]);
  });

  it('Flex Query: SUMMARY and LOT rows (OpenDateTime as yyyyMMdd;HHmmss), an option, a T-bill per $100, CRTT EndingCash', () => {
    const r = readAsJson('ibkr-flex.csv');
    expect(r.accounts).toEqual([{ account: 'Joint …5678', number: 'U2345678', broker: 'Interactive Brokers' }]);
    expect(r.holdings).toEqual([
      position('Joint …5678', 'VTI', 20, 300.5, 6010, 4800, 3, '2022-03-14'),
      position('Joint …5678', 'VTI', 10, 300.5, 3005, 2700, 4, '2025-11-03'),
      position('Joint …5678', '912797KS5', 5000, 0.9876, 4938, 4905, 6),
      cash('Joint …5678', 1234.56, 8),
    ]);
    expect(r.warnings).toHaveLength(2);
    expect(r.warnings[0]).toBe('ibkr-flex.csv, line 5: VTI  261218C00320000 (OPT) is not imported (options, futures and currencies are not rebalanced)');
  });

  it('Flex Query with trailer records (BOF, BOS, HEADER, DATA, EOS, EOF)', () => {
    const r = readAsJson('ibkr-flex-trailers.csv');
    expect(r.accounts).toEqual([{ account: 'Interactive Brokers …6789', number: 'U3456789', broker: 'Interactive Brokers' }]);
    expect(r.holdings).toEqual([
      position('Interactive Brokers …6789', 'SCHB', 200, 25.4, 5080, 4000, 5),
      position('Interactive Brokers …6789', 'SCHF', 120, 22.1, 2652, 2400, 6),
      cash('Interactive Brokers …6789', 350.25, 10),
    ]);
    expect(r.skipped).toEqual([]);
    expect(r.warnings).toEqual([]);
  });
});

describe('a CSV with the Holdings headers', () => {
  it('lots with Date Acquired and Cost Basis, cash as shares of a $1 fund, a Total line skipped; account names kept as written', () => {
    const r = readAsJson('generic-lots.csv');
    expect(r.broker).toBe('CSV');
    expect(r.accounts).toEqual([{ account: 'Kids 529', number: null, broker: 'CSV' }]);
    expect(r.holdings).toEqual([
      position('Kids 529', 'VTI', 12, 250, null, 2400, 2, '2021-06-01'),
      position('Kids 529', 'VTI', 3, 250, null, 690, 3, '2025-02-10'),
      cash('Kids 529', 150.5, 4),
    ]);
    expect(r.skipped).toEqual([{ file: 'generic-lots.csv', line: 5, why: '"Total" is a total, not a holding' }]);
  });

  it('a title and a blank line before the header, values only, cash by its Asset Class, a Grand Total', () => {
    const r = readAsJson('generic-values.csv');
    expect(r.accounts).toEqual([{ account: 'Portfolio', number: null, broker: 'CSV' }]);
    expect(r.holdings).toEqual([
      { account: 'Portfolio', ticker: 'VTI', shares: null, price: null, value: 10000, costBasis: null, acquired: null, line: 5 },
      cash('Portfolio', 500, 6),
    ]);
    expect(r.skipped).toEqual([{ file: 'generic-values.csv', line: 7, why: '"Grand Total" is a total, not a holding' }]);
  });
});
