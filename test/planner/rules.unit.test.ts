/**
 * Unit tests of the planner's rules as numbers (rules.ts) and of the sell order (sell-order.ts), on
 * small households whose numbers can be worked out by hand, plus property tests on random ones.
 */
import fc from 'fast-check';
import type { Cell } from '../../src/engine';
import { MAX_SHARES } from '../../src/engine/planner/book';
import type { Leg } from '../../src/engine/planner/legs';
import {
  buyCashPerShare,
  buyLimit,
  cashFloor,
  cashPerTrade,
  commission,
  CENT_PER_TRADE,
  minTradeFloor,
  roundingCent,
  sellCashPerShare,
  spreadPerShare,
} from '../../src/engine/planner/rules';
import type { SellTier } from '../../src/engine/planner/legs';
import { fillTiers, isBlocked, lotTaxPerShare, openShares, safeShares, sellTiers, taxCurve, taxOfSelling } from '../../src/engine/planner/sell-order';
import { cash, HoldingSpec, lot } from '../support/builders';
import { legOf, modelArb, modelOf } from './model-helpers';

const LONG_AGO = '2020-01-02';
/** Within 30 days before AS_OF (2026-11-21): a purchase that blocks loss sales of its group. */
const RECENT = '2026-11-01';

/** Joint (taxable, $1,000 cash) holds 10 VTI at `price`; the IRA holds 10 BND at $100. */
function simple(price: number, settings: Record<string, Cell> = {}, joint: { reserve?: number; contribution?: number } = {}) {
  const pm = modelOf({
    holdings: [lot('Joint', 'VTI', 10, price, { basis: 10 * 50, acquired: LONG_AGO }), cash('Joint', 1000), lot('Sam IRA', 'BND', 10, 100), cash('Sam IRA', 0)],
    targets: { 'US Stocks': 0.5, Bonds: 0.5 },
    accounts: [{ account: 'Joint', type: 'Taxable', ...joint }, { account: 'Sam IRA', type: 'Traditional' }],
    settings,
  });
  return { pm, ctx: pm.ctx, vti: legOf(pm, 'Joint', 'VTI') };
}

