import { cash, position, readAsJson } from './support';

describe('Fidelity Portfolio_Positions', () => {
  it('≤2021 headers: quoted thousands, ** core cash in each account, a Treasury note priced per $100, the Date downloaded footer', () => {
    const r = readAsJson('fidelity-2021.csv');
    expect(r.broker).toBe('Fidelity');
    expect(r.accounts).toEqual([
      { account: 'Individual …5678', number: 'Z12345678', broker: 'Fidelity' },
      { account: 'ROTH IRA …5432', number: 'X98765432', broker: 'Fidelity' },
    ]);
    expect(r.holdings).toEqual([
      cash('Individual …5678', 1250, 2),
      position('Individual …5678', 'FXAIX', 300.123, 152.94, 45900.81, 36000, 3),
      position('Individual …5678', '912828YK0', 5000, 1.0102, 5051, 5000, 4),
      position('ROTH IRA …5432', 'FZROX', 1000, 15.1, 15100, 12000, 5),
      cash('ROTH IRA …5432', 795.2, 6),
    ]);
    expect(r.skipped).toEqual([]);
    expect(r.warnings).toEqual([
      'fidelity-2021.csv, line 4: 912828YK0 is priced per $100 of face value (a bond or CD); its price is read as 1.0102 per unit so that 5000 × price is its value',
    ]);
  });

  it('April 2025: BOM, "$29,653.00 " with a space, the same symbol under Cash and Margin, two kinds of option row, USD***, Pending Activity', () => {
    const r = readAsJson('fidelity-2025-04.csv');
    expect(r.accounts).toEqual([{ account: 'Joint WROS …6789', number: 'Z23456789', broker: 'Fidelity' }]);
    expect(r.holdings).toEqual([
      cash('Joint WROS …6789', 2500, 2),
      position('Joint WROS …6789', 'VTI', 100, 296.53, 29653, 24000, 3),
      position('Joint WROS …6789', 'VTI', 0.5, 296.53, 148.27, 130, 4),
      cash('Joint WROS …6789', 12.34, 7),
    ]);
    expect(r.skipped).toEqual([{ file: 'fidelity-2025-04.csv', line: 8, why: 'pending activity (-$150.00) is not a holding' }]);
    expect(r.warnings).toEqual([
      'fidelity-2025-04.csv, line 5: the option -NFLX260821C100 is not imported (options are not rebalanced)',
      'fidelity-2025-04.csv, line 6: the option NFLX AUG 21 2026 $120 PUT is not imported (options are not rebalanced)',
    ]);
  });

  it('December 2025: CRLF, an extra empty column, pending activity in Description, a 401(k) fund by its CUSIP', () => {
    const r = readAsJson('fidelity-2025-12.csv');
    expect(r.accounts).toEqual([{ account: 'ROLLOVER IRA …3456', number: '244123456', broker: 'Fidelity' }]);
    expect(r.holdings).toEqual([
      cash('ROLLOVER IRA …3456', 310.55, 2),
      position('ROLLOVER IRA …3456', 'FXNAX', 1200.456, 10.51, 12616.79, 13000, 3),
      position('ROLLOVER IRA …3456', '31617E745', 500, 25.86, 12930, 10000, 4),
    ]);
    expect(r.skipped).toEqual([{ file: 'fidelity-2025-12.csv', line: 5, why: 'pending activity ($75.00) is not a holding' }]);
    expect(r.warnings).toEqual([]);
  });

  it('August 2026: sentence-case headers, money without separators, a muni bond quoted per $100 of face, "Pending activity"', () => {
    const r = readAsJson('fidelity-2026-08.csv');
    expect(r.accounts).toEqual([{ account: 'Individual - TOD …7890', number: 'Z34567890', broker: 'Fidelity' }]);
    expect(r.holdings).toEqual([
      cash('Individual - TOD …7890', 1000, 2),
      position('Individual - TOD …7890', 'AAPL', 25, 230.1, 5752.5, 4000, 3),
      position('Individual - TOD …7890', '64966MZN2', 10000, 1.0425, 10425, 10000, 4),
    ]);
    expect(r.skipped).toEqual([{ file: 'fidelity-2026-08.csv', line: 5, why: 'pending activity (-$2747.50) is not a holding' }]);
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]).toMatch(/^fidelity-2026-08\.csv, line 4: 64966MZN2 is priced per \$100 of face value/);
  });
});

describe('Fidelity, 2023 and a single-account download', () => {
  it('core cash with a quantity at $1.00 and n/a gains; columns in the download’s own order, no Account Name; "Date exported"', () => {
    const r = readAsJson('fidelity-2023-single.csv');
    expect(r.accounts).toEqual([{ account: 'Fidelity …8901', number: 'Z45678901', broker: 'Fidelity' }]);
    expect(r.holdings).toEqual([cash('Fidelity …8901', 1523.45, 2), position('Fidelity …8901', 'VXUS', 100, 60.855, 6085.5, 5000, 3)]);
    expect(r.skipped).toEqual([]);
    expect(r.warnings).toEqual([]);
  });
});
