/** The import benchmark's exports: the lines asked for, read as the broker's format, every position and the cash imported. */
import { importFile } from '../../src/engine';
import { fidelityExport, ibkrExport } from '../../bench/import-exports';

describe('the import benchmark’s synthetic exports', () => {
  it('Fidelity: 5,000 data lines, 20 accounts, a cash line each, one pending line skipped', () => {
    const text = fidelityExport(5000);
    expect(text).toBe(fidelityExport(5000)); // seeded
    const file = importFile('bench.csv', text);
    expect(file.broker).toBe('Fidelity');
    expect(file.accounts).toHaveLength(20);
    expect(file.holdings).toHaveLength(4999);
    expect(file.holdings.filter((h) => h.ticker === 'CASH')).toHaveLength(20);
    expect(file.skipped.map((s) => s.line)).toEqual([5001]);
    expect(file.warnings).toEqual([]);
  });

  it('IBKR: 5,000 Open Positions lines, imported as their lots, plus the ending cash', () => {
    const file = importFile('bench.csv', ibkrExport(5000));
    expect(file.broker).toBe('Interactive Brokers');
    const lots = file.holdings.filter((h) => h.acquired !== null);
    expect(lots).toHaveLength(4500);
    expect(file.holdings).toHaveLength(4501);
    expect(file.holdings[file.holdings.length - 1]).toMatchObject({ ticker: 'CASH', value: 234567 });
  });
});