describe('rules.ts', () => {
  test('roundingCent: whole shares at a price in cents and no spread are exact', () => {
    const { ctx, vti } = simple(100);
    expect(roundingCent(ctx, vti)).toBe(0);
  });

  test('roundingCent: a sub-cent price or a spread needs a cent of headroom with whole shares', () => {
    const subCent = simple(100.005);
    expect(roundingCent(subCent.ctx, subCent.vti)).toBe(CENT_PER_TRADE);
    const spread = simple(100, { SpreadBps: 10 });
    expect(roundingCent(spread.ctx, spread.vti)).toBe(CENT_PER_TRADE);
  });

  test('roundingCent: fractional shares add the price of the last share digit kept (10⁻⁶ share)', () => {
    const { ctx, vti } = simple(100, { WholeShares: false });
    expect(roundingCent(ctx, vti)).toBeCloseTo(0.01 + 100e-6, 12);
  });

  test('minTradeFloor: MinTrade in dollars plus the rounding cent; 0 without MinTrade', () => {
    const byDefault = simple(100); // MinTrade defaults to $50
    expect(minTradeFloor(byDefault.ctx, byDefault.vti)).toBe(50);
    const spread = simple(100, { MinTrade: 20, SpreadBps: 10 });
    expect(minTradeFloor(spread.ctx, spread.vti)).toBeCloseTo(20.01, 12);
    const none = simple(100, { MinTrade: 0, SpreadBps: 10 });
    expect(minTradeFloor(none.ctx, none.vti)).toBe(0);
  });

  test('cash and cost per share with a 10 bps spread at $100: sell 99.90, buy 100.10, cost 0.10', () => {
    const { ctx, vti } = simple(100, { SpreadBps: 10 });
    expect(sellCashPerShare(ctx, vti)).toBeCloseTo(99.9, 12);
    expect(buyCashPerShare(ctx, vti)).toBeCloseTo(100.1, 12);
    expect(spreadPerShare(ctx, vti)).toBeCloseTo(0.1, 12);
    const none = simple(100);
    expect([sellCashPerShare(none.ctx, none.vti), buyCashPerShare(none.ctx, none.vti), spreadPerShare(none.ctx, none.vti)]).toEqual([100, 100, 0]);
  });

  test('commission and cashPerTrade: $4.95, plus the rounding cent where amounts are rounded', () => {
    const exact = simple(100, { Commission: 4.95 });
    expect(commission(exact.ctx)).toBeCloseTo(4.95, 12);
    expect(cashPerTrade(exact.ctx, exact.vti)).toBeCloseTo(4.95, 12);
    const rounded = simple(100.005, { Commission: 4.95 });
    expect(cashPerTrade(rounded.ctx, rounded.vti)).toBeCloseTo(4.96, 12);
    expect(commission(simple(100).ctx)).toBe(0);
  });

  test("buyLimit: what the account's value and contribution could pay for, plus one share", () => {
    // Joint: 10 VTI at $100 + $1,000 cash = $2,000, + $500 contribution → 25 shares, + 1.
    const { vti } = simple(100, {}, { contribution: 500 });
    expect(buyLimit(vti)).toBe(26);
    const bnd = legOf(simple(100).pm, 'Sam IRA', 'BND'); // $1,000 / $100 + 1
    expect(buyLimit(bnd)).toBe(11);
  });

  test('buyLimit: 0 for an account worth nothing, and never above MAX_SHARES', () => {
    const { vti } = simple(100);
    const worthless = { ...vti, account: { ...vti.account, value: 0, account: { ...vti.account.account, contribution: 0 } } } as Leg;
    expect(buyLimit(worthless)).toBe(0);
    const tinyPrice = { ...vti, price: 1e-6 } as Leg; // $2,000 at $0.000001 would be 2·10⁹ shares
    expect(buyLimit(tinyPrice)).toBe(2_000_000_001);
    const rich = { ...vti, price: 1e-6, account: { ...vti.account, value: 1e12 } } as Leg; // $10¹⁰ at 10⁻⁶
    expect(buyLimit(rich)).toBe(MAX_SHARES);
  });

  test('cashFloor: the reserve in dollars (no slack at everyday sizes)', () => {
    const { ctx, pm } = simple(100, {}, { reserve: 750 });
    expect(ctx.slack).toBe(0);
    const joint = pm.ctx.book.accounts.find((a) => a.name === 'Joint')!;
    const ira = pm.ctx.book.accounts.find((a) => a.name === 'Sam IRA')!;
    expect(cashFloor(ctx, joint)).toBe(750);
    expect(cashFloor(ctx, ira)).toBe(0);
  });
});

/** Joint holds VTI in the given lots at $100; the IRA may hold other things. */
function lotsModel(lots: Partial<HoldingSpec>[], settings: Record<string, Cell> = {}, more: HoldingSpec[] = [], type = 'Taxable') {
  const pm = modelOf({
    holdings: [...lots.map((l) => lot('Joint', 'VTI', l.shares ?? 10, 100, l)), cash('Joint', 100), lot('Sam IRA', 'BND', 10, 100), ...more],
    targets: { 'US Stocks': 0.1, Bonds: 0.9 },
    accounts: [{ account: 'Joint', type }, { account: 'Sam IRA', type: 'Traditional' }],
    settings: { SellUntargeted: true, ...settings },
    identical: [['Ticker', 'Group'], ['VTI', 'US total'], ['ITOT', 'US total']],
  });
  const vti = legOf(pm, 'Joint', 'VTI');
  return { pm, ctx: pm.ctx, vti, lots: vti.position!.lots };
}

