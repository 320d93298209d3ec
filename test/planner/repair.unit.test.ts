/**
 * Unit tests of the whole-share repair (repair/): the state's rules and bookkeeping, the effort budget,
 * the local searches, the rounding of a fractional plan and the three stages — on hand-made households
 * and, for the invariants, on random small ones.
 */
import fc from 'fast-check';
import type { Cell } from '../../src/engine';
import type { PlannerModel } from '../../src/engine/planner/model';
import { Effort, RepairState, repairDrift, repairTaxCost, repairTrades } from '../../src/engine/planner/repair';
import { roundFrom } from '../../src/engine/planner/repair/round';
import { byDrift, byTaxCost, byTrades, Search } from '../../src/engine/planner/repair/search';
import type { Move } from '../../src/engine/planner/repair/state';
import { cash, lot } from '../support/builders';
import { householdArb, legAt, legOf, modelOf, twoIras } from './model-helpers';

const LONG_AGO = '2020-01-02';

/**
 * Joint (taxable, $1,000 cash, reserve $900): 10 VTI at $20 (5 at a $10 loss a share, 5 at a $10 gain),
 * 2 VXUS at $20 (a $40 position, below MinTrade), 4.5 BND at $20. Sam IRA: 10 VTI at $20, $1,000 cash.
 */
function handModel(settings: Record<string, Cell> = {}): PlannerModel {
  return modelOf({
    holdings: [
      lot('Joint', 'VTI', 5, 20, { basis: 150, acquired: LONG_AGO }),
      lot('Joint', 'VTI', 5, 20, { basis: 50, acquired: LONG_AGO }),
      lot('Joint', 'VXUS', 2, 20, { basis: 40, acquired: LONG_AGO }),
      lot('Joint', 'BND', 4.5, 20, { basis: 90, acquired: LONG_AGO }),
      cash('Joint', 1000),
      lot('Sam IRA', 'VTI', 10, 20),
      cash('Sam IRA', 1000),
    ],
    targets: { 'US Stocks': 0.4, 'Intl Stocks': 0.1, Bonds: 0.5 },
    accounts: [{ account: 'Joint', type: 'Taxable', reserve: 900 }, { account: 'Sam IRA', type: 'Traditional' }],
    settings,
  });
}

function snapshot(s: RepairState) {
  return { q: Array.from(s.q), drift: s.drift(), taxCost: s.taxCost(), trades: s.tradeCount() };
}

/**
 * A refused move is applied and undone, so q and the trade count come back exactly, and drift and
 * tax + cost to floating point (68.728 may come back as 68.72800000000001).
 */
function expectUnchanged(s: RepairState, before: ReturnType<typeof snapshot>): void {
  const after = snapshot(s);
  expect(after.q).toEqual(before.q);
  expect(after.trades).toBe(before.trades);
  expect(after.drift).toBeCloseTo(before.drift, 6);
  expect(after.taxCost).toBeCloseTo(before.taxCost, 6);
}

/** Every random household, whole or fractional shares. */
const anyHouseholdArb = householdArb;

/** Whether the state's column vector keeps every rule and prices the three objectives like the state does. */
function expectConsistent(s: RepairState): void {
  const x = s.columns();
  expect(s.pm.model.isFeasible(x)).toBe(true);
  expect(Math.abs(s.pm.model.evaluate('drift', x) - s.drift())).toBeLessThan(1e-6);
  expect(Math.abs(s.pm.model.evaluate('taxCost', x) - s.taxCost())).toBeLessThan(1e-6);
  expect(Math.abs(s.pm.model.evaluate('trades', x) - s.tradeCount())).toBeLessThan(1e-6);
}

/** A fractional "plan" within the model's column bounds, from numbers in [0, 1). */
function fractionalX(pm: PlannerModel, u: readonly number[]): Float64Array {
  const x = new Float64Array(pm.model.columns.length);
  pm.model.columns.forEach((c, i) => {
    const hi = Math.min(c.upper, c.lower + 60);
    x[i] = c.lower + (u[i % u.length] ?? 0) * (hi - c.lower);
  });
  return x;
}

