import * as path from 'path';
import fc from 'fast-check';
import ExcelJS from 'exceljs';
import { computeDrift, driftJson, driftSpill, InputError, readHousehold } from '../../src/engine';
import type { DriftReport, DriftRow } from '../../src/engine';
import { productCents } from '../../src/engine/money';
import { WorkbookTables } from '../../src/cli/workbook-tables';
import { cash, household, lot, table, targetsTable } from '../support/builders';

const row = (report: DriftReport, label: string): DriftRow => {
  const found = report.rows.find((r) => r.label === label);
  if (!found) throw new Error(`no drift row ${label} in ${report.rows.map((r) => r.label).join(', ')}`);
  return found;
};

describe('drift, hand-computed to the cent', () => {
  it('lots, an untargeted holding and cash (no Cash target)', () => {
    // 2,500.00 + 1,250.00 (two VTI lots) + 20 × 72.345 = 1,446.90 + 33 × 61.17 = 2,018.61
    // + 2 × 190.005 = 380.01 (Gold, untargeted) + 404.48 cash = 8,000.00
    const report = computeDrift(
      household({
        holdings: [
          lot('Joint', 'VTI', 10, 250, { basis: 1500, acquired: '2019-03-04' }),
          lot('Joint', 'VTI', 5, 250, { basis: 1300, acquired: '2025-01-02' }),
          lot('Joint', 'BND', 20, 72.345),
          lot('Sam IRA', 'VXUS', 33, 61.17),
          lot('Sam IRA', 'GLD', 2, 190.005, { class: 'Gold' }),
          cash('Joint', 404.48),
        ],
        targets: { 'US Stocks': 0.5, 'Intl Stocks': 0.3, Bonds: 0.2 },
      }),
    );
    expect(report.total).toBe(800000);
    expect(report.rows.map((r) => [r.label, r.value, r.status])).toEqual([
      ['US Stocks', 375000, 'OK'],
      ['Intl Stocks', 201861, 'OK'],
      ['Bonds', 144690, 'OK'],
      ['Cash', 40448, 'Over'],
      ['Gold', 38001, 'No target'],
    ]);
    expect(row(report, 'US Stocks')).toMatchObject({ target: 0.5, band: 0.05 });
    expect(row(report, 'US Stocks').weight).toBeCloseTo(0.46875, 15);
    expect(row(report, 'US Stocks').drift).toBeCloseTo(-0.03125, 15);
    expect(row(report, 'Intl Stocks').weight).toBeCloseTo(0.25232625, 15);
    expect(row(report, 'Intl Stocks').band).toBeCloseTo(0.05, 15);
    expect(row(report, 'Bonds').drift).toBeCloseTo(-0.0191375, 15);
    expect(row(report, 'Bonds').band).toBeCloseTo(0.05, 15); // min(5%, 25% × 20%)
    expect(row(report, 'Cash')).toMatchObject({ target: 0, band: 0 });
    expect(row(report, 'Cash').drift).toBeCloseTo(0.05056, 15);
    expect(row(report, 'Gold')).toMatchObject({ target: null, drift: null, band: null });
    expect(row(report, 'Gold').weight).toBeCloseTo(0.04750125, 15);
  });

  it('percent-number targets, a per-row Band and the 5/25 rule', () => {
    // total 10,000.00: US 24 × 250 = 6,000; Bonds 27.5 × 100 = 2,750; Intl 25 × 50 = 1,250
    const report = computeDrift(
      household({
        holdings: [lot('Joint', 'VTI', 24, 250), lot('IRA', 'BND', 27.5, 100), lot('IRA', 'VXUS', 25, 50)],
        targets: { 'US Stocks': 60, Bonds: 30, 'Intl Stocks': 10 },
        targetOptions: { Bonds: { band: 0.02 } },
      }),
    );
    expect(report.total).toBe(1000000);
    expect(report.rows.map((r) => [r.label, r.value, r.target, r.status])).toEqual([
      ['US Stocks', 600000, 0.6, 'OK'],
      ['Bonds', 275000, 0.3, 'Under'], // −2.5 pp against its own 2 pp band
      ['Intl Stocks', 125000, 0.1, 'OK'], // +2.5 pp, exactly at 25% × 10%
    ]);
    expect(row(report, 'Bonds').band).toBe(0.02);
    expect(row(report, 'Intl Stocks').band).toBeCloseTo(0.025, 15);
  });

  it.each([
    // Intl Stocks (target 10%, band 2.5 pp) at the edge and one cent-ish step beyond it
    [1250, 'OK'],
    [1251, 'Over'],
    [750, 'OK'],
    [749, 'Under'],
  ])('5/25 edge: Intl Stocks worth %d of 10,000 is %s', (intl, status) => {
    const report = computeDrift(
      household({
        holdings: [lot('IRA', 'VXUS', intl, 1), lot('IRA', 'VTI', 10000 - intl, 1)],
        targets: { 'US Stocks': 0.9, 'Intl Stocks': 0.1 },
      }),
    );
    expect(row(report, 'Intl Stocks').status).toBe(status);
  });

  it.each([
    [6500, 'OK'],
    [6501, 'Over'],
    [5500, 'OK'],
    [5499, 'Under'],
  ])('absolute edge: US Stocks (target 60%, band 5 pp) worth %d of 10,000 is %s', (us, status) => {
    const report = computeDrift(
      household({ holdings: [lot('IRA', 'VTI', us, 1), lot('IRA', 'BND', 10000 - us, 1)], targets: { 'US Stocks': '60%', Bonds: '40%' } }),
    );
    expect(row(report, 'US Stocks').status).toBe(status);
  });

  it('ticker-level targets when Holdings has no Class, and a Cash row for a contribution alone', () => {
    // 10 × 100.10 = 1,001.00; 20 × 50.05 = 1,001.00; 9 × 111.111 = 999.999 → 1,000.00; total 3,002.00
    const h = readHousehold({
      holdings: table('Holdings', [
        ['Account', 'Ticker', 'Shares', 'Price'],
        ['Joint', 'VTI', 10, 100.1],
        ['Joint', 'VXUS', 20, 50.05],
        ['Joint', 'BND', 9, 111.111],
      ]),
      targets: targetsTable({ vti: '50%', VXUS: '30%', BND: '20%' }),
      accounts: table('Accounts', [['Account', 'Type', 'Contribution'], ['Joint', 'Taxable', 1000]]),
    });
    const report = computeDrift(h);
    expect(report.total).toBe(300200);
    expect(report.rows.map((r) => [r.label, r.value, r.status])).toEqual([
      ['vti', 100100, 'Under'],
      ['VXUS', 100100, 'OK'],
      ['BND', 100000, 'Over'],
      ['Cash', 0, 'OK'],
    ]);
    expect(row(report, 'vti').weight).toBeCloseTo(0.3334443704197202, 15);
    expect(row(report, 'BND').drift).toBeCloseTo(0.13311125916055963, 15);
    expect(row(report, 'Cash')).toMatchObject({ weight: 0, target: 0, drift: 0, band: 0 });
  });

  it('uses a Cash target when Targets has one, and the Settings band', () => {
    const report = computeDrift(
      household({
        holdings: [lot('IRA', 'VTI', 95, 100), cash('IRA', 500)],
        targets: { 'US Stocks': 0.97, cash: 0.03 },
        settings: { Band: '1%', RelativeBand: '50%' },
      }),
    );
    expect(report.rows.map((r) => [r.label, r.value, r.status])).toEqual([
      ['US Stocks', 950000, 'Under'], // −2 pp, band min(1%, 48.5%) = 1 pp
      ['cash', 50000, 'Over'], // +2 pp, band min(1%, 1.5%) = 1 pp
    ]);
    expect(row(report, 'cash').band).toBeCloseTo(0.01, 15);
  });

  it('shows a targeted class nobody holds at 0 and Under', () => {
    const report = computeDrift(household({ holdings: [lot('IRA', 'VTI', 1, 100)], targets: { 'US Stocks': 0.8, 'Real Estate': 0.2 } }));
    expect(row(report, 'Real Estate')).toMatchObject({ value: 0, weight: 0, status: 'Under' });
  });

  it('totals the targets in the spill without float residue (60/30/10 is 1)', () => {
    const report = computeDrift(
      household({ holdings: [lot('IRA', 'VTI', 6, 100), lot('IRA', 'BND', 3, 100), lot('IRA', 'VXUS', 1, 100)], targets: { 'US Stocks': 60, Bonds: 30, 'Intl Stocks': 10 } }),
    );
    const spill = driftSpill(report);
    expect(spill[spill.length - 1]).toEqual(['Total', 1000, 1, 1, '', '', '']);
  });

  it('refuses drift without targets, or with nothing of value', () => {
    expect(() => computeDrift(household({ holdings: [lot('IRA', 'VTI', 1, 100)] }))).toThrow(InputError);
    expect(() => computeDrift(household({ holdings: [lot('IRA', 'VTI', 0, 100)], targets: { 'US Stocks': 1 } }))).toThrow(
      /Holdings: the household's total value is \$0\.00; drift needs a positive total/,
    );
  });

  it('spills a header, the rows and a Total row', () => {
    const report = computeDrift(household({ holdings: [lot('IRA', 'VTI', 3, 100), lot('IRA', 'GLD', 1, 100, { class: 'Gold' })], targets: { 'US Stocks': 1 } }));
    expect(driftSpill(report)).toEqual([
      ['Class', 'Value', 'Weight', 'Target', 'Drift', 'Band', 'Status'],
      ['US Stocks', 300, 0.75, 1, -0.25, 0.05, 'Under'],
      ['Gold', 100, 0.25, '', '', '', 'No target'],
      ['Total', 400, 1, 1, '', '', ''],
    ]);
  });
});