describe('sell-order.ts: lotTaxPerShare and isBlocked', () => {
  test('basis $50 at $100, long-term at 15% → $7.50 a share; short-term at 37% → $18.50', () => {
    const { ctx, vti, lots } = lotsModel([
      { basis: 500, acquired: LONG_AGO },
      { basis: 500, acquired: '2026-06-01' },
    ]);
    expect(lotTaxPerShare(ctx, vti, lots[0])).toBeCloseTo(7.5, 12);
    expect(lotTaxPerShare(ctx, vti, lots[1])).toBeCloseTo(18.5, 12);
  });

  test('no tax outside taxable accounts, with TaxAware off, or without a basis', () => {
    const ira = lotsModel([{ basis: 500, acquired: LONG_AGO }], {}, [], 'Traditional');
    expect(lotTaxPerShare(ira.ctx, ira.vti, ira.lots[0])).toBe(0);
    const off = lotsModel([{ basis: 500, acquired: LONG_AGO }], { TaxAware: false });
    expect(lotTaxPerShare(off.ctx, off.vti, off.lots[0])).toBe(0);
    const noBasis = lotsModel([{ acquired: LONG_AGO }]);
    expect(lotTaxPerShare(noBasis.ctx, noBasis.vti, noBasis.lots[0])).toBe(0);
  });

  test('a loss counts (negative) only with HarvestLosses: basis $120 at $100 LT → −$3', () => {
    const plain = lotsModel([{ basis: 1200, acquired: LONG_AGO }]);
    expect(lotTaxPerShare(plain.ctx, plain.vti, plain.lots[0])).toBe(0);
    const harvest = lotsModel([{ basis: 1200, acquired: LONG_AGO }], { HarvestLosses: true });
    expect(lotTaxPerShare(harvest.ctx, harvest.vti, harvest.lots[0])).toBeCloseTo(-3, 12);
  });

  test('isBlocked: only loss lots, only when the group (Identical included) was bought in the last 30 days', () => {
    const lots = [{ basis: 1200, acquired: LONG_AGO }, { basis: 500, acquired: LONG_AGO }];
    const none = lotsModel(lots);
    expect(none.lots.map((l) => isBlocked(none.ctx, none.vti, l))).toEqual([false, false]);
    const viaItot = lotsModel(lots, {}, [lot('Sam IRA', 'ITOT', 1, 100, { acquired: RECENT })]);
    expect(viaItot.lots.map((l) => isBlocked(viaItot.ctx, viaItot.vti, l))).toEqual([true, false]);
    const own = lotsModel([...lots, { shares: 1, basis: 100, acquired: RECENT }]);
    expect(own.lots.map((l) => isBlocked(own.ctx, own.vti, l))).toEqual([true, false, false]);
  });
});

