/**
 * The planner with funds that span classes (issue 10): buying or selling $X of a multi-class fund
 * moves each class by weight × X, the fund is bought only when Targets' Buy names it, and the reason
 * says the split.
 */
import { cash, lot } from '../support/builders';
import { AS_OF, planFor } from './plan-helpers';

const TDF_MIX = [
  ['VFIFX', 'US Stocks', '54%'],
  ['VFIFX', 'Intl Stocks', '36%'],
  ['VFIFX', 'Bonds', '10%'],
];

describe('the planner with a fund that spans classes', () => {
  it('sells the fund to trim what it is made of, and says the split in the reason', async () => {
    // The 401(k) holds only the target-date fund and a bond fund; US and Intl Stocks are far over
    // target, so selling VFIFX (90% stocks) and buying bonds is the only way to get closer there.
    const p = await planFor({
      holdings: [lot('Alex 401k', 'VFIFX', 100, 50), lot('Alex 401k', 'FXNAX', 10, 10), lot('Joint', 'VTI', 20, 100, { basis: 2000, acquired: '2020-01-02' })],
      accounts: [{ account: 'Alex 401k', type: '401k' }, { account: 'Joint', type: 'Taxable' }],
      targets: { 'US Stocks': 0.4, 'Intl Stocks': 0.2, Bonds: 0.4 },
      mix: TDF_MIX,
      settings: { MinTrade: 0 },
    });
    expect(p.check.violations).toEqual([]);
    const sell = p.trade('Alex 401k', 'VFIFX')!;
    expect(sell.action).toBe('SELL');
    expect(sell.split.map((s) => [s.key, s.weight])).toEqual([['US Stocks', 0.54], ['Intl Stocks', 0.36], ['Bonds', 0.1]]);
    expect(sell.reason).toMatch(/^Sell \d+ VFIFX in Alex 401k \(\$[\d,]+\): VFIFX is 54% US Stocks, 36% Intl Stocks and 10% Bonds; selling \$[\d,]+ of it trims US Stocks by \$[\d,]+, Intl Stocks by \$[\d,]+ and Bonds by \$[\d,]+ \(US Stocks /);
    // The parts of the reason add up to the trade's amount.
    const parts = [...sell.reason.matchAll(/(?:US Stocks|Intl Stocks|Bonds) by \$([\d,]+)/g)].map((m) => Number(m[1].replace(/,/g, '')));
    expect(parts).toHaveLength(3);
    expect(p.trade('Alex 401k', 'FXNAX')?.action).toBe('BUY');
  });

  it('never buys the fund for a class unless Targets names it as the Buy ticker', async () => {
    // Intl Stocks is under target; the 401(k) holds VFIFX (36% Intl) but no Intl Stocks ticker of its own.
    const spec = {
      holdings: [lot('Alex 401k', 'VFIFX', 10, 50), cash('Alex 401k', 2000), lot('IRA', 'VXUS', 1, 60)],
      accounts: [{ account: 'Alex 401k', type: '401k' }, { account: 'IRA', type: 'IRA' }],
      targets: { 'US Stocks': 0.5, 'Intl Stocks': 0.4, Bonds: 0.1 },
      mix: TDF_MIX,
      settings: { MinTrade: 0 },
    };
    const without = await planFor(spec);
    expect(without.check.violations).toEqual([]);
    expect(without.plan.trades.filter((t) => t.ticker === 'VFIFX' && t.action === 'BUY')).toEqual([]);
    // The 401(k) buys VXUS, the household's largest Intl Stocks holding, with its cash.
    expect(without.trade('Alex 401k', 'VXUS')?.action).toBe('BUY');

    const named = await planFor({ ...spec, targetOptions: { 'US Stocks': { buy: 'VFIFX' } } });
    expect(named.check.violations).toEqual([]);
    const buy = named.trade('Alex 401k', 'VFIFX');
    expect(buy?.action).toBe('BUY');
    expect(buy!.reason).toMatch(/VFIFX is 54% US Stocks, 36% Intl Stocks and 10% Bonds; buying \$[\d,]+ of it adds \$[\d,]+ to US Stocks, \$[\d,]+ to Intl Stocks and \$[\d,]+ to Bonds/);
  });

  it('plans a household whose mixed fund is derived through Funds, and reports the split as derived', async () => {
    const p = await planFor({
      holdings: [lot('Alex 401k', 'VFIFX', 100, 50), lot('Alex 401k', 'FXNAX', 10, 10), lot('IRA', 'VTI', 10, 100), lot('IRA', 'VXUS', 10, 50), lot('IRA', 'BND', 10, 70)],
      accounts: [{ account: 'Alex 401k', type: '401k' }, { account: 'IRA', type: 'IRA' }],
      targets: { 'US Stocks': 0.3, 'Intl Stocks': 0.2, Bonds: 0.5 },
      funds: [['Fund', 'Holding', 'Weight'], ['VFIFX', 'VTI', 0.54], ['VFIFX', 'VXUS', 0.36], ['VFIFX', 'BND', 0.1]],
      settings: { MinTrade: 0 },
    });
    expect(p.check.violations).toEqual([]);
    expect(p.household.mixes.get('VFIFX')?.source).toBe('derived');
    expect(p.trade('Alex 401k', 'VFIFX')?.reason).toMatch(/VFIFX is 54% US Stocks, 36% Intl Stocks and 10% Bonds \(derived through Funds\); selling/);
  });

  it('moves the class values the summary reports by the fund\'s weights, to the cent', async () => {
    const p = await planFor({
      holdings: [lot('Alex 401k', 'VFIFX', 100, 50), lot('Alex 401k', 'FXNAX', 10, 10)],
      accounts: [{ account: 'Alex 401k', type: '401k' }],
      targets: { 'US Stocks': 0.3, 'Intl Stocks': 0.2, Bonds: 0.5 },
      mix: TDF_MIX,
      settings: { MinTrade: 0, AsOf: AS_OF },
    });
    expect(p.check.violations).toEqual([]);
    const sell = p.trade('Alex 401k', 'VFIFX')!;
    const before = new Map(p.plan.summary.classes.map((c) => [c.label, c.valueBefore]));
    const after = new Map(p.plan.summary.classes.map((c) => [c.label, c.valueAfter]));
    const bought = p.trade('Alex 401k', 'FXNAX')!;
    // US and Intl move only by VFIFX's share; Bonds by its share and the FXNAX bought.
    const us = (after.get('US Stocks')! - before.get('US Stocks')!) / sell.amount;
    const intl = (after.get('Intl Stocks')! - before.get('Intl Stocks')!) / sell.amount;
    expect(us).toBeCloseTo(-0.54, 4);
    expect(intl).toBeCloseTo(-0.36, 4);
    // Largest remainder gives each class its exact share within a cent.
    expect(Math.abs(after.get('Bonds')! - before.get('Bonds')! - (bought.amount - sell.amount * 0.1))).toBeLessThanOrEqual(1);
    const totalBefore = [...before.values()].reduce((a, b) => a + b, 0);
    const totalAfter = [...after.values()].reduce((a, b) => a + b, 0);
    expect(totalAfter).toBe(totalBefore);
  });
});
