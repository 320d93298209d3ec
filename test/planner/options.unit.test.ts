/**
 * Unit tests of the account options (options/): each enumerated option keeps the account's rules and
 * says exactly what the repair's own bookkeeping says it does; the knapsack keeps its caps and mostly
 * finds the best choice a brute force finds; and on household M and the 10-account household the
 * options bring whole-share tax + cost within 1% of each one's proven optimum and trades within 2 of
 * the proven fewest.
 */
import fc from 'fast-check';
import { buildBook } from '../../src/engine/planner/book';
import { buildModel } from '../../src/engine/planner/model';
import { accountOptions, Anchor } from '../../src/engine/planner/options/enumerate';
import { chooseOptions, Knapsack } from '../../src/engine/planner/options/knapsack';
import { OptionTable } from '../../src/engine/planner/options/table';
import { RepairState } from '../../src/engine/planner/repair';
import { solveStaged } from '../../src/engine/planner/solve';
import { LARGE_SIZES, largeHousehold, SIZES, syntheticHousehold, toHousehold } from '../../bench/planner-households';
import { loadSolver } from '../support/solver';
import { householdArb, modelOf } from './model-helpers';

const LIMITS = { reach: 2, opened: 1, cashWindow: 500, work: 100_000, options: 100_000, combinations: Infinity };

