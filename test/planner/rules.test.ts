/** One hand-checked household per planner rule (PRODUCT.md "The trade plan"). */
import { cash, lot } from '../support/builders';
import { AS_OF, planFor } from './plan-helpers';

const IDENTICAL_US = [['Ticker', 'Group'], ['VTI', 'US total'], ['ITOT', 'US total']];

describe('wash sales across the household', () => {
  // Joint must raise $1,000 for its reserve. Its VTI lot is at a loss (free to sell) and its BND lot at
  // a gain. The least drift needs the IRA to invest its cash in US stocks, i.e. buy VTI — so selling
  // the VTI loss lot would be a wash sale, and Joint sells BND instead, paying tax.
  const spec = (ira: string) => ({
    holdings: [
      lot('Joint', 'VTI', 50, 100, { basis: 7500, acquired: '2020-01-02' }),
      lot('Joint', 'BND', 50, 100, { basis: 2500, acquired: '2020-01-02' }),
      lot('Sam IRA', ira, 10, 100, { class: 'US Stocks' }),
      cash('Sam IRA', 4000),
    ],
    targets: { 'US Stocks': 0.6, Bonds: 0.4 },
    accounts: [{ account: 'Joint', type: 'Taxable', reserve: 1000 }, { account: 'Sam IRA', type: 'Traditional' }],
  });

  test('a loss lot in taxable is kept when an IRA buys the same fund', async () => {
    const p = await planFor(spec('VTI'));
    expect(p.check.violations).toEqual([]);
    expect(p.trade('Sam IRA', 'VTI')?.action).toBe('BUY');
    expect(p.trade('Joint', 'VTI')).toBeUndefined();
    expect(p.trade('Joint', 'BND')).toMatchObject({ action: 'SELL', shares: 10, estTax: 7500 });
  });

  test('a loss lot is kept when an IRA buys a fund of its Identical group', async () => {
    const p = await planFor({ ...spec('ITOT'), identical: IDENTICAL_US });
    expect(p.check.violations).toEqual([]);
    expect(p.trade('Sam IRA', 'ITOT')?.action).toBe('BUY');
    expect(p.trade('Joint', 'VTI')).toBeUndefined();
  });

  test('without the Identical row the other fund is no wash sale, so the loss lot is the free sell', async () => {
    const p = await planFor(spec('ITOT'));
    expect(p.check.violations).toEqual([]);
    expect(p.trade('Joint', 'VTI')).toMatchObject({ action: 'SELL', estTax: 0 });
    expect(p.trade('Joint', 'BND')).toBeUndefined();
  });

  test('a purchase in the 30 days before AsOf blocks selling any lot of that fund at a loss', async () => {
    const p = await planFor({
      holdings: [
        lot('Joint', 'VTI', 40, 100, { basis: 6000, acquired: '2020-01-02' }),
        lot('Joint', 'VTI', 10, 100, { basis: 1000, acquired: '2026-11-01' }),
        lot('Joint', 'BND', 10, 100, { basis: 1000, acquired: '2020-01-02' }),
      ],
      targets: { 'US Stocks': 0.5, Bonds: 0.5 },
      accounts: [{ account: 'Joint', type: 'Taxable' }],
    });
    expect(p.check.violations).toEqual([]);
    const sell = p.trade('Joint', 'VTI')!;
    expect(sell.lots.map((l) => l.acquired)).toEqual(['2026-11-01']);
    expect(sell.shares).toBe(10);
  });
});