const uArb = fc.array(fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }), { minLength: 1, maxLength: 40 });

/**
 * Random moves: a leg (modulo the leg count) and a delta, whole or in quarter shares (exact in binary,
 * so undoing a move restores the quantities exactly).
 */
const movesArb = fc.array(
  fc.tuple(fc.nat(), fc.oneof(fc.integer({ min: -12, max: 12 }), fc.integer({ min: -48, max: 48 }).map((n) => n / 4))),
  { maxLength: 25 },
);

function toMove(s: RepairState, [leg, delta]: [number, number]): Move {
  return [[leg % s.q.length, delta]];
}

/** An Effort that also counts the moves it granted. */
class CountingEffort extends Effort {
  granted = 0;
  calls = 0;
  constructor(readonly budget: number, outOfTime?: () => boolean) {
    super(budget, outOfTime);
  }
  override spend(): boolean {
    this.calls++;
    const ok = super.spend();
    if (ok) this.granted++;
    return ok;
  }
}

describe('RepairState: legAllows', () => {
  const pm = handModel();
  const s = new RepairState(pm);
  const at = (account: string, ticker: string) => pm.legs.indexOf(legOf(pm, account, ticker));
  const vti = at('Joint', 'VTI');
  const vxus = at('Joint', 'VXUS');
  const bnd = at('Joint', 'BND');

  test('MinTrade ($50 at $20 a share: 3 shares at least) on sells and buys', () => {
    expect(s.facts[vti].minShares).toBe(3);
    expect(s.legAllows(vti, 0)).toBe(true);
    expect(s.legAllows(vti, -2)).toBe(false);
    expect(s.legAllows(vti, -3)).toBe(true);
    expect(s.legAllows(vti, 2)).toBe(false);
    expect(s.legAllows(vti, 3)).toBe(true);
  });

  test('selling the whole position is exempt from MinTrade, and may sell a fractional remainder', () => {
    expect(s.legAllows(vxus, -2)).toBe(true); // $40, the whole position
    expect(s.legAllows(vxus, -1)).toBe(false);
    expect(s.legAllows(bnd, -4.5)).toBe(true);
    expect(s.legAllows(bnd, -4)).toBe(true);
    expect(s.legAllows(bnd, -2.5)).toBe(false); // not whole shares, not the whole position
    expect(s.legAllows(bnd, -5)).toBe(false); // more than held
  });

  test('whole shares and the buy limit', () => {
    expect(s.legAllows(vti, 3.5)).toBe(false);
    expect(s.legAllows(vti, -3.5)).toBe(false);
    const max = s.facts[vti].buyMax;
    expect(max).toBe(pm.model.columns[pm.legs[vti].buy!].upper);
    expect(s.legAllows(vti, max)).toBe(true);
    expect(s.legAllows(vti, max + 1)).toBe(false);
  });

  test('fractional shares are allowed with WholeShares off', () => {
    const f = new RepairState(handModel({ WholeShares: false }));
    expect(f.whole).toBe(false);
    expect(f.legAllows(vti, -3.5)).toBe(true);
    expect(f.legAllows(vti, 3.5)).toBe(true);
    expect(f.legAllows(bnd, -2.5)).toBe(false); // $50 is below $50 plus the rounding cent
    expect(f.legAllows(bnd, -2.6)).toBe(true);
  });
});

