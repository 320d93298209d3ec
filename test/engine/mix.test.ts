/**
 * Funds that span classes (issue 10): the Mix table, mixes derived through Funds, and drift that
 * counts such a fund toward each of its classes — checked by hand to the cent and by properties.
 */
import fc from 'fast-check';
import { computeDrift } from '../../src/engine';
import type { DriftReport, Household } from '../../src/engine';
import { cash, household, HoldingSpec, lot } from '../support/builders';
import { inputError } from '../support/input-error';

const values = (report: DriftReport) => report.rows.map((r) => [r.label, r.value, r.status]);
const TDF_MIX = [
  ['VFIFX', 'US Stocks', 0.54],
  ['VFIFX', 'Intl Stocks', 0.36],
  ['VFIFX', 'Bonds', 0.1],
];


describe('drift with a fund that spans classes, by hand to the cent', () => {
  // VFIFX: 33 × 57.62 = 1,901.46 = 190,146 cents; × 54% = 102,678.84, × 36% = 68,452.56, × 10% = 19,014.60.
  // Floors add to 190,144; the 2 cents left go to the largest remainders (.84 US, .60 Bonds):
  // US 102,679, Intl 68,452, Bonds 19,015 — 190,146 again.
  // Household: VTI 2,500.00 + BND 1,500.00 + VFIFX 1,901.46 + cash 98.54 = 6,000.00.
  const tdf = () =>
    household({
      holdings: [lot('Joint', 'VTI', 10, 250), lot('Joint', 'BND', 20, 75), lot('Alex 401k', 'VFIFX', 33, 57.62, { class: 'Mixed' }), cash('Joint', 98.54)],
      targets: { 'US Stocks': 0.6, 'Intl Stocks': 0.25, Bonds: 0.15 },
      mix: TDF_MIX,
    });

  it('splits the fund into its classes by largest remainder, and the classes add up to the total', () => {
    const report = computeDrift(tdf());
    expect(report.total).toBe(600000);
    expect(values(report)).toEqual([
      ['US Stocks', 250000 + 102679, 'OK'],
      ['Intl Stocks', 68452, 'Under'],
      ['Bonds', 150000 + 19015, 'Over'],
      ['Cash', 9854, 'Over'],
    ]);
    expect(report.rows.reduce((s, r) => s + r.value, 0)).toBe(600000);
    // US Stocks: 3,526.79 / 6,000 = 58.7798…%; Intl 684.52 / 6,000 = 11.4087%, 13.59 pp under a 25% target.
    expect(report.rows[0].weight).toBeCloseTo(0.58779833, 8);
    expect(report.rows[1].drift).toBeCloseTo(684.52 / 6000 - 0.25, 12);
  });

  it('says how much of each class is held in the fund', () => {
    const report = computeDrift(tdf());
    expect(report.rows.map((r) => [r.label, r.viaMixes])).toEqual([
      ['US Stocks', [{ ticker: 'VFIFX', value: 102679 }]],
      ['Intl Stocks', [{ ticker: 'VFIFX', value: 68452 }]],
      ['Bonds', [{ ticker: 'VFIFX', value: 19015 }]],
      ['Cash', []],
    ]);
    expect(report.mixes.map((m) => [m.ticker, m.source, m.shares.map((s) => [s.key, s.weight])])).toEqual([
      ['VFIFX', 'table', [['US Stocks', 0.54], ['Intl Stocks', 0.36], ['Bonds', 0.1]]],
    ]);
  });

  it('ignores the Holdings Class of a fund in Mix, whatever it says', () => {
    const asTargetDate = household({
      holdings: [lot('Joint', 'VTI', 10, 250), lot('Joint', 'BND', 20, 75), lot('Alex 401k', 'VFIFX', 33, 57.62, { class: 'Target Date' }), cash('Joint', 98.54)],
      targets: { 'US Stocks': 0.6, 'Intl Stocks': 0.25, Bonds: 0.15 },
      mix: TDF_MIX,
    });
    expect(values(computeDrift(asTargetDate))).toEqual(values(computeDrift(tdf())));
  });

  it('splits the household value of a fund held in several accounts once, not row by row', () => {
    // 1 share at 0.05 in each of three accounts: 15 cents split 1/3 each is 5 cents each class; row by
    // row it would be 1.67 → 2 + 2 + 1 three times (6, 6, 3) — the household's split is the exact one.
    const h = household({
      holdings: [lot('A', 'BAL', 1, 0.05, { class: 'Mixed' }), lot('B', 'BAL', 1, 0.05, { class: 'Mixed' }), lot('C', 'BAL', 1, 0.05, { class: 'Mixed' })],
      targets: { X: 0.5, Y: 0.25, Z: 0.25 },
      mix: [['BAL', 'X', '33.4%'], ['BAL', 'Y', '33.3%'], ['BAL', 'Z', '33.3%']],
    });
    expect(values(computeDrift(h))).toEqual([['X', 5, 'Under'], ['Y', 5, 'Over'], ['Z', 5, 'Over']]);
  });
});