describe('taxes', () => {
  test('a lot bought exactly one year before AsOf is still short-term; a day earlier is long-term', async () => {
    const p = await planFor({
      holdings: [
        lot('Joint', 'VTI', 10, 200, { basis: 1000, acquired: '2025-11-21' }),
        lot('Joint', 'VOO', 10, 200, { basis: 1000, acquired: '2025-11-20' }),
        lot('Joint', 'BND', 1, 100, { basis: 100, acquired: '2020-01-02' }),
      ],
      targets: { 'US Stocks': 0.05, Bonds: 0.95 },
      accounts: [{ account: 'Joint', type: 'Taxable' }],
      settings: { AsOf: AS_OF },
    });
    expect(p.check.violations).toEqual([]);
    const short = p.trade('Joint', 'VTI')!.lots[0];
    const long = p.trade('Joint', 'VOO')!.lots[0];
    expect(short).toMatchObject({ term: 'ST', gain: short.shares * 10000, estTax: short.shares * 3700 });
    expect(long).toMatchObject({ term: 'LT', gain: long.shares * 10000, estTax: long.shares * 1500 });
  });

  test('specific identification sells the lot with the least tax first', async () => {
    const p = await planFor({
      holdings: [
        lot('Joint', 'VTI', 20, 100, { basis: 400, acquired: '2015-01-02' }),
        lot('Joint', 'VTI', 20, 100, { basis: 1900, acquired: '2019-03-04' }),
        cash('Joint', 0),
        lot('Joint', 'BND', 20, 100, { basis: 2000, acquired: '2015-01-02' }),
      ],
      targets: { 'US Stocks': 0.4, Bonds: 0.6 },
      accounts: [{ account: 'Joint', type: 'Taxable' }],
    });
    const sell = p.trade('Joint', 'VTI')!;
    expect(p.check.violations).toEqual([]);
    expect(sell.shares).toBe(16); // US Stocks $4,000 of $6,000 → 40%
    expect(sell.lots).toEqual([expect.objectContaining({ acquired: '2019-03-04', shares: 16, basis: 152000, gain: 8000, term: 'LT', estTax: 1200 })]);
    expect(sell.reason).toContain('sells the 2019-03-04 lot (long-term gain $80, est. tax $12)');
  });

  test('a taxable row without basis has no gain; without a date it is short-term', async () => {
    const p = await planFor({
      holdings: [lot('Joint', 'VTI', 30, 100, { basis: null, acquired: null }), lot('Joint', 'BND', 10, 100, { basis: 1000, acquired: '2020-01-02' })],
      targets: { 'US Stocks': 0.5, Bonds: 0.5 },
      accounts: [{ account: 'Joint', type: 'Taxable' }],
    });
    expect(p.trade('Joint', 'VTI')?.lots[0]).toMatchObject({ basis: null, gain: 0, term: 'ST', estTax: 0 });
  });

  test('HarvestLosses counts a realised loss as a saving, and the loss lot is sold before the gain lot', async () => {
    const spec = {
      holdings: [
        lot('Joint', 'VTI', 10, 100, { basis: 500, acquired: '2015-01-02' }),
        lot('Joint', 'VTI', 10, 100, { basis: 1500, acquired: '2024-01-02' }),
        lot('Joint', 'BND', 30, 100, { basis: 3000, acquired: '2015-01-02' }),
      ],
      targets: { 'US Stocks': 0.25, Bonds: 0.75 },
      accounts: [{ account: 'Joint', type: 'Taxable' }],
    };
    const harvested = await planFor({ ...spec, settings: { HarvestLosses: true } });
    expect(harvested.check.violations).toEqual([]);
    const sold = harvested.trade('Joint', 'VTI')!;
    expect(sold.lots.map((l) => l.acquired)).toEqual(['2024-01-02']);
    expect(sold.lots[0]).toMatchObject({ gain: -5000 * sold.shares, estTax: -750 * sold.shares });
    expect(harvested.plan.summary.tax).toBe(-750 * sold.shares);
    const plain = await planFor(spec);
    expect(plain.trade('Joint', 'VTI')?.estTax).toBe(0);
  });
});

describe('accounts', () => {
  test('a frozen account (Trade = No) is never traded', async () => {
    const p = await planFor({
      holdings: [lot('Old 401k', 'VTI', 100, 100), lot('Joint', 'BND', 10, 100, { basis: 1000, acquired: '2020-01-02' }), cash('Joint', 5000)],
      targets: { 'US Stocks': 0.5, Bonds: 0.5 },
      accounts: [{ account: 'Old 401k', type: 'Traditional', trade: 'No' }, { account: 'Joint', type: 'Taxable' }],
    });
    expect(p.check.violations).toEqual([]);
    expect(p.plan.trades.filter((t) => t.account === 'Old 401k')).toEqual([]);
    expect(p.trade('Joint', 'BND')).toMatchObject({ action: 'BUY', shares: 50 });
  });

  test('each account keeps its reserve, and cash never moves between accounts', async () => {
    const p = await planFor({
      holdings: [lot('Joint', 'VTI', 10, 100, { basis: 1000, acquired: '2020-01-02' }), cash('Joint', 2500), lot('Roth', 'BND', 10, 100), cash('Roth', 3000)],
      targets: { 'US Stocks': 0.5, Bonds: 0.5 },
      accounts: [{ account: 'Joint', type: 'Taxable', reserve: 2000 }, { account: 'Roth', type: 'Roth' }],
    });
    expect(p.check.violations).toEqual([]);
    const joint = p.plan.summary.cashAfter.find((c) => c.account === 'Joint')!;
    expect(joint.cash).toBeGreaterThanOrEqual(200000);
    expect(p.plan.trades.filter((t) => t.account === 'Joint' && t.action === 'BUY').reduce((s, t) => s + t.amount, 0)).toBeLessThanOrEqual(50000);
  });

  test('a contribution is invested in its own account', async () => {
    const p = await planFor({
      holdings: [lot('Roth', 'VTI', 10, 100), lot('Roth', 'BND', 10, 100)],
      targets: { 'US Stocks': 0.5, Bonds: 0.5 },
      accounts: [{ account: 'Roth', type: 'Roth', contribution: 3000 }],
    });
    expect(p.check.violations).toEqual([]);
    expect(p.trade('Roth', 'VTI')).toMatchObject({ action: 'BUY', shares: 15 });
    expect(p.trade('Roth', 'BND')).toMatchObject({ action: 'BUY', shares: 15 });
    expect(p.plan.summary.cashAfter[0].cash).toBe(0);
  });
});