describe('RepairState: tryMove', () => {
  const pm = handModel();
  const at = (account: string, ticker: string) => pm.legs.indexOf(legOf(pm, account, ticker));
  const vti = at('Joint', 'VTI');
  const iraVti = at('Sam IRA', 'VTI');

  test("refuses a buy that breaks the account's cash floor and leaves the state unchanged", () => {
    const s = new RepairState(pm);
    const before = snapshot(s);
    expect(s.tryMove([[vti, 6]])).toBe(false); // $1,000 − $120 < $900
    expectUnchanged(s, before);
    expect(s.tryMove([[vti, 5]])).toBe(true); // exactly $900 left
    expect(s.shortfall(pm.ctx.book.accounts.indexOf(pm.legs[vti].account))).toBe(0);
    expect(snapshot(s)).toMatchObject({ q: expect.any(Array), trades: 1, taxCost: 0 });
  });

  test('refuses a buy that makes a sold loss lot a wash sale; reprices the sells once the group is bought', () => {
    const s = new RepairState(pm);
    expect(s.tryMove([[vti, -10]])).toBe(true); // both lots: the loss lot (no tax) and the gain lot ($1.50 a share)
    expect(s.taxCost()).toBeCloseTo(7.5, 9);
    const before = snapshot(s);
    expect(s.tryMove([[iraVti, 5]])).toBe(false);
    expectUnchanged(s, before);

    const t = new RepairState(pm);
    expect(t.tryMove([[vti, -5]])).toBe(true); // the loss lot first
    expect(t.taxCost()).toBe(0);
    expect(t.tryMove([[iraVti, 5]])).toBe(true); // now only the gain lot may be sold
    expect(t.groupBought(t.facts[vti].group)).toBe(true);
    expect(t.taxCost()).toBeCloseTo(7.5, 9);
    expect(t.tradeCount()).toBe(2);
    expectConsistent(t);
    t.apply([[iraVti, 5]], -1);
    expect(t.taxCost()).toBe(0);
  });

  test('refuses a move a leg does not allow (MinTrade) without touching the state', () => {
    const s = new RepairState(pm);
    const before = snapshot(s);
    expect(s.tryMove([[vti, -1]])).toBe(false);
    expectUnchanged(s, before);
  });
});

describe('RepairState: properties on random households', () => {
  test('apply(+1) then apply(−1) restores drift, taxCost and tradeCount', () => {
    fc.assert(
      fc.property(householdArb, movesArb, movesArb, (spec, setup, moves) => {
        const pm = modelOf(spec);
        if (pm.legs.length === 0) return;
        const s = new RepairState(pm);
        for (const m of setup) s.tryMove(toMove(s, m));
        for (const m of moves) {
          const move = toMove(s, m);
          const before = snapshot(s);
          s.apply(move, 1);
          s.apply(move, -1);
          const after = snapshot(s);
          expect(after.trades).toBe(before.trades);
          expect(after.q).toEqual(before.q);
          expect(after.drift).toBeCloseTo(before.drift, 6);
          expect(after.taxCost).toBeCloseTo(before.taxCost, 6);
        }
      }),
      { numRuns: 60 },
    );
  });

  test('tryMove keeps every rule (columns() feasible and priced like the state) or leaves the state unchanged', () => {
    fc.assert(
      fc.property(householdArb, movesArb, (spec, moves) => {
        const pm = modelOf(spec);
        if (pm.legs.length === 0) return;
        const s = new RepairState(pm);
        expectConsistent(s);
        for (const m of moves) {
          const before = snapshot(s);
          if (s.tryMove(toMove(s, m))) expectConsistent(s);
          else expectUnchanged(s, before);
        }
        expectConsistent(s);
      }),
      { numRuns: 60 },
    );
  });
});

describe('RepairState: a remainder below 1e-12 shares', () => {
  // A sum of steps that cancels to within floating point (0.001 + 0.002 − 0.003 = 4e-19) is no trade:
  // apply() rounds it to 0 before it books the trade, its commission, cent and cost (this test failed
  // when it booked them from the unrounded sum).
  test('apply(+1) then apply(−1) of a tiny delta leaves the trade count at 0', () => {
    const pm = handModel({ WholeShares: false, MinTrade: 0, Commission: 1 });
    const s = new RepairState(pm);
    s.apply([[0, 5e-324]], 1);
    expect(s.tradeCount()).toBe(Array.from(s.q).filter((q) => q !== 0).length);
    s.apply([[0, 5e-324]], -1);
    expect(s.tradeCount()).toBe(0);
    expect(s.taxCost()).toBe(0);
  });
});

