/** Small planner models for unit tests: a household spec → Book → PlannerModel, and random small households. */
import fc from 'fast-check';
import type { Cell } from '../../src/engine';
import { buildBook } from '../../src/engine/planner/book';
import type { Leg } from '../../src/engine/planner/legs';
import { buildModel, PlannerModel } from '../../src/engine/planner/model';
import { AccountSpec, cash, HoldingSpec, household, HouseholdSpec, lot } from '../support/builders';
import { AS_OF } from './plan-helpers';

export { AS_OF };

/** The planner model of a household spec (AsOf defaults to AS_OF). */
export function modelOf(spec: HouseholdSpec): PlannerModel {
  const h = household({ ...spec, settings: { AsOf: AS_OF, ...spec.settings } });
  return buildModel(buildBook(h, h.settings.asOf!));
}

/** The leg of an account and ticker (throws when the model has none). */
export function legOf(pm: PlannerModel, account: string, ticker: string): Leg {
  const leg = pm.legs.find((l) => l.account.name === account && l.ticker === ticker);
  if (!leg) throw new Error(`no leg ${account}/${ticker}`);
  return leg;
}

const TICKERS = ['VTI', 'ITOT', 'VXUS', 'BND'] as const;
const DATES = ['2020-01-02', '2025-11-21', '2025-11-20', '2026-11-01', '2026-10-01', null] as const;

const lotArb = fc.record({
  account: fc.constantFrom('Joint', 'Sam IRA'),
  ticker: fc.constantFrom(...TICKERS),
  shares: fc.oneof(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 1, max: 4000 }).map((n) => n / 100)),
  basisPerShare: fc.option(fc.integer({ min: 1, max: 300 }), { nil: null }),
  acquired: fc.constantFrom(...DATES),
});

/** A random small household: two accounts (one taxable), up to six lots of four tickers, random settings. */
export const householdArb: fc.Arbitrary<HouseholdSpec> = fc
  .record({
    lots: fc.array(lotArb, { minLength: 1, maxLength: 6 }),
    prices: fc.tuple(...TICKERS.map(() => fc.integer({ min: 1, max: 30_000 }).map((c) => c / 100))),
    jointCash: fc.integer({ min: 1, max: 3000 }),
    iraCash: fc.integer({ min: 0, max: 3000 }),
    contribution: fc.constantFrom(0, 500),
    reserve: fc.constantFrom(0, 100, 800),
    wholeShares: fc.boolean(),
    minTrade: fc.constantFrom(0, 50),
    commission: fc.constantFrom(0, 1),
    spreadBps: fc.constantFrom(0, 10),
    harvestLosses: fc.boolean(),
    identical: fc.boolean(),
    targets: fc.constantFrom<Record<string, number>>(
      { 'US Stocks': 0.6, Bonds: 0.4 },
      { 'US Stocks': 0.3, 'Intl Stocks': 0.3, Bonds: 0.3, Cash: 0.1 },
      { 'US Stocks': 0.9, Bonds: 0.1 },
    ),
  })
  .map((r) => {
    const holdings: HoldingSpec[] = r.lots.map((l) => {
      const price = r.prices[TICKERS.indexOf(l.ticker)];
      return lot(l.account, l.ticker, l.shares, price, {
        basis: l.basisPerShare === null ? null : Math.round(l.basisPerShare * l.shares * 100) / 100,
        acquired: l.acquired,
      });
    });
    holdings.push(cash('Joint', r.jointCash), cash('Sam IRA', r.iraCash));
    const accounts: AccountSpec[] = [
      // The reserve is kept within cash and contribution, so that doing nothing keeps every rule.
      { account: 'Joint', type: 'Taxable', reserve: Math.min(r.reserve, r.jointCash + r.contribution), contribution: r.contribution },
      { account: 'Sam IRA', type: 'Traditional' },
    ];
    const settings: Record<string, Cell> = {
      WholeShares: r.wholeShares,
      MinTrade: r.minTrade,
      Commission: r.commission,
      SpreadBps: r.spreadBps,
      HarvestLosses: r.harvestLosses,
    };
    const identical: Cell[][] | undefined = r.identical ? [['Ticker', 'Group'], ['VTI', 'US total'], ['ITOT', 'US total']] : undefined;
    return { holdings, accounts, settings, targets: r.targets, identical };
  });

/** A random model (households the planner refuses, e.g. a reserve above all cash, are kept: the model still builds). */
export const modelArb: fc.Arbitrary<PlannerModel> = householdArb.map(modelOf);

/** Two IRAs with $10,000 of cash each and one share of VTI and of BND each, targets 50/50. */
export function twoIras(wholeShares: boolean): PlannerModel {
  return modelOf({
    holdings: [cash('IRA A', 10_000), cash('IRA B', 10_000), lot('IRA A', 'VTI', 1, 100), lot('IRA A', 'BND', 1, 100), lot('IRA B', 'VTI', 1, 100), lot('IRA B', 'BND', 1, 100)],
    targets: { 'US Stocks': 0.5, Bonds: 0.5 },
    accounts: [
      { account: 'IRA A', type: 'Traditional' },
      { account: 'IRA B', type: 'Traditional' },
    ],
    settings: { WholeShares: wholeShares, MinTrade: 0 },
  });
}

/** The index of the leg of this account and ticker. */
export function legAt(pm: PlannerModel, account: string, ticker: string): number {
  return pm.legs.findIndex((l) => l.account.name === account && l.ticker === ticker);
}
