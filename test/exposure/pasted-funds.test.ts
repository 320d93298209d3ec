import { computeExposure, readHousehold } from '../../src/engine';
import type { Cell, ExposureReport } from '../../src/engine';
import { holdingsTable, lot, table } from '../support/builders';

/** Exposure of $10,000 of `fund` (plus nothing else), with the Funds table pasted as given. */
function exposureOf(fund: string, funds: Cell[][]): ExposureReport {
  return computeExposure(readHousehold({ holdings: holdingsTable([lot('Joint', fund, 100, 100)]), funds: table('Funds', funds) }));
}
const totals = (report: ExposureReport) => Object.fromEntries(report.rows.map((r) => [r.holding, r.total]));

describe('a pasted Funds table', () => {
  it('reads percent strings', () => {
    expect(totals(exposureOf('QQQ', [['Fund', 'Holding', 'Weight'], ['QQQ', 'AAPL', '8.9%'], ['QQQ', 'MSFT', ' 8.1 %']]))).toEqual({
      AAPL: 89_000,
      MSFT: 81_000,
      'Other (QQQ)': 830_000,
    });
  });

  it('reads percent numbers, told apart from fractions by their sum', () => {
    expect(totals(exposureOf('QQQ', [['Fund', 'Holding', 'Weight'], ['QQQ', 'AAPL', 8.9], ['QQQ', 'MSFT', 8.1]]))).toEqual({
      AAPL: 89_000,
      MSFT: 81_000,
      'Other (QQQ)': 830_000,
    });
  });

  it('reads fractions (an Excel cell formatted as a percentage)', () => {
    expect(totals(exposureOf('QQQ', [['Fund', 'Holding', 'Weight'], ['QQQ', 'AAPL', 0.089], ['QQQ', 'MSFT', 0.081]]))).toEqual({
      AAPL: 89_000,
      MSFT: 81_000,
      'Other (QQQ)': 830_000,
    });
  });

  it('decides the form per fund: one fund in fractions, another in percent numbers', () => {
    const report = computeExposure(
      readHousehold({
        holdings: holdingsTable([lot('Joint', 'QQQ', 100, 100), lot('Joint', 'VTI', 100, 100)]),
        funds: table('Funds', [['Fund', 'Holding', 'Weight'], ['QQQ', 'AAPL', 0.5], ['VTI', 'AAPL', 6], ['VTI', 'MSFT', 5]]),
      }),
    );
    expect(totals(report)).toEqual({ AAPL: 500_000 + 60_000, MSFT: 50_000, 'Other (QQQ)': 500_000, 'Other (VTI)': 890_000 });
  });

  it("reads Vanguard's export (Ticker | Holdings | % of funds) with a Fund column added", () => {
    const pasted: Cell[][] = [
      ['Fund', 'Ticker', 'Holdings', '% of funds', 'Shares', 'Market value'],
      ['VTI', 'NVDA', 'NVIDIA Corp.', '6.62 %', 1_234_567, '$228,123,456'],
      ['VTI', 'aapl', 'Apple Inc.', '5.92 %', 1_000_000, '$271,000,000'],
      ['VTI', 'BRK.B', 'Berkshire Hathaway Inc. Class B', '1.46 %', 10, '$1'],
    ];
    expect(totals(exposureOf('VTI', pasted))).toEqual({ NVDA: 66_200, AAPL: 59_200, 'BRK.B': 14_600, 'Other (VTI)': 860_000 });
  });

  it("reads iShares' export (Ticker | Name | Asset Class | Weight (%)): cash lines are CASH, a dash ticker falls back to the name", () => {
    const pasted: Cell[][] = [
      ['ETF', 'Ticker', 'Name', 'Sector', 'Asset Class', 'Market Value', 'Weight (%)', 'Notional Value'],
      ['IVV', 'NVDA', 'NVIDIA CORP', 'Information Technology', 'Equity', '49,000,000', 7.5, '49,000,000'],
      ['IVV', 'AAPL', 'APPLE INC', 'Information Technology', 'Equity', '45,000,000', 6.5, '45,000,000'],
      ['IVV', 'XTSLA', 'BLK CSH FND TREASURY SL AGENCY', 'Cash and/or Derivatives', 'Money Market', '1,000', 0.25, '1,000'],
      ['IVV', 'USD', 'USD CASH', 'Cash and/or Derivatives', 'Cash', '500', 0.1, '500'],
      ['IVV', '-', 'S&P500 EMINI DEC 25', 'Cash and/or Derivatives', 'Futures', '0', 0.05, '500'],
    ];
    expect(totals(exposureOf('IVV', pasted))).toEqual({
      NVDA: 75_000,
      AAPL: 65_000,
      XTSLA: 2_500,
      CASH: 1_000,
      'S&P500 EMINI DEC 25': 500,
      'Other (IVV)': 856_000,
    });
  });

  it('reads a table with only a Holding column of names', () => {
    expect(totals(exposureOf('F', [['Fund', 'Holding', 'Weight'], ['F', 'Apple Inc.', '100%']]))).toEqual({ 'APPLE INC.': 1_000_000 });
  });

  it('adds a holding listed twice in one fund', () => {
    expect(totals(exposureOf('F', [['Fund', 'Symbol', 'Weight'], ['F', 'GOOG', 0.25], ['f', 'goog', 0.75]]))).toEqual({ GOOG: 1_000_000 });
  });
});

describe('a very long Funds table', () => {
  it('reads a fund of 150,000 lines (more than a function call can take as arguments)', () => {
    const rows: Cell[][] = [['Fund', 'Holding', 'Weight']];
    for (let i = 0; i < 150_000; i++) rows.push(['BIG', `B${i}`, 1 / 150_000]);
    const report = exposureOf('BIG', rows);
    expect(report.rows.length).toBe(150_000);
    expect(report.rows.reduce((s, r) => s + r.total, 0)).toBe(1_000_000);
  });
});