describe('Effort', () => {
  test('spend() is true for the budget, then false', () => {
    const e = new Effort(3);
    expect([e.spend(), e.spend(), e.exhausted, e.spend(), e.exhausted, e.spend()]).toEqual([true, true, false, true, true, false]);
    expect(e.stoppedByClock).toBe(false);
    expect(new Effort(0).spend()).toBe(false);
  });

  test('stoppedByClock only when the injected clock says time is out (read every 1024 moves)', () => {
    let reads = 0;
    const never = new Effort(5000, () => (reads++, false));
    while (never.spend());
    expect(never.exhausted).toBe(true);
    expect(never.stoppedByClock).toBe(false);
    expect(reads).toBe(4);

    const out = new Effort(5000, () => true);
    let granted = 0;
    while (out.spend()) granted++;
    expect(granted).toBe(1023);
    expect(out.exhausted).toBe(true);
    expect(out.stoppedByClock).toBe(true);
  });
});

describe('Search and roundFrom on random households', () => {
  test('roundFrom always gives a state that keeps every rule', () => {
    fc.assert(
      fc.property(householdArb, uArb, (spec, u) => {
        const pm = modelOf(spec);
        const s = new RepairState(pm);
        roundFrom(s, fractionalX(pm, u));
        expectConsistent(s);
      }),
      { numRuns: 80 },
    );
  });

  test('improve never raises the score; byTaxCost keeps drift within its cap; dropTrades and dropAcross keep both caps', () => {
    fc.assert(
      fc.property(anyHouseholdArb, uArb, (spec, u) => {
        const pm = modelOf(spec);
        const s = new RepairState(pm);
        roundFrom(s, fractionalX(pm, u));
        const d0 = s.drift();
        new Search(s, new Effort(3000)).improve(byDrift);
        expect(s.drift()).toBeLessThanOrEqual(d0 + 1e-9);
        expectConsistent(s);

        const cap = s.drift();
        const tax0 = s.taxCost();
        new Search(s, new Effort(3000)).improve(byTaxCost(cap));
        expect(s.drift()).toBeLessThanOrEqual(cap + 1e-9);
        expect(s.taxCost()).toBeLessThanOrEqual(tax0 + 1e-9);
        expectConsistent(s);

        const taxCap = s.taxCost();
        const trades0 = s.tradeCount();
        new Search(s, new Effort(3000)).dropTrades(byTrades(cap, taxCap));
        expect(s.tradeCount()).toBeLessThanOrEqual(trades0);
        expect(s.drift()).toBeLessThanOrEqual(cap + 1e-9);
        expect(s.taxCost()).toBeLessThanOrEqual(taxCap + 1e-9);
        expectConsistent(s);

        const trades1 = s.tradeCount();
        new Search(s, new Effort(3000)).dropAcross(byTrades(cap, taxCap));
        expect(s.tradeCount()).toBeLessThanOrEqual(trades1);
        expect(s.drift()).toBeLessThanOrEqual(cap + 1e-9);
        expect(s.taxCost()).toBeLessThanOrEqual(taxCap + 1e-9);
        expectConsistent(s);
      }),
      { numRuns: 40 },
    );
  });

  test('acrossAccounts never raises the score it is given', () => {
    fc.assert(
      fc.property(householdArb, uArb, (spec, u) => {
        const pm = modelOf(spec);
        const s = new RepairState(pm);
        roundFrom(s, fractionalX(pm, u));
        const d0 = s.drift();
        new Search(s, new Effort(5000)).acrossAccounts(byDrift);
        expect(s.drift()).toBeLessThanOrEqual(d0 + 1e-9);
        expectConsistent(s);
      }),
      { numRuns: 25 },
    );
  });
});

