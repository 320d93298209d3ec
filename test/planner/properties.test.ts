/**
 * Invariants over random households (fast-check): whatever the household, the planner either names
 * the problem (InputError) or returns a plan that breaks no rule — no oversell, cash ≥ reserve in
 * every account, whole shares, no wash sale, no buy and sell of one ticker in one account, frozen
 * accounts, untargeted holdings and value-only rows untouched, amounts, lots, tax and cash
 * reconciling to the cent. Some households have value-only rows and a class nobody can buy (issue 8),
 * and funds that span classes (issue 10: a target-date fund, and a balanced fund with an untargeted
 * share), sometimes named as a Buy ticker; a second property runs households from a few cents to $10 trillion.
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
  VFIFX: { cls: 'Mixed', price: 57.62 },
  BAL: { cls: 'Mixed', price: 31.1 },
};
const MIX = [
  ['VFIFX', 'US Stocks', '54%'],
  ['VFIFX', 'Intl Stocks', '36%'],
  ['VFIFX', 'Bonds', '10%'],
  ['BAL', 'US Stocks', 0.6],
  ['BAL', 'Bonds', 0.3],
  ['BAL', 'Gold', 0.1],
];
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
  // A fund pasted from a statement with only its market value (no Shares, no Price).
  valueOnly: fc.option(fc.record({ ticker: fc.constantFrom('FXAIX', 'FXNAX', 'VTI'), value: fc.integer({ min: 1, max: 5000 }) }), { freq: 3 }),
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
  // A Real Estate target nobody holds: no Buy ticker, or one with no price anywhere.
  realEstate: fc.option(fc.record({ weight: fc.integer({ min: 1, max: 5 }), buy: fc.constantFrom(null, 'VNQ') }), { freq: 3 }),
  // Targets names the target-date fund as Intl Stocks' Buy ticker.
  buyMixed: fc.boolean(),
});

type Spec = typeof householdArb extends fc.Arbitrary<infer T> ? T : never;

function build(spec: Spec) {
  const holdings: HoldingSpec[] = [];
  const accounts: AccountSpec[] = [];
  spec.accounts.forEach((a, i) => {
    const name = `${a.type} ${i + 1}`;
    accounts.push({ account: name, type: a.type, contribution: a.contribution, reserve: a.reserve, trade: a.frozen ? 'No' : 'Yes' });
    holdings.push(cash(name, a.cash));
    if (a.valueOnly) holdings.push({ account: name, ticker: a.valueOnly.ticker, class: a.valueOnly.ticker === 'FXNAX' ? 'Bonds' : 'US Stocks', value: a.valueOnly.value });
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
  holdings.push(lot(accounts[0].account, 'VFIFX', 0, TICKERS.VFIFX.price, { class: 'Mixed' }));
  const [us, intl, bonds] = spec.weights;
  const estate = spec.realEstate?.weight ?? 0;
  const sum = us + intl + bonds + estate;
  const pct = (w: number) => `${((w / sum) * 100).toFixed(10)}%`;
  return household({
    holdings,
    accounts,
    targets: { 'US Stocks': pct(us), 'Intl Stocks': pct(intl), Bonds: pct(bonds), ...(spec.realEstate ? { 'Real Estate': pct(estate) } : {}) },
    targetOptions: {
      ...(spec.realEstate?.buy ? { 'Real Estate': { buy: spec.realEstate.buy } } : {}),
      ...(spec.buyMixed ? { 'Intl Stocks': { buy: 'VFIFX' } } : {}),
    },
    settings: { AsOf: AS_OF, ...spec.settings },
    identical: spec.identical ? [['Ticker', 'Group'], ['VTI', 'US'], ['ITOT', 'US']] : undefined,
    mix: MIX,
  });
}

describe('every plan keeps every rule', () => {
  let solver: Solver;
  beforeAll(async () => {
    solver = await loadSolver();
  });

  test('over 1000 random households', () => {
    let planned = 0;
    let withRealEstate = 0;
    let withValueOnly = 0;
    let mixedTraded = 0;
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
        // What cannot be bought is said, with its Targets row, and never bought; D still counts it.
        expect(plan.trades.map((t) => t.ticker)).not.toContain('VNQ');
        for (const w of plan.warnings.filter((x) => x.kind === 'classNotBought')) expect(w).toMatchObject({ table: 'Targets', row: 5, column: 'Buy' });
        if (spec.realEstate) expect(plan.summary.classes.map((c) => c.label)).toContain('Real Estate');
        // One value-only warning per account that would otherwise trade the row.
        const valueOnly = plan.warnings.filter((x) => x.kind === 'valueOnly').map((x) => x.row);
        expect(new Set(valueOnly).size).toBe(valueOnly.length);
        if (spec.realEstate) withRealEstate++;
        if (spec.accounts.some((a) => a.valueOnly && !a.frozen)) withValueOnly++;
        if (plan.trades.some((t) => t.split.length > 1)) mixedTraded++;
      }),
      { numRuns: 1000, seed: 20261121 },
    );
    expect(planned).toBeGreaterThan(600);
    expect(withRealEstate).toBeGreaterThan(50);
    expect(withValueOnly).toBeGreaterThan(50);
    expect(mixedTraded).toBeGreaterThan(50);
  }, 600_000);
});

/**
 * Households from a few cents to $10 trillion (the readers refuse a row above $1 trillion and a
 * household above $10 trillion): prices from $0.0001 to $5 billion, positions of one share to 10¹²
 * shares, cash and reserves from a cent to a trillion. The planner gives a plan that keeps every rule
 * or a clear one-line message — never a solver's or JavaScript's error.
 */