describe('the Mix table', () => {
  const base = (mix: (string | number | null)[][], extra: Partial<Parameters<typeof household>[0]> = {}) =>
    household({ holdings: [lot('401k', 'VFIFX', 10, 100, { class: 'Mixed' }), lot('IRA', 'VTI', 10, 100)], targets: { 'US Stocks': 0.6, 'Intl Stocks': 0.3, Bonds: 0.1 }, mix, ...extra });

  it('reads percent numbers, percent strings and fractions, one form per ticker', () => {
    const forms = [
      [['VFIFX', 'US Stocks', 54], ['VFIFX', 'Intl Stocks', 36], ['VFIFX', 'Bonds', 10]],
      [['VFIFX', 'US Stocks', '54%'], ['VFIFX', 'Intl Stocks', '36%'], ['VFIFX', 'Bonds', '10%']],
      TDF_MIX,
    ];
    const shares = forms.map((m) => base(m).mixes.get('VFIFX')!.shares.map((s) => [s.key, s.weight]));
    for (const s of shares) {
      expect(s.map(([k]) => k)).toEqual(['US Stocks', 'Intl Stocks', 'Bonds']);
      expect(s.map(([, w]) => w as number).map((w) => Math.round(w * 1e12) / 1e12)).toEqual([0.54, 0.36, 0.1]);
    }
  });

  it('scales weights an issuer rounded (within ±0.5 pp) to exactly 100%', () => {
    const h = base([['VFIFX', 'US Stocks', 54.2], ['VFIFX', 'Intl Stocks', 36], ['VFIFX', 'Bonds', 10]]);
    const weights = h.mixes.get('VFIFX')!.shares.map((s) => s.weight);
    expect(weights.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 14);
    expect(weights[0]).toBeCloseTo(54.2 / 100.2, 14);
  });

  it('refuses weights that do not add up to 100%, naming the ticker and the sum', () => {
    const e = inputError(() => base([['VFIFX', 'US Stocks', 54], ['VFIFX', 'Intl Stocks', 36], ['VFIFX', 'Bonds', 9]]));
    expect(e.message).toBe('Mix, row 2, column Weight: the weights of VFIFX add up to 99.00%; a fund\'s classes must add up to 100% (±0.5 pp)');
  });

  it('refuses a class listed twice for one ticker, naming both rows', () => {
    const e = inputError(() => base([['VFIFX', 'US Stocks', 0.5], ['VFIFX', 'Bonds', 0.1], ['vfifx', 'us stocks', 0.4]]));
    expect(e.message).toBe('Mix, row 4, column Class: VFIFX lists us stocks twice (rows 2 and 4); give each class one row');
  });

  it('refuses a negative weight, a blank class and CASH as a fund', () => {
    expect(inputError(() => base([['VFIFX', 'US Stocks', 1.1], ['VFIFX', 'Bonds', -0.1]])).message).toBe('Mix, row 3, column Weight: the weight of Bonds in VFIFX is negative');
    expect(inputError(() => base([['VFIFX', null, 1]])).message).toBe('Mix, row 2, column Class: the class of VFIFX is blank');
    expect(inputError(() => base([['CASH', 'Bonds', 1]])).message).toMatch(/^Mix, row 2, column Ticker: CASH is cash, not a fund/);
  });

  it('leaves out a ticker whose weights are all blank (rows still to fill in), with a warning', () => {
    const h = base([['VFIFX', 'US Stocks', null], ['VFIFX', 'Bonds', null]]);
    expect(h.mixes.has('VFIFX')).toBe(false);
    expect(h.warnings.map((w) => w.message)).toContain('Mix, row 2, column Weight: VFIFX has no weights in Mix yet, so it counts in its Holdings class until they are filled in');
    expect(computeDrift(h).rows.map((r) => r.label)).toContain('Mixed');
  });

  it('warns that a class Targets does not list is untargeted for that share', () => {
    const h = base([['VFIFX', 'US Stocks', 0.6], ['VFIFX', 'Gold', 0.4]]);
    expect(h.warnings.map((w) => w.message)).toContain('Mix, row 3, column Class: Gold is not in Targets, so the 40.0% of VFIFX that is Gold has no target');
    const report = computeDrift(h);
    expect(report.rows.map((r) => [r.label, r.value, r.status])).toEqual([
      ['US Stocks', 100000 + 60000, 'Over'],
      ['Intl Stocks', 0, 'Under'],
      ['Bonds', 0, 'Under'],
      ['Gold', 40000, 'No target'],
    ]);
  });

  it('warns about a Holdings Class of Mixed that no mix explains, and keeps it as its own untargeted class', () => {
    const h = household({ holdings: [lot('401k', 'VFIFX', 10, 100, { class: 'Mixed' }), lot('IRA', 'VTI', 10, 100)], targets: { 'US Stocks': 1 } });
    expect(h.warnings.map((w) => w.message)).toContain(
      "Holdings, row 2, column Class: VFIFX's Class is Mixed but Mix does not list it and Funds does not list its holdings, so it counts as the untargeted class Mixed; add its classes to Mix",
    );
    expect(values(computeDrift(h))).toEqual([['US Stocks', 100000, 'Under'], ['Mixed', 100000, 'No target']]);
  });

  it('gives a fund a Cash share that counts as Cash', () => {
    const h = household({
      holdings: [lot('401k', 'BAL', 10, 100, { class: 'Mixed' })],
      targets: { 'US Stocks': 0.95, Cash: 0.05 },
      mix: [['BAL', 'US Stocks', 0.95], ['BAL', 'Cash', 0.05]],
    });
    expect(values(computeDrift(h))).toEqual([['US Stocks', 95000, 'OK'], ['Cash', 5000, 'OK']]);
  });
});

