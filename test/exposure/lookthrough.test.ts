import { computeExposure } from '../../src/engine';
import type { ExposureReport, ExposureRow } from '../../src/engine';
import { cash, household, lot } from '../support/builders';

/**
 * A household checked by hand to the cent. TDF is a fund of funds (60% VTI, 40% BND); QQQ and VTI
 * list only their top holdings, so the rest of each is `Other (QQQ)` / `Other (VTI)`.
 */
const FUNDS = [
  ['Fund', 'Holding', 'Weight'],
  ['QQQ', 'AAPL', 0.1],
  ['QQQ', 'MSFT', 0.09],
  ['QQQ', 'NVDA', 0.08],
  ['VTI', 'AAPL', 0.06],
  ['VTI', 'MSFT', 0.05],
  ['VTI', 'CASH', 0.01],
  ['TDF', 'VTI', 0.6],
  ['TDF', 'BND', 0.4],
];

const nested = () =>
  household({
    holdings: [
      lot('Joint', 'AAPL', 10, 200), // $2,000.00
      lot('Joint', 'QQQ', 4, 500), // $2,000.00
      lot('Joint', 'VTI', 3, 333.33), // $999.99
      lot('IRA', 'TDF', 50, 60.01), // $3,000.50
      cash('IRA', 500), // $500.00
    ],
    funds: FUNDS,
  });

const row = (report: ExposureReport, holding: string): ExposureRow => {
  const found = report.rows.find((r) => r.holding === holding);
  if (!found) throw new Error(`no row ${holding}`);
  return found;
};
const via = (r: ExposureRow) => Object.fromEntries(r.via.map((v) => [v.fund, v.value]));

describe('look-through of a nested household, checked by hand', () => {
  const report = computeExposure(nested());

  it('totals the household: 2,000.00 + 2,000.00 + 999.99 + 3,000.50 + 500.00', () => {
    expect(report.total).toBe(849_999 + 50); // 8,500.49 in cents
  });

  it('splits QQQ ($2,000.00) exactly: 10%, 9%, 8% and the unlisted 73%', () => {
    expect(via(row(report, 'NVDA'))).toEqual({ QQQ: 16_000 });
    expect(via(row(report, 'Other (QQQ)'))).toEqual({ QQQ: 146_000 });
  });

  it('splits VTI ($999.99) by largest remainder: 5,999.94 / 4,999.95 / 999.99 / 87,999.12 cents round to 6,000 / 5,000 / 1,000 / 87,999', () => {
    expect(via(row(report, 'AAPL')).VTI).toBe(6_000);
    expect(via(row(report, 'MSFT')).VTI).toBe(5_000);
    expect(via(row(report, 'CASH')).VTI).toBe(1_000);
    expect(via(row(report, 'Other (VTI)')).VTI).toBe(87_999);
  });

  it('expands TDF ($3,000.50) through VTI: 3.6% AAPL, 3% MSFT, 0.6% cash, 52.8% Other (VTI), 40% BND', () => {
    // 10,801.8 / 9,001.5 / 1,800.3 / 158,426.4 / 120,020 cents: two cents left, to the .8 and the .5.
    expect(via(row(report, 'AAPL')).TDF).toBe(10_802);
    expect(via(row(report, 'MSFT')).TDF).toBe(9_002);
    expect(via(row(report, 'CASH')).TDF).toBe(1_800);
    expect(via(row(report, 'Other (VTI)')).TDF).toBe(158_426);
    expect(via(row(report, 'BND')).TDF).toBe(120_020);
  });

  it('adds direct and via-fund amounts per holding, largest total first', () => {
    const table = report.rows.map((r) => [r.holding, r.direct, r.viaFunds, r.total]);
    expect(table).toEqual([
      ['Other (VTI)', 0, 246_425, 246_425],
      ['AAPL', 200_000, 36_802, 236_802],
      ['Other (QQQ)', 0, 146_000, 146_000],
      ['BND', 0, 120_020, 120_020],
      ['CASH', 50_000, 2_800, 52_800],
      ['MSFT', 0, 32_002, 32_002],
      ['NVDA', 0, 16_000, 16_000],
    ]);
    expect(report.rows.reduce((s, r) => s + r.total, 0)).toBe(report.total);
  });

  it('lists the funds a holding comes through, largest first', () => {
    expect(row(report, 'AAPL').via).toEqual([
      { fund: 'QQQ', value: 20_000 },
      { fund: 'TDF', value: 10_802 },
      { fund: 'VTI', value: 6_000 },
    ]);
  });

  it('tells holdings, cash and unlisted remainders apart', () => {
    expect(row(report, 'CASH').kind).toBe('cash');
    expect(row(report, 'Other (QQQ)').kind).toBe('other');
    expect(row(report, 'BND').kind).toBe('holding');
  });

  it('flags single holdings above 10%, never cash or a remainder', () => {
    expect(report.limit).toBe(0.1);
    expect(report.flags.map((f) => f.message)).toEqual([
      'AAPL is 27.9% of the household: 23.5% direct, 2.4% via QQQ, 1.3% via TDF, 0.7% via VTI',
      'BND is 14.1% of the household: 14.1% via TDF',
    ]);
  });
});