describe('sell-order.ts: sellTiers', () => {
  test('least tax per share first, a loss lot first among equal tax, then Holdings order; equal neighbours merged', () => {
    // Tax per share: A 18.50 (ST), B 7.50, C 0 (no basis), D 7.50, E 0 (a loss, HarvestLosses off).
    const { ctx, vti, lots } = lotsModel([
      { shares: 1, basis: 50, acquired: '2026-06-01' },
      { shares: 2, basis: 100, acquired: LONG_AGO },
      { shares: 3, acquired: LONG_AGO },
      { shares: 4, basis: 200, acquired: LONG_AGO },
      { shares: 5, basis: 600, acquired: LONG_AGO },
    ]);
    const tiers = sellTiers(ctx, vti);
    // C (0, no gain) and E (0, loss) tie on tax but not on loss status: two tiers, the loss E first, so
    // every loss tier leads the order (the wash-sale form of the tax curve relies on it).
    expect(tiers.map((t) => [t.lots.map((l) => lots.indexOf(l)), t.shares, t.isLoss])).toEqual([
      [[4], 5, true],
      [[2], 3, false],
      [[1, 3], 6, false],
      [[0], 1, false],
    ]);
    expect(tiers[2].taxPerShare).toBeCloseTo(7.5, 12);
    expect(tiers[3].taxPerShare).toBeCloseTo(18.5, 12);
    expect(openShares(tiers)).toBe(15);
    expect(safeShares(tiers)).toBe(10);
  });

  test('with HarvestLosses a loss lot comes first (negative tax)', () => {
    const { ctx, vti, lots } = lotsModel(
      [
        { shares: 2, basis: 100, acquired: LONG_AGO },
        { shares: 5, basis: 600, acquired: LONG_AGO },
      ],
      { HarvestLosses: true },
    );
    const tiers = sellTiers(ctx, vti);
    expect(tiers.map((t) => lots.indexOf(t.lots[0]))).toEqual([1, 0]);
    expect(tiers[0].taxPerShare).toBeCloseTo(-3, 12);
  });

  test('blocked loss lots and empty lots are left out', () => {
    const { ctx, vti, lots } = lotsModel([
      { shares: 5, basis: 600, acquired: LONG_AGO },
      { shares: 0, basis: 0, acquired: LONG_AGO },
      { shares: 2, basis: 100, acquired: LONG_AGO },
      { shares: 1, basis: 100, acquired: RECENT },
    ]);
    const tiers = sellTiers(ctx, vti);
    expect(tiers.flatMap((t) => t.lots.map((l) => lots.indexOf(l)))).toEqual([3, 2]);
    expect(openShares(tiers)).toBe(3);
    expect(safeShares(tiers)).toBe(3);
  });

  test('no position → no tiers', () => {
    const { ctx, vti } = lotsModel([{ basis: 500 }]);
    expect(sellTiers(ctx, { ...vti, position: null })).toEqual([]);
  });

  test('property: tiers are sorted by tax, neighbours differ, and hold exactly the open unblocked lots', () => {
    fc.assert(
      fc.property(modelArb, (pm) => {
        for (const leg of pm.legs) {
          if (!leg.position) continue;
          const tiers = sellTiers(pm.ctx, leg);
          for (let k = 1; k < tiers.length; k++) {
            expect(tiers[k].taxPerShare).toBeGreaterThanOrEqual(tiers[k - 1].taxPerShare);
            expect(tiers[k].taxPerShare !== tiers[k - 1].taxPerShare || tiers[k].isLoss !== tiers[k - 1].isLoss).toBe(true);
            // Every loss tier leads the order (taxCurve's wash-sale form relies on it).
            if (tiers[k].isLoss) expect(tiers[k - 1].isLoss).toBe(true);
          }
          const expected = leg.position.lots.filter((l) => l.shares > 0 && !isBlocked(pm.ctx, leg, l));
          const listed = tiers.flatMap((t) => t.lots);
          expect(new Set(listed)).toEqual(new Set(expected));
          expect(listed).toHaveLength(expected.length);
          for (const t of tiers) {
            expect(t.shares).toBeCloseTo(t.lots.reduce((s, l) => s + l.shares, 0), 9);
            for (const l of t.lots) {
              expect(lotTaxPerShare(pm.ctx, leg, l)).toBe(t.taxPerShare);
              expect(l.isLoss).toBe(t.isLoss);
            }
            // Within a tier, Holdings order.
            const idx = t.lots.map((l) => leg.position!.lots.indexOf(l));
            expect(idx).toEqual([...idx].sort((a, b) => a - b));
          }
        }
      }),
      { numRuns: 60 },
    );
  });
});

const tier = (shares: number, taxPerShare: number, isLoss = false): SellTier => ({ lots: [], shares, taxPerShare, isLoss });