describe('account options', () => {
  it('keep every rule of their account and move cash, classes, tax and trades as the repair state does', () => {
    fc.assert(
      fc.property(householdArb, fc.array(fc.integer({ min: -30, max: 30 }), { minLength: 1, maxLength: 12 }), (spec, steps) => {
        const pm = modelOf({ ...spec, settings: { ...spec.settings, WholeShares: true } });
        const state = new RepairState(pm);
        const incumbent = Float64Array.from(state.q);
        const anchor: Anchor = { q: pm.legs.map((_, i) => steps[i % steps.length] / 2), limits: LIMITS };
        const guarded = new Set(pm.groupBought.keys());
        for (const a of state.byAccount.keys()) {
          const table = accountOptions(state, a, [anchor], incumbent, new Set(), guarded);
          const { legs } = table;
          expect(table.trades[0]).toBe(0);
          const { lowest } = state.accountCash(a);
          for (let o = 1; o < table.count; o++) {
            const q = Float64Array.from(incumbent);
            legs.forEach((i, j) => (q[i] = table.quantity(o, j)));
            const before = state.classValues();
            state.set(q);
            legs.forEach((i) => expect(state.legAllows(i, state.q[i])).toBe(true));
            expect(state.accountOk(a)).toBe(true);
            expect(state.accountCash(a).cash).toBeLessThanOrEqual(lowest + LIMITS.cashWindow + 1e-6);
            expect(state.facts.every((f) => state.washOk(f.group))).toBe(true);
            const after = state.classValues();
            after.forEach((v, c) => expect(v - before[c]).toBeCloseTo(table.change(o, c), 6));
            expect(state.taxCost()).toBeCloseTo(table.taxCost[o], 6);
            expect(state.tradeCount()).toBe(table.trades[o]);
            state.set(incumbent);
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it('the knapsack keeps both caps, never ends worse than the incumbent, is the same every run, and mostly finds the brute-force best', async () => {
    // Column generation then a MIP on the columns generated is not exact (that would take branch and
    // price): the guarantee is a choice inside the caps, no worse than each account's first option,
    // the same on every run — and the brute-force best wherever that best is among the columns.
    const solver = await loadSolver();
    const optionArb = (classes: number) =>
      fc.record({
        delta: fc.array(fc.integer({ min: -50, max: 50 }), { minLength: classes, maxLength: classes }),
        taxCost: fc.integer({ min: 0, max: 40 }),
        trades: fc.integer({ min: 0, max: 4 }),
      });
    const problemArb = fc.integer({ min: 1, max: 3 }).chain((classes) =>
      fc.record({
        classes: fc.constant(classes),
        accounts: fc.array(fc.array(optionArb(classes), { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 4 }),
        base: fc.array(fc.integer({ min: -60, max: 60 }), { minLength: classes, maxLength: classes }),
        driftCap: fc.integer({ min: 0, max: 200 }),
        taxCap: fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }),
        objective: fc.constantFrom<'taxCost' | 'trades'>('taxCost', 'trades'),
        perRound: fc.constantFrom(1, 3, 10),
      }),
    );
    let exact = 0;
    let tried = 0;
    fc.assert(
      fc.property(problemArb, (p) => {
        const accounts = p.accounts.map((options, a) => {
          const table = new OptionTable(a, [], p.classes, 1);
          for (const o of options) table.push([], o.delta, o.taxCost, o.trades);
          return table;
        });
        const problem: Knapsack = {
          base: Float64Array.from(p.base),
          low: new Float64Array(p.classes),
          high: new Float64Array(p.classes),
          accounts,
          driftCap: p.driftCap,
          taxCap: p.taxCap,
          objective: p.objective,
        };
        const evaluate = (choice: readonly number[]) => {
          const value = Float64Array.from(problem.base);
          let tax = 0;
          let objective = 0;
          choice.forEach((o, a) => {
            const t = accounts[a];
            for (let c = 0; c < p.classes; c++) value[c] += t.change(o, c);
            tax += t.taxCost[o];
            objective += p.objective === 'taxCost' ? t.taxCost[o] : t.trades[o];
          });
          const drift = value.reduce((s, v) => s + Math.abs(v), 0);
          const inside = drift <= p.driftCap + 1e-9 && (p.taxCap === null || tax <= p.taxCap + 1e-9);
          return { inside, objective };
        };
        // The incumbent (each account's first option) keeps the caps, as it does in the planner.
        const incumbent = evaluate(accounts.map(() => 0));
        if (!incumbent.inside) return;
        tried++;
        let best = Infinity;
        const all = (a: number, choice: number[]) => {
          if (a === accounts.length) {
            const e = evaluate(choice);
            if (e.inside) best = Math.min(best, e.objective);
            return;
          }
          for (let o = 0; o < accounts[a].count; o++) all(a + 1, [...choice, o]);
        };
        all(0, []);
        const budget = { rounds: 50, perRound: p.perRound, nodes: 10_000, mipGap: { absolute: 1e-6, relative: 0 } };
        const first = chooseOptions(solver, problem, budget, 60);
        const again = chooseOptions(solver, problem, budget, 60);
        expect(first.timedOut).toBe(false);
        expect(again.options).toEqual(first.options);
        expect(first.options).not.toBeNull();
        const found = evaluate(first.options!);
        expect(found.inside).toBe(true);
        expect(found.objective).toBeLessThanOrEqual(incumbent.objective + 1e-9);
        expect(found.objective).toBeGreaterThanOrEqual(best - 1e-9);
        if (found.objective <= best + 1e-9) exact++;
      }),
      { numRuns: 150 },
    );
    // The brute-force best in most random problems (measured: 43 of 43).
    expect(exact).toBeGreaterThanOrEqual(0.8 * tried);
  });

  // Proven references (docs/benchmarks.md): household M's cheapest $425.61 and, at those caps, 18 trades
  // (the exact MILP, bench/planner-reference.ts); the 10-account household's cheapest $113.39 (HiGHS at
  // the planner's drift cap, session 7) and, at the caps its plan ends with, 28 trades (HiGHS, 600 s,
  // session 13). Before the options the planner drafted $431.33 and $117.23.
  const proven = [
    { name: 'household M', cells: () => syntheticHousehold(SIZES[1], 11, true), cheapest: 425.61, fewest: 18 },
    { name: 'the 10-account household', cells: () => largeHousehold(LARGE_SIZES[0], 11, true), cheapest: 113.39, fewest: 28 },
  ];
  it.each(proven)('bring $name within 1% of its proven cheapest whole-share tax + cost and 2 trades of its proven fewest', async ({ cells, cheapest, fewest }) => {
    const h = toHousehold(cells());
    const pm = buildModel(buildBook(h, h.settings.asOf!));
    const plan = solveStaged(await loadSolver(), pm, { timeLimit: 60 });
    expect(plan.taxCost.value).toBeLessThanOrEqual(cheapest * 1.01);
    expect(plan.trades.value).toBeLessThanOrEqual(fewest + 2);
  }, 30_000);
});