const extremeArb = fc.record({
  accounts: fc.array(
    fc.record({
      type: fc.constantFrom(...TYPES),
      positions: fc.array(
        fc.record({
          ticker: fc.constantFrom('VTI', 'ITOT', 'VXUS', 'BND', 'AGG'),
          price: fc.constantFrom(1e-4, 0.001, 0.0123, 0.5, 1, 37.77, 250.37, 1e4, 1e6, 5e9),
          shares: fc.constantFrom(0, 1, 3, 1.5, 1000, 123456, 1e9, 3.9e9, 4e11, 1e12),
          basisFactor: fc.oneof(fc.constant(null), fc.double({ min: 0.2, max: 2, noNaN: true })),
        }),
        { maxLength: 4 },
      ),
      cash: fc.constantFrom(0, 0.01, 0.03, 50, 1e5, 9.99e11),
      contribution: fc.constantFrom(0, 0, 0.05, 1000, 5e11),
      reserve: fc.constantFrom(0, 0, 0.01, 100, 1e9),
    }),
    { minLength: 1, maxLength: 4 },
  ),
  WholeShares: fc.boolean(),
  MinTrade: fc.constantFrom(0, 50),
  SpreadBps: fc.constantFrom(0, 7),
  weights: fc.tuple(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 5 }), fc.integer({ min: 1, max: 5 })),
});
const CLASS_OF: Record<string, string> = { VTI: 'US Stocks', ITOT: 'US Stocks', VXUS: 'Intl Stocks', BND: 'Bonds', AGG: 'Bonds' };

function buildExtreme(spec: typeof extremeArb extends fc.Arbitrary<infer T> ? T : never) {
  const holdings: HoldingSpec[] = [];
  const accounts: AccountSpec[] = [];
  let total = 0;
  spec.accounts.forEach((a, i) => {
    const name = `${a.type} ${i + 1}`;
    accounts.push({ account: name, type: a.type, contribution: a.contribution, reserve: a.reserve });
    holdings.push(cash(name, a.cash));
    total += a.cash + a.contribution;
    for (const p of a.positions) {
      const value = p.shares * p.price;
      if (value > 1e12 || total + value > 1e13) continue; // beyond what the readers accept
      total += value;
      const basis = p.basisFactor === null || a.type !== 'Taxable' ? null : Math.min(1e12, Math.round(value * p.basisFactor * 100) / 100);
      holdings.push(lot(name, p.ticker, p.shares, p.price, { class: CLASS_OF[p.ticker], basis, acquired: '2024-01-02' }));
    }
  });
  const [us, intl, bonds] = spec.weights;
  const sum = us + intl + bonds;
  const pct = (w: number) => `${((w / sum) * 100).toFixed(10)}%`;
  return household({
    holdings,
    accounts,
    targets: { 'US Stocks': pct(us), 'Intl Stocks': pct(intl), Bonds: pct(bonds) },
    settings: { AsOf: AS_OF, WholeShares: spec.WholeShares, MinTrade: spec.MinTrade, SpreadBps: spec.SpreadBps },
  });
}

describe('every magnitude gets a plan or a clear message', () => {
  let solver: Solver;
  beforeAll(async () => {
    solver = await loadSolver();
  });

  test('over 300 households from a few cents to $10 trillion', () => {
    let planned = 0;
    fc.assert(
      fc.property(extremeArb, (spec) => {
        const h = buildExtreme(spec);
        let plan;
        try {
          plan = planTrades(h, solver, { timeLimit: 0.2, now: () => performance.now() });
        } catch (e) {
          if (!isInputError(e)) throw e;
          expect(e.message).not.toMatch(/HiGHS|passModel|status -?\d|must be a number|NaN|Infinity/);
          expect(e.message).not.toContain('\n');
          return;
        }
        planned++;
        expect(checkPlan(h, plan).violations).toEqual([]);
        for (const c of plan.summary.cashAfter) expect(Number.isInteger(c.cash)).toBe(true);
      }),
      { numRuns: 300, seed: 42 },
    );
    expect(planned).toBeGreaterThan(150);
  }, 600_000);
});