describe('concentration limit', () => {
  it('follows the ConcentrationLimit setting', () => {
    const h = household({ holdings: [lot('Joint', 'AAPL', 10, 200), lot('Joint', 'VTI', 10, 800)], settings: { ConcentrationLimit: '25%' } });
    expect(computeExposure(h).flags.map((f) => f.holding)).toEqual(['VTI']);
  });

  it('does not flag a holding exactly at the limit', () => {
    const h = household({ holdings: [lot('Joint', 'AAPL', 1, 100), lot('Joint', 'MSFT', 9, 100)], settings: { ConcentrationLimit: 0.1 } });
    expect(computeExposure(h).flags.map((f) => f.holding)).toEqual(['MSFT']);
  });
});

describe('top', () => {
  it('keeps the largest rows and sums the rest, so the total still reconciles', () => {
    const report = computeExposure(nested(), { top: 2 });
    expect(report.rows.map((r) => r.holding)).toEqual(['Other (VTI)', 'AAPL']);
    expect(report.rest).toEqual({ count: 5, direct: 50_000, viaFunds: 146_000 + 120_020 + 2_800 + 32_002 + 16_000, total: 366_822, weight: 366_822 / 850_049 });
    expect(report.rows[0].total + report.rows[1].total + report.rest!.total).toBe(report.total);
  });

  it('still flags a holding the top leaves out', () => {
    expect(computeExposure(nested(), { top: 1 }).flags.map((f) => f.holding)).toEqual(['AAPL', 'BND']);
  });
});

describe('holdings and funds', () => {
  it('shows a fund with no rows in Funds as a holding of its own', () => {
    const report = computeExposure(household({ holdings: [lot('Joint', 'BND', 10, 70)], funds: FUNDS }));
    expect(report.rows.map((r) => [r.holding, r.direct])).toEqual([['BND', 70_000]]);
  });

  it('adds every lot of a fund in every account before splitting it', () => {
    const report = computeExposure(
      household({
        holdings: [lot('Joint', 'QQQ', 1, 0.05), lot('IRA', 'QQQ', 1, 0.05)],
        funds: [['Fund', 'Holding', 'Weight'], ['QQQ', 'AAPL', 0.5], ['QQQ', 'MSFT', 0.5]],
      }),
    );
    // 10 cents split once: 5 and 5 (splitting each 5-cent lot would give 3/2 twice, i.e. 6 and 4).
    expect(report.rows.map((r) => [r.holding, r.total])).toEqual([['AAPL', 5], ['MSFT', 5]]);
  });

  it('matches tickers whatever their case', () => {
    const report = computeExposure(
      household({
        holdings: [lot('Joint', 'qqq', 1, 100), lot('Joint', 'Aapl', 1, 100)],
        funds: [['Fund', 'Holding', 'Weight'], ['Qqq', 'aapl', '100%']],
      }),
    );
    expect(report.rows.map((r) => [r.holding, r.direct, r.viaFunds])).toEqual([['AAPL', 10_000, 10_000]]);
  });

  it('gathers cash from every account as CASH', () => {
    const report = computeExposure(household({ holdings: [cash('Joint', 10), cash('IRA', 20.5), lot('IRA', 'VTI', 1, 100)] }));
    expect(report.rows.map((r) => [r.holding, r.direct])).toEqual([['VTI', 10_000], ['CASH', 3_050]]);
  });

  it('scales weights that add up to a little over 100% down to 100%', () => {
    const report = computeExposure(
      household({
        holdings: [lot('Joint', 'F', 1, 1003)],
        funds: [['Fund', 'Holding', 'Weight'], ['F', 'A', 0.503], ['F', 'B', 0.5]],
      }),
    );
    expect(report.rows.map((r) => [r.holding, r.total])).toEqual([['A', 50_300], ['B', 50_000]]);
  });
});