describe('settings', () => {
  const overweight = {
    holdings: [lot('IRA', 'VTI', 70, 100), lot('IRA', 'BND', 30, 100)],
    targets: { 'US Stocks': 0.6, Bonds: 0.4 },
    accounts: [{ account: 'IRA', type: 'Traditional' }],
  };

  test('BuyOnly never sells: it invests the cash in what is underweight', async () => {
    const p = await planFor({ ...overweight, holdings: [...overweight.holdings, cash('IRA', 1000)], settings: { Mode: 'BuyOnly' } });
    expect(p.check.violations).toEqual([]);
    expect(p.plan.trades.map((t) => [t.action, t.ticker, t.shares])).toEqual([['BUY', 'BND', 10]]);
  });

  test('BandEdge moves a class only to the edge of its band', async () => {
    const p = await planFor({ ...overweight, settings: { RebalanceTo: 'BandEdge' } });
    expect(p.check.violations).toEqual([]);
    const us = p.plan.summary.classes.find((c) => c.label === 'US Stocks')!;
    expect(us.weightAfter).toBeCloseTo(0.65, 2);
    const target = await planFor(overweight);
    expect(target.plan.summary.classes.find((c) => c.label === 'US Stocks')!.weightAfter).toBeCloseTo(0.6, 2);
  });

  test('MinTrade drops trades below it, but a whole position may still be sold', async () => {
    const p = await planFor({
      holdings: [lot('IRA', 'VTI', 50, 100), lot('IRA', 'BND', 49, 100), lot('IRA', 'VNQ', 0.5, 60), cash('IRA', 80)],
      targets: { 'US Stocks': 0.5, Bonds: 0.5, 'Real Estate': 0 },
      accounts: [{ account: 'IRA', type: 'Traditional' }],
    });
    expect(p.check.violations).toEqual([]);
    // Selling the $30 of VNQ (below MinTrade, but the whole position) pays for one more BND.
    expect(p.trade('IRA', 'VNQ')).toMatchObject({ action: 'SELL', shares: 0.5, amount: 3000 });
    expect(p.trade('IRA', 'BND')).toMatchObject({ action: 'BUY', shares: 1 });
    expect(p.plan.trades.every((t) => t.ticker === 'VNQ' || t.amount >= 5000)).toBe(true);
  });

  test('whole shares: every trade is whole but for selling a whole fractional position', async () => {
    const p = await planFor({
      holdings: [lot('IRA', 'VTI', 12.5, 101.37), lot('IRA', 'BND', 3.25, 72.11), cash('IRA', 2000)],
      targets: { 'US Stocks': 0.5, Bonds: 0.5 },
      accounts: [{ account: 'IRA', type: 'Traditional' }],
    });
    expect(p.check.violations).toEqual([]);
    for (const t of p.plan.trades) expect(Number.isInteger(t.shares)).toBe(true);
  });

  test('untargeted holdings are left alone unless SellUntargeted', async () => {
    const spec = {
      holdings: [lot('IRA', 'VTI', 10, 100), lot('IRA', 'BND', 10, 100), lot('IRA', 'GLD', 10, 100, { class: 'Gold' })],
      targets: { 'US Stocks': 0.5, Bonds: 0.5 },
      accounts: [{ account: 'IRA', type: 'Traditional' }],
    };
    const kept = await planFor(spec);
    expect(kept.trade('IRA', 'GLD')).toBeUndefined();
    const sold = await planFor({ ...spec, settings: { SellUntargeted: true } });
    expect(sold.check.violations).toEqual([]);
    expect(sold.trade('IRA', 'GLD')).toMatchObject({ action: 'SELL', shares: 10 });
    expect(sold.trade('IRA', 'GLD')!.reason).toContain('no target and SellUntargeted is on');
  });

  test('commission and spread are costs: no trade is made that only moves dust', async () => {
    const p = await planFor({
      holdings: [lot('IRA', 'VTI', 50, 100), lot('IRA', 'BND', 50, 100), cash('IRA', 120)],
      targets: { 'US Stocks': 0.5, Bonds: 0.5 },
      accounts: [{ account: 'IRA', type: 'Traditional' }],
      settings: { Commission: 5, SpreadBps: 10, MinTrade: 0 },
    });
    expect(p.check.violations).toEqual([]);
    for (const t of p.plan.trades) expect(t.cost).toBe(500 + Math.round(t.amount / 1000));
  });
});