describe('drift invariants (fast-check)', () => {
  const classes = ['US Stocks', 'Intl Stocks', 'Bonds', 'Gold', 'Cash'];
  const holdingArb = fc.record({
    account: fc.constantFrom('Joint', 'Sam IRA', 'Alex Roth'),
    cls: fc.constantFrom(...classes),
    shares: fc.integer({ min: 0, max: 5_000_000 }).map((n) => n / 1000),
    price: fc.integer({ min: 1, max: 5_000_000 }).map((n) => n / 1000),
  });

  it('weights add to 1 and values add to the total to the cent', () => {
    fc.assert(
      fc.property(fc.array(holdingArb, { minLength: 1, maxLength: 40 }), fc.integer({ min: 1, max: 99 }), (rows, us) => {
        const specs = rows.map((r) => (r.cls === 'Cash' ? cash(r.account, Math.round(r.shares * r.price * 100) / 100) : lot(r.account, 'X' + r.cls.length, r.shares, r.price, { class: r.cls })));
        const expectedTotal = rows.reduce((s, r) => s + (r.cls === 'Cash' ? productCents(Math.round(r.shares * r.price * 100) / 100, 1) : productCents(r.shares, r.price)), 0);
        fc.pre(expectedTotal > 0);
        const report = computeDrift(household({ holdings: specs, targets: { 'US Stocks': us, Bonds: 100 - us } }));
        const valueSum = report.rows.reduce((s, r) => s + r.value, 0);
        const weightSum = report.rows.reduce((s, r) => s + r.weight, 0);
        expect(report.total).toBe(expectedTotal);
        expect(valueSum).toBe(report.total);
        expect(Number.isInteger(report.total)).toBe(true);
        expect(Math.abs(weightSum - 1)).toBeLessThan(1e-9);
        for (const r of report.rows) if (r.target !== null) expect(r.drift).toBeCloseTo(r.weight - r.target, 12);
      }),
      { numRuns: 300 },
    );
  });
});

describe('the shared public example workbook', () => {
  it('gives the drift of public-household.expected.json, read from the real .xlsx', async () => {
    const dir = path.resolve(__dirname, '..', '..', 'examples');
    const expected = (await import(path.join(dir, 'public-household.expected.json'))) as { total: number; drift: unknown[] };
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path.join(dir, 'public-household.xlsx'));
    const tables = new WorkbookTables(workbook);
    const h = readHousehold({
      holdings: tables.find('Holdings')!,
      targets: tables.find('Targets'),
      accounts: tables.find('Accounts'),
      settings: tables.find('Settings'),
    });
    const report = computeDrift(h);
    expect(report.total / 100).toBe(expected.total);
    expect(driftJson(report)).toEqual(expected.drift);
  });
});