describe('mixes derived through Funds', () => {
  const funds = (weights: [string, number][]) => [['Fund', 'Holding', 'Weight'], ...weights.map(([holding, w]) => ['VFIFX', holding, w])];
  const derived = (fundRows: (string | number)[][], classOfVfifx: string | null = null, holdings: HoldingSpec[] = []) =>
    household({
      holdings: [
        lot('Joint', 'VTI', 10, 100),
        lot('Joint', 'VXUS', 10, 50),
        lot('IRA', 'BND', 10, 75),
        lot('401k', 'VFIFX', 100, 10, { class: classOfVfifx }),
        ...holdings,
      ],
      targets: { 'US Stocks': 0.6, 'Intl Stocks': 0.3, Bonds: 0.1 },
      funds: fundRows,
    });

  it('derives the classes of a fund whose Funds holdings all have a class, largest first', () => {
    const h = derived(funds([['BND', 0.1], ['VTI', 0.54], ['VXUS', 0.36]]));
    const mix = h.mixes.get('VFIFX')!;
    expect(mix.source).toBe('derived');
    expect(mix.shares.map((s) => [s.key, Math.round(s.weight * 1e12) / 1e12])).toEqual([['US Stocks', 0.54], ['Intl Stocks', 0.36], ['Bonds', 0.1]]);
    // VFIFX 1,000.00: US 540.00, Intl 360.00, Bonds 100.00 on top of VTI 1,000, VXUS 500, BND 750.
    expect(values(computeDrift(h))).toEqual([['US Stocks', 154000, 'Under'], ['Intl Stocks', 86000, 'OK'], ['Bonds', 85000, 'Over']]);
  });

  it('does the same for a fund whose Class says Mixed, and through a fund of funds', () => {
    const h = derived(
      [
        ['Fund', 'Holding', 'Weight'],
        ['VFIFX', 'VTI', 0.5],
        ['VFIFX', 'VXUS', 0.3],
        ['VFIFX', 'BONDFUND', 0.2],
        ['BONDFUND', 'BND', 0.7],
        ['BONDFUND', 'CASH', 0.3],
      ],
      'Mixed',
    );
    expect(h.mixes.get('VFIFX')!.shares.map((s) => [s.key, Math.round(s.weight * 1e12) / 1e12])).toEqual([['US Stocks', 0.5], ['Intl Stocks', 0.3], ['Bonds', 0.14], ['Cash', 0.06]]);
  });

  it('does not derive a fund whose Funds rows leave a holding without a class, or do not cover it', () => {
    expect(derived(funds([['VTI', 0.54], ['VXUS', 0.36], ['BNDX', 0.1]])).mixes.size).toBe(0);
    expect(derived(funds([['VTI', 0.54], ['VXUS', 0.36]])).mixes.size).toBe(0);
  });

  it('keeps the class the user gave a fund, even when Funds could split it', () => {
    const h = derived(funds([['VTI', 0.54], ['VXUS', 0.36], ['BND', 0.1]]), 'US Stocks');
    expect(h.mixes.size).toBe(0);
    expect(values(computeDrift(h))[0]).toEqual(['US Stocks', 200000, 'OK']);
  });

  it('prefers the Mix table over what Funds would derive', () => {
    const h = household({
      holdings: [lot('Joint', 'VTI', 10, 100), lot('401k', 'VFIFX', 100, 10)],
      targets: { 'US Stocks': 0.6, Bonds: 0.4 },
      funds: funds([['VTI', 1]]),
      mix: [['VFIFX', 'US Stocks', 0.2], ['VFIFX', 'Bonds', 0.8]],
    });
    expect(h.mixes.get('VFIFX')!.source).toBe('table');
  });
});