describe('sell-order.ts: fillTiers, taxOfSelling, safeShares, openShares', () => {
  const tiers = [tier(3, -2, true), tier(4, 0), tier(5, 7.5)];

  test('fills cheapest first, skipping loss tiers when losses are not allowed', () => {
    expect(fillTiers(tiers, 6, true)).toEqual([3, 3, 0]);
    expect(fillTiers(tiers, 6, false)).toEqual([0, 4, 2]);
    expect(fillTiers(tiers, 100, true)).toEqual([3, 4, 5]);
    expect(fillTiers(tiers, 0, true)).toEqual([0, 0, 0]);
    expect(taxOfSelling(tiers, 6, true)).toBe(-6);
    expect(taxOfSelling(tiers, 6, false)).toBe(15);
    expect(safeShares(tiers)).toBe(9);
    expect(openShares(tiers)).toBe(12);
    expect(safeShares([])).toBe(0);
    expect(openShares([])).toBe(0);
  });

  const tiersArb = fc.array(
    fc.record({
      shares: fc.oneof(fc.integer({ min: 1, max: 50 }), fc.double({ min: 0.001, max: 50, noNaN: true })),
      taxPerShare: fc.double({ min: -50, max: 50, noNaN: true }),
      isLoss: fc.boolean(),
    }),
    { maxLength: 6 },
  );

  test('property: taxOfSelling = Σ fillTiers · taxPerShare, and fillTiers takes min(shares, what may be sold)', () => {
    fc.assert(
      fc.property(tiersArb, fc.double({ min: 0, max: 400, noNaN: true }), fc.boolean(), (raw, shares, lossAllowed) => {
        const ts = raw.map((t) => tier(t.shares, t.taxPerShare, t.isLoss));
        const taken = fillTiers(ts, shares, lossAllowed);
        const expected = taken.reduce((s, n, k) => s + n * ts[k].taxPerShare, 0);
        expect(taxOfSelling(ts, shares, lossAllowed)).toBeCloseTo(expected, 8);
        taken.forEach((n, k) => {
          expect(n).toBeGreaterThanOrEqual(0);
          expect(n).toBeLessThanOrEqual(ts[k].shares);
          if (ts[k].isLoss && !lossAllowed) expect(n).toBe(0);
        });
        const available = lossAllowed ? openShares(ts) : safeShares(ts);
        expect(taken.reduce((s, n) => s + n, 0)).toBeCloseTo(Math.min(shares, available), 8);
      }),
      { numRuns: 300 },
    );
  });
});

describe('sell-order.ts: taxCurve (the model\'s tax, one line per tier)', () => {
  const curveAt = (tiers: readonly SellTier[], s: number, bought: boolean) => {
    const { lines, lossShares, lossTax } = taxCurve(tiers);
    const q = s + (bought ? lossShares : 0);
    return Math.max(...lines.map((l) => l.slope * q + l.intercept)) - (bought ? lossTax : 0);
  };

  test('by hand: a loss tier, a free tier and a taxed tier', () => {
    const tiers = [tier(3, -2, true), tier(4, 0), tier(5, 7.5)];
    expect(taxCurve(tiers)).toEqual({ lines: [{ slope: -2, intercept: 0 }, { slope: 0, intercept: -6 }, { slope: 7.5, intercept: -58.5 }], lossShares: 3, lossTax: -6 });
    expect(curveAt(tiers, 6, false)).toBe(-6); // 3 at −2, 3 at 0
    expect(curveAt(tiers, 6, true)).toBe(15); // the group is bought: 4 at 0, 2 at 7.50
  });

  test('property: the maximum of its lines is the tax of selling s cheapest first, with the group bought or not', () => {
    fc.assert(
      fc.property(modelArb, fc.double({ min: 0, max: 1, noNaN: true }), (pm, u) => {
        for (const leg of pm.legs) {
          if (!leg.position) continue;
          const tiers = sellTiers(pm.ctx, leg);
          if (tiers.length === 0) continue;
          const open = openShares(tiers);
          const s = u * open;
          expect(curveAt(tiers, s, false)).toBeCloseTo(taxOfSelling(tiers, s, true), 6);
          const safe = u * safeShares(tiers);
          expect(curveAt(tiers, safe, true)).toBeCloseTo(taxOfSelling(tiers, safe, false), 6);
        }
      }),
      { numRuns: 60 },
    );
  });
});