describe('repair stages (repair/index.ts)', () => {
  function stages(pm: PlannerModel, x: Float64Array, budget: number) {
    const e1 = new CountingEffort(budget);
    const s = repairDrift(pm, x, 0, e1);
    const afterDrift = Array.from(s.q);
    const e2 = new CountingEffort(budget);
    repairTaxCost(s, s.drift(), e2);
    const afterTax = Array.from(s.q);
    const e3 = new CountingEffort(budget);
    repairTrades(s, s.drift(), s.taxCost(), e3);
    return { s, afterDrift, afterTax, final: Array.from(s.q), efforts: [e1, e2, e3] };
  }

  test('deterministic (same input → identical q) and within their effort budgets; caps kept', () => {
    fc.assert(
      fc.property(anyHouseholdArb, uArb, fc.constantFrom(0, 50, 2000), (spec, u, budget) => {
        const pm = modelOf(spec);
        const x = fractionalX(pm, u);
        const a = stages(pm, x, budget);
        const b = stages(pm, x, budget);
        expect(b.afterDrift).toEqual(a.afterDrift);
        expect(b.afterTax).toEqual(a.afterTax);
        expect(b.final).toEqual(a.final);
        for (const e of a.efforts) expect(e.granted).toBeLessThanOrEqual(budget);
        expectConsistent(a.s);
      }),
      { numRuns: 30 },
    );
  });

  test('with no effort, repairDrift is roundFrom and the later stages change nothing', () => {
    fc.assert(
      fc.property(householdArb, uArb, (spec, u) => {
        const pm = modelOf(spec);
        const x = fractionalX(pm, u);
        const rounded = new RepairState(pm);
        roundFrom(rounded, x);
        const r = stages(pm, x, 0);
        expect(r.afterDrift).toEqual(Array.from(rounded.q));
        expect(r.final).toEqual(r.afterDrift);
      }),
      { numRuns: 30 },
    );
  });

  test('repairTaxCost never lets drift exceed its cap; repairTrades keeps both caps', () => {
    fc.assert(
      fc.property(anyHouseholdArb, uArb, (spec, u) => {
        const pm = modelOf(spec);
        const s = repairDrift(pm, fractionalX(pm, u), 0, new Effort(4000));
        const cap = s.drift() * 1.5 + 10;
        repairTaxCost(s, cap, new Effort(4000));
        expect(s.drift()).toBeLessThanOrEqual(cap + 1e-9);
        const taxCap = s.taxCost();
        const trades = s.tradeCount();
        repairTrades(s, cap, taxCap, new Effort(4000));
        expect(s.drift()).toBeLessThanOrEqual(cap + 1e-9);
        expect(s.taxCost()).toBeLessThanOrEqual(taxCap + 1e-9);
        expect(s.tradeCount()).toBeLessThanOrEqual(trades);
        expectConsistent(s);
      }),
      { numRuns: 25 },
    );
  });

  test('a hand household: repairDrift reaches a plan with less drift than doing nothing', () => {
    const pm = handModel();
    const s0 = new RepairState(pm);
    const s = repairDrift(pm, new Float64Array(pm.model.columns.length), 0, new Effort(20_000));
    expect(s.drift()).toBeLessThan(s0.drift());
    expectConsistent(s);
  });
});

describe('Search.dropAcross', () => {
  test('by hand: a buy of US in one account moves to the other account that buys US, the cash back through Bonds', () => {
    // Two IRAs, each buying US and Bonds; dropping IRA A's US buy (40 VTI, $4,000) and letting IRA B buy
    // that much more US (B buying $4,000 fewer Bonds, A $4,000 more) keeps every class value and cash.
    // B's Bonds buy was exactly $4,000, so it goes too: A buys only Bonds, B only US — two trades.
    const pm = twoIras(true);
    const s = new RepairState(pm);
    const leg = (account: string, ticker: string) => legAt(pm, account, ticker);
    const q = new Float64Array(pm.legs.length);
    q[leg('IRA A', 'VTI')] = 40;
    q[leg('IRA A', 'BND')] = 60;
    q[leg('IRA B', 'VTI')] = 60;
    q[leg('IRA B', 'BND')] = 40;
    s.set(q);
    const d0 = s.drift();
    expect(s.tradeCount()).toBe(4);
    new Search(s, new Effort(10_000)).dropAcross(byTrades(d0, s.taxCost()));
    expect(s.tradeCount()).toBe(2);
    expect(s.q[leg('IRA A', 'BND')]).toBe(100);
    expect(s.q[leg('IRA B', 'VTI')]).toBe(100);
    expect(s.drift()).toBeCloseTo(d0, 9);
    expectConsistent(s);
  });
});
