/**
 * The planner with funds that span classes (issue 10): buying or selling $X of a multi-class fund
 * moves each class by weight × X, the fund is bought only when Targets' Buy names it, and the reason
 * says the split.
 */
import fc from 'fast-check';
import { planTrades } from '../../src/engine';
import { cash, household, HoldingSpec, lot } from '../support/builders';
import { loadSolver } from '../support/solver';
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

test('a fund none of whose classes has a target is sold only with SellUntargeted, and the reason says why', async () => {
  const spec = {
    holdings: [lot('IRA', 'GOLDMIX', 10, 100, { class: 'Mixed' }), lot('IRA', 'VTI', 1, 100)],
    accounts: [{ account: 'IRA', type: 'IRA' }],
    targets: { 'US Stocks': 1 },
    mix: [['GOLDMIX', 'Gold', 0.7], ['GOLDMIX', 'Silver', 0.3]],
    settings: { MinTrade: 0 },
  };
  const kept = await planFor(spec);
  expect(kept.check.violations).toEqual([]);
  expect(kept.trade('IRA', 'GOLDMIX')).toBeUndefined();
  const sold = await planFor({ ...spec, settings: { MinTrade: 0, SellUntargeted: true } });
  expect(sold.check.violations).toEqual([]);
  expect(sold.trade('IRA', 'GOLDMIX')!.reason).toMatch(
    /^Sell 10 GOLDMIX in IRA \(\$1,000\): GOLDMIX is 70% Gold and 30% Silver; selling \$1,000 of it trims Gold by \$700 and Silver by \$300; none of them has a target and SellUntargeted is on, so it is sold; no tax is due/,
  );
});

describe('a fund whose mix is one class at 100%', () => {
  const positionArb = fc.record({ shares: fc.integer({ min: 0, max: 40 }), basisFactor: fc.double({ min: 0.5, max: 1.5, noNaN: true }) });
  const spec = fc.record({
    taxable: fc.tuple(positionArb, positionArb, positionArb),
    ira: fc.tuple(positionArb, positionArb, positionArb),
    cash: fc.integer({ min: 0, max: 3000 }),
    us: fc.integer({ min: 2, max: 8 }),
    wholeShares: fc.boolean(),
  });
  const TICKERS = [
    ['FUND', 81.3],
    ['VXUS', 61.05],
    ['BND', 72.4],
  ] as const;

  function build(s: typeof spec extends fc.Arbitrary<infer T> ? T : never, asMix: boolean) {
    const holdings: HoldingSpec[] = [cash('Joint', s.cash)];
    const classOf = { FUND: 'US Stocks', VXUS: 'Intl Stocks', BND: 'Bonds' } as const;
    for (const [account, positions] of [['Joint', s.taxable], ['IRA', s.ira]] as const) {
      positions.forEach((p, i) => {
        const [ticker, price] = TICKERS[i];
        const taxable = account === 'Joint';
        const cls = ticker === 'FUND' && asMix ? 'Mixed' : classOf[ticker];
        holdings.push(lot(account, ticker, p.shares, price, { class: cls, basis: taxable ? Math.round(p.shares * price * p.basisFactor * 100) / 100 : null, acquired: taxable ? '2021-03-04' : null }));
      });
    }
    return household({
      holdings,
      accounts: [{ account: 'Joint', type: 'Taxable', contribution: 1000 }, { account: 'IRA', type: 'IRA' }],
      targets: { 'US Stocks': s.us / 10, 'Intl Stocks': (9 - s.us) / 10, Bonds: 0.1 },
      settings: { AsOf: AS_OF, WholeShares: s.wholeShares, MinTrade: 0 },
      mix: asMix ? [['FUND', 'US Stocks', '100%']] : undefined,
    });
  }

  it('plans exactly like the same fund with that Class (it may be bought as the class\'s ticker)', async () => {
    const solver = await loadSolver();
    let bought = 0;
    fc.assert(
      fc.property(spec, (s) => {
        const classed = planTrades(build(s, false), solver, { now: () => performance.now() });
        const mixed = planTrades(build(s, true), solver, { now: () => performance.now() });
        expect(mixed.trades).toEqual(classed.trades);
        if (mixed.trades.some((t) => t.ticker === 'FUND' && t.action === 'BUY')) bought++;
      }),
      { numRuns: 30, seed: 101 },
    );
    expect(bought).toBeGreaterThan(0);
  }, 120_000);
});
