import { computeExposure, exposureJson, exposureSpill, readTop } from '../../src/engine';
import { cash, household, lot } from '../support/builders';

const h = () =>
  household({
    holdings: [lot('Joint', 'AAPL', 10, 200), lot('Joint', 'QQQ', 4, 500.01), cash('IRA', 300)],
    funds: [['Fund', 'Holding', 'Weight'], ['QQQ', 'AAPL', '10%'], ['QQQ', 'MSFT', '9%'], ['QQQ', 'NVDA', '8%']],
  });

describe('the exposure spill and JSON', () => {
  it('ends with a Total row that reconciles: direct + via funds = the household', () => {
    const spill = exposureSpill(computeExposure(h()));
    expect(spill[0]).toEqual(['Holding', 'Direct', 'Via funds', 'Total', 'Weight', 'Via']);
    // QQQ is 200,004 cents: 10% = 20,000.4, 9% = 18,000.36, 8% = 16,000.32, the other 73% = 146,002.92;
    // the floors leave 2 cents, which go to the largest remainders (.92, then .4): 20,001 and 146,003.
    expect(spill.slice(1).map((r) => r[0])).toEqual(['AAPL', 'Other (QQQ)', 'CASH', 'MSFT', 'NVDA', 'Total']);
    expect(spill[spill.length - 1]).toEqual(['Total', 2300, 2000.04, 4300.04, 1, '']);
    const rows = spill.slice(1, -1);
    expect(rows.reduce((s, r) => s + Math.round((r[3] as number) * 100), 0)).toBe(430_004);
  });

  it('sums the rows that top leaves out in Others (n)', () => {
    const spill = exposureSpill(computeExposure(h(), { top: 2 }));
    expect(spill.map((r) => r.slice(0, 4))).toEqual([
      ['Holding', 'Direct', 'Via funds', 'Total'],
      ['AAPL', 2000, 200.01, 2200.01],
      ['Other (QQQ)', 0, 1460.03, 1460.03],
      ['Others (3)', 300, 340, 640],
      ['Total', 2300, 2000.04, 4300.04],
    ]);
  });

  it('gives JSON rows with the contract fields and the funds each comes through', () => {
    expect(exposureJson(computeExposure(h()))[0]).toEqual({
      holding: 'AAPL',
      direct: 2000,
      viaFunds: 200.01,
      total: 2200.01,
      weight: 0.511625, // 2,200.01 / 4,300.04
      via: [{ fund: 'QQQ', value: 200.01 }],
    });
  });
});

describe('the top argument', () => {
  it('means every row when blank or 0 (what older Excel builds send for a blank cell)', () => {
    expect(readTop(null)).toBeNull();
    expect(readTop('')).toBeNull();
    expect(readTop(0)).toBeNull();
    expect(readTop(5)).toBe(5);
  });

  it('refuses fractions, negatives and text', () => {
    expect(() => readTop(2.5)).toThrow('REBAL.EXPOSURE, column top: 2.5 is not a whole number of holdings to show');
    expect(() => readTop(-3)).toThrow('-3 is not a whole number of holdings to show');
    expect(() => readTop('ten')).toThrow('"ten" is not a number; top is how many holdings to show');
  });
});
