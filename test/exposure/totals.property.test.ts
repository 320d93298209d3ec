import fc from 'fast-check';
import { computeExposure } from '../../src/engine';
import type { Cell } from '../../src/engine';
import { cash, household, HoldingSpec, lot } from '../support/builders';

const STOCKS = ['AAPL', 'MSFT', 'NVDA', 'AMZN', 'GOOG', 'CASH'];
const FUNDS = ['F0', 'F1', 'F2', 'F3', 'F4'];

/**
 * A random Funds table with no circles: fund Fi may hold stocks and funds Fj with j > i, listed in any
 * of the three weight forms, adding up to at most 100%.
 */
const fundsArb: fc.Arbitrary<Cell[][]> = fc
  .tuple(
    ...FUNDS.map((_, i) =>
      fc.array(fc.tuple(fc.constantFrom(...STOCKS, ...FUNDS.slice(i + 1)), fc.integer({ min: 0, max: 10_000 })), { minLength: 0, maxLength: 8 }),
    ),
    fc.constantFrom<'fraction' | 'percentString' | 'percentNumber'>('fraction', 'percentString', 'percentNumber'),
  )
  .map(([...args]) => {
    const form = args.pop() as 'fraction' | 'percentString' | 'percentNumber';
    const lists = args as [string, number][][];
    const rows: Cell[][] = [['Fund', 'Holding', 'Weight']];
    lists.forEach((list, i) => {
      const sum = list.reduce((s, [, w]) => s + w, 0);
      const scale = sum > 10_000 ? 10_000 / sum : 1; // basis points of the fund, at most 100%
      for (const [holding, w] of list) {
        const bp = Math.floor(w * scale);
        const weight = form === 'fraction' ? bp / 10_000 : form === 'percentNumber' ? bp / 100 : `${bp / 100}%`;
        rows.push([FUNDS[i], holding, weight]);
      }
    });
    return rows;
  });

const holdingArb: fc.Arbitrary<HoldingSpec> = fc.oneof(
  fc.tuple(fc.constantFrom('Joint', 'IRA'), fc.constantFrom(...FUNDS, 'AAPL', 'MSFT', 'BND'), fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 1, max: 100_000 }))
    .map(([account, ticker, shares, priceCents]) => lot(account, ticker, shares / 100, priceCents / 100)),
  fc.tuple(fc.constantFrom('Joint', 'IRA'), fc.integer({ min: 0, max: 10_000_000 })).map(([account, c]) => cash(account, c / 100)),
);

describe('look-through totals (property)', () => {
  it("add up to the household's value to the cent, and each fund's parts to the fund's value", () => {
    fc.assert(
      fc.property(fc.array(holdingArb, { minLength: 1, maxLength: 12 }), fundsArb, (holdings, funds) => {
        const h = household({ holdings, funds });
        fc.pre(h.holdings.reduce((s, x) => s + x.value, 0) > 0);
        const report = computeExposure(h);
        const householdTotal = h.holdings.reduce((s, x) => s + x.value, 0);
        expect(report.total).toBe(householdTotal);
        expect(report.rows.reduce((s, r) => s + r.total, 0)).toBe(householdTotal);
        for (const r of report.rows) {
          expect(r.total).toBe(r.direct + r.viaFunds);
          expect(r.viaFunds).toBe(r.via.reduce((s, v) => s + v.value, 0));
        }
        const heldFunds = new Set(funds.slice(1).map((row) => row[0] as string));
        const viaByFund = new Map<string, number>();
        for (const r of report.rows) for (const v of r.via) viaByFund.set(v.fund, (viaByFund.get(v.fund) ?? 0) + v.value);
        for (const fund of heldFunds) {
          const held = h.holdings.filter((x) => x.ticker === fund).reduce((s, x) => s + x.value, 0);
          expect(viaByFund.get(fund) ?? 0).toBe(held);
        }
        expect(report.rows.every((r, i) => i === 0 || report.rows[i - 1].total >= r.total)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('with top, the shown rows and the rest still add up to the household', () => {
    fc.assert(
      fc.property(fc.array(holdingArb, { minLength: 1, maxLength: 12 }), fundsArb, fc.integer({ min: 1, max: 6 }), (holdings, funds, top) => {
        const h = household({ holdings, funds });
        fc.pre(h.holdings.reduce((s, x) => s + x.value, 0) > 0);
        const report = computeExposure(h, { top });
        expect(report.rows.length).toBeLessThanOrEqual(top);
        expect(report.rows.reduce((s, r) => s + r.total, 0) + (report.rest?.total ?? 0)).toBe(report.total);
      }),
      { numRuns: 100 },
    );
  });
});