describe('the buy-ticker rule', () => {
  test('an account buys its own largest holding of the class, else the Targets Buy ticker, else the largest anywhere', async () => {
    const p = await planFor({
      holdings: [
        lot('A', 'VTI', 10, 100),
        lot('A', 'SCHB', 1, 50),
        lot('B', 'BND', 10, 100),
        cash('B', 2000),
        lot('C', 'BND', 1, 100),
        cash('C', 2000),
        lot('A', 'VXUS', 0, 60),
      ],
      targets: { 'US Stocks': 0.4, Bonds: 0.3, 'Intl Stocks': 0.3 },
      targetOptions: { 'Intl Stocks': { buy: 'VXUS' } },
      accounts: [{ account: 'A', type: 'Roth' }, { account: 'B', type: 'Roth' }, { account: 'C', type: 'Roth' }],
    });
    expect(p.check.violations).toEqual([]);
    const tickers = new Set(p.plan.trades.filter((t) => t.action === 'BUY').map((t) => `${t.account}:${t.ticker}`));
    for (const t of tickers) expect(['B:VTI', 'C:VTI', 'B:VXUS', 'C:VXUS', 'A:VXUS', 'A:VTI', 'B:BND', 'C:BND']).toContain(t);
    expect([...tickers].some((t) => t.endsWith('VXUS'))).toBe(true);
  });
});

describe('input the planner cannot use', () => {
  test('an underweight class with no ticker to buy is left out of the plan, with a warning naming its Targets row', async () => {
    const p = await planFor({ holdings: [lot('IRA', 'VTI', 10, 100), cash('IRA', 500)], targets: { 'US Stocks': 0.9, 'Real Estate': 0.1 }, accounts: [{ account: 'IRA', type: 'Roth' }] });
    expect(p.check.violations).toEqual([]);
    expect(p.plan.warnings.map((w) => w.message)).toContain(
      'Targets, row 3, column Buy: Real Estate is under target but no account holds it (with Shares and Price) and Targets gives no Buy ticker for it; it is left out of the plan (add a Buy ticker to buy it)',
    );
    // The rest is still planned (the cash buys US Stocks up to its target: 4 or 5 shares tie on D), and
    // D still counts Real Estate's $150 the plan cannot move.
    expect(p.trade('IRA', 'VTI')).toMatchObject({ action: 'BUY' });
    expect(p.plan.summary.classes.find((c) => c.label === 'Real Estate')?.excessAfter).toBe(15_000);
    expect(p.plan.summary.driftAfter).toBe(30_000);
  });

  test('a position with only a Value is left as it is, with a warning naming its row', async () => {
    const p = await planFor({ holdings: [lot('IRA', 'VTI', 10, 100), { account: 'IRA', ticker: 'BND', class: 'Bonds', value: 1000 }], targets: { 'US Stocks': 0.5, Bonds: 0.5 } });
    expect(p.check.violations).toEqual([]);
    expect(p.plan.trades).toEqual([]);
    expect(p.plan.warnings.map((w) => w.message)).toContain(
      'Holdings, row 3: BND (row 3) in IRA has only a Value (no Shares and Price), so the planner leaves it as it is; give Shares and Price to trade it',
    );
  });

  test('rules that cannot all hold say which', async () => {
    await expect(
      planFor({
        holdings: [lot('IRA', 'VTI', 10, 100), cash('IRA', 100)],
        targets: { 'US Stocks': 1 },
        accounts: [{ account: 'IRA', type: 'Roth', reserve: 5000 }],
        settings: { Mode: 'BuyOnly' },
      }),
    ).rejects.toThrow(/Accounts, row 2, column Reserve: the rules cannot all hold: the cash reserve of IRA .* Mode is BuyOnly/);
  });
});
