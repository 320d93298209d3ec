/**
 * Invariants over random households (fast-check): whatever the household, the planner either names
 * the problem (InputError) or returns a plan that breaks no rule — no oversell, cash ≥ reserve in
 * every account, whole shares, no wash sale, no buy and sell of one ticker in one account, frozen
 * accounts and untargeted holdings untouched, amounts, lots, tax and cash reconciling to the cent.
 */
import fc from 'fast-check';
import { isInputError, planTrades } from '../../src/engine';
import type { Solver } from '../../src/engine';
import { AccountSpec, cash, household, HoldingSpec, lot } from '../support/builders';
import { checkPlan } from '../support/plan-checker';
import { loadSolver } from '../support/solver';
import { AS_OF } from './plan-helpers';

const TICKERS: Record<string, { cls: string; price: number }> = {
  VTI: { cls: 'US Stocks', price: 251.37 },
  ITOT: { cls: 'US Stocks', price: 118.2 },
  VXUS: { cls: 'Intl Stocks', price: 61.05 },
  SCHF: { cls: 'Intl Stocks', price: 22.1 },
  BND: { cls: 'Bonds', price: 72.4 },
  AGG: { cls: 'Bonds', price: 98.65 },
  GLD: { cls: 'Gold', price: 190.5 },
};
const TYPES = ['Taxable', 'Traditional', 'Roth'];

const lotArb = fc.record({
  shares: fc.oneof(fc.integer({ min: 1, max: 60 }), fc.double({ min: 0.1, max: 40, noNaN: true }).map((x) => Math.round(x * 1000) / 1000)),
  basisFactor: fc.oneof(fc.constant(null), fc.double({ min: 0.5, max: 1.6, noNaN: true })),
  daysAgo: fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 900 }), fc.constantFrom(365, 366, 10, 30, 31)),
});
const positionArb = fc.record({ ticker: fc.constantFrom(...Object.keys(TICKERS)), lots: fc.array(lotArb, { minLength: 1, maxLength: 3 }) });
const accountArb = fc.record({
  type: fc.constantFrom(...TYPES),
  positions: fc.uniqueArray(positionArb, { minLength: 0, maxLength: 3, selector: (p) => p.ticker }),
  cash: fc.integer({ min: 0, max: 4000 }),
  contribution: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 3000 })),
  reserve: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 800 })),
  frozen: fc.integer({ min: 0, max: 9 }).map((n) => n < 2),
});
const settingsArb = fc.record({
  WholeShares: fc.boolean(),
  MinTrade: fc.constantFrom(0, 50, 200),
  Mode: fc.constantFrom('Full', 'Full', 'BuyOnly'),
  RebalanceTo: fc.constantFrom('Target', 'BandEdge'),
  HarvestLosses: fc.boolean(),
  Commission: fc.constantFrom(0, 0, 1.5),
  SpreadBps: fc.constantFrom(0, 0, 7),
  SellUntargeted: fc.boolean(),
});
const householdArb = fc.record({
  accounts: fc.array(accountArb, { minLength: 1, maxLength: 3 }),
  weights: fc.tuple(fc.integer({ min: 0, max: 10 }), fc.integer({ min: 0, max: 10 }), fc.integer({ min: 1, max: 10 })),
  settings: settingsArb,
  identical: fc.boolean(),
});

type Spec = typeof householdArb extends fc.Arbitrary<infer T> ? T : never;

function build(spec: Spec) {
  const holdings: HoldingSpec[] = [];
  const accounts: AccountSpec[] = [];
  spec.accounts.forEach((a, i) => {
    const name = `${a.type} ${i + 1}`;
    accounts.push({ account: name, type: a.type, contribution: a.contribution, reserve: a.reserve, trade: a.frozen ? 'No' : 'Yes' });
    holdings.push(cash(name, a.cash));
    for (const p of a.positions) {
      const { cls, price } = TICKERS[p.ticker];
      for (const l of p.lots) {
        const taxable = a.type === 'Taxable';
        const acquired = l.daysAgo === null ? null : new Date(Date.UTC(2026, 10, 21) - l.daysAgo * 86_400_000).toISOString().slice(0, 10);
        const basis = l.basisFactor === null ? null : Math.round(l.shares * price * l.basisFactor * 100) / 100;
        holdings.push(lot(name, p.ticker, l.shares, price, { class: cls, basis: taxable ? basis : null, acquired: taxable ? acquired : null }));
      }
    }
  });
  // Every class has a price somewhere (a zero-share row), so a Buy ticker is always priced.
  holdings.push(lot(accounts[0].account, 'VTI', 0, TICKERS.VTI.price, { class: 'US Stocks' }));
  holdings.push(lot(accounts[0].account, 'VXUS', 0, TICKERS.VXUS.price, { class: 'Intl Stocks' }));
  holdings.push(lot(accounts[0].account, 'BND', 0, TICKERS.BND.price, { class: 'Bonds' }));
  const [us, intl, bonds] = spec.weights;
  const sum = us + intl + bonds;
  const pct = (w: number) => `${((w / sum) * 100).toFixed(10)}%`;
  return household({
    holdings,
    accounts,
    targets: { 'US Stocks': pct(us), 'Intl Stocks': pct(intl), Bonds: pct(bonds) },
    settings: { AsOf: AS_OF, ...spec.settings },
    identical: spec.identical ? [['Ticker', 'Group'], ['VTI', 'US'], ['ITOT', 'US']] : undefined,
  });
}

describe('every plan keeps every rule', () => {
  let solver: Solver;
  beforeAll(async () => {
    solver = await loadSolver();
  });

  test('over 1000 random households', () => {
    let planned = 0;
    fc.assert(
      fc.property(householdArb, (spec) => {
        const h = build(spec);
        let plan;
        try {
          plan = planTrades(h, solver, { timeLimit: 0.05, now: () => performance.now() });
        } catch (e) {
          if (isInputError(e)) return; // a named problem with the input is a valid answer
          throw e;
        }
        planned++;
        expect(checkPlan(h, plan).violations).toEqual([]);
        for (const c of plan.summary.cashAfter) expect(Number.isInteger(c.cash)).toBe(true);
      }),
      { numRuns: 1000, seed: 20261121 },
    );
    expect(planned).toBeGreaterThan(600);
  }, 600_000);
});