describe('drift with mixes: properties', () => {
  const classes = ['US Stocks', 'Intl Stocks', 'Bonds', 'Gold'];
  const holdingArb = fc.record({
    account: fc.constantFrom('Joint', 'Sam IRA', 'Alex 401k'),
    ticker: fc.constantFrom('VTI', 'BND', 'VXUS', 'BAL', 'TDF'),
    shares: fc.integer({ min: 0, max: 500_000 }).map((n) => n / 1000),
    price: fc.integer({ min: 1, max: 5_000_000 }).map((n) => n / 1000),
  });
  const mixArb = fc
    .tuple(fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 4, maxLength: 4 }))
    .map(([ws]) => ws)
    .filter((ws) => ws.some((w) => w > 0));
  const classOf: Record<string, string> = { VTI: 'US Stocks', BND: 'Bonds', VXUS: 'Intl Stocks', BAL: 'Mixed', TDF: 'Mixed' };

  function build(rows: { account: string; ticker: string; shares: number; price: number }[], bal: number[], tdf: number[]): Household {
    const sum = (ws: number[]) => ws.reduce((a, b) => a + b, 0);
    const mixRows = (ticker: string, ws: number[]) => ws.flatMap((w, i) => (w > 0 ? [[ticker, classes[i], w / sum(ws)]] : []));
    return household({
      holdings: rows.map((r) => lot(r.account, r.ticker, r.shares, r.price, { class: classOf[r.ticker] })),
      targets: { 'US Stocks': 0.5, 'Intl Stocks': 0.3, Bonds: 0.2 },
      mix: [...mixRows('BAL', bal), ...mixRows('TDF', tdf)],
    });
  }

  it('the class values always add up to the household total, to the cent', () => {
    fc.assert(
      fc.property(fc.array(holdingArb, { minLength: 1, maxLength: 30 }), mixArb, mixArb, (rows, bal, tdf) => {
        const h = build(rows, bal, tdf);
        fc.pre(h.holdings.reduce((s, x) => s + x.value, 0) > 0);
        const report = computeDrift(h);
        expect(report.rows.reduce((s, r) => s + r.value, 0)).toBe(report.total);
        for (const r of report.rows) expect(Number.isInteger(r.value)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('a fund with a 100% single-class mix is exactly a fund with that Class', () => {
    fc.assert(
      fc.property(fc.array(holdingArb, { minLength: 1, maxLength: 30 }), fc.constantFrom('US Stocks', 'Intl Stocks', 'Bonds', 'Gold'), (rows, cls) => {
        const holdings = rows.map((r) => lot(r.account, r.ticker, r.shares, r.price, { class: r.ticker === 'BAL' || r.ticker === 'TDF' ? 'Mixed' : classOf[r.ticker] }));
        const targets = { 'US Stocks': 0.5, 'Intl Stocks': 0.3, Bonds: 0.2 };
        const mixed = household({ holdings, targets, mix: [['BAL', cls, 1], ['TDF', cls, '100%']] });
        const classed = household({ holdings: holdings.map((x) => (x.ticker === 'BAL' || x.ticker === 'TDF' ? { ...x, class: cls } : x)), targets });
        fc.pre(mixed.holdings.reduce((s, x) => s + x.value, 0) > 0);
        const strip = (r: DriftReport) => r.rows.map((row) => [row.label, row.value, row.weight, row.target, row.drift, row.band, row.status]);
        expect(strip(computeDrift(mixed))).toEqual(strip(computeDrift(classed)));
      }),
      { numRuns: 200 },
    );
  });
});
