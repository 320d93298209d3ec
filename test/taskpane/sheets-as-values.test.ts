/**
 * The sheets the pane writes as plain values: the Trades sheet and Save as values' Rebalance sheet.
 * Named by AsOf as their footers date them; share counts formatted per cell; columns fitted to the
 * tables, never to a sentence under them.
 */
import { computeDrift, driftSpill, readHousehold } from '../../src/engine';
import { engineExposure } from '../../src/taskpane/engine-exposure';
import type { DraftResult, ExposureResult } from '../../src/taskpane/ports';
import { sharesFormat } from '../../src/taskpane/sheet-formats';
import { tradesSheet } from '../../src/taskpane/trade-output';
import { SAVED_EXPOSURE_ROWS, valuesSheet, valuesSheetName } from '../../src/taskpane/values-sheet';
import { HOLDINGS, SETTINGS, TARGETS } from '../support/memory-workbook';
import { JOINT_PLAN } from './render-pane';

const tables = { holdings: { name: 'Holdings', cells: HOLDINGS }, targets: { name: 'Targets', cells: TARGETS }, settings: { name: 'Settings', cells: SETTINGS } };
const drift = computeDrift(readHousehold(tables));
const FRACTIONAL: DraftResult = {
  ...JOINT_PLAN,
  trades: [{ ...JOINT_PLAN.trades[0], shares: 1172.5, lots: [{ acquired: null, shares: 1172.5, basis: null, gain: 0, term: 'ST' }] }, JOINT_PLAN.trades[1]],
};

describe('share formats', () => {
  it('shows whole shares without a decimal point and fractional ones with at least one decimal', () => {
    expect(sharesFormat(1)).toBe('#,##0');
    expect(sharesFormat(1172)).toBe('#,##0');
    expect(sharesFormat(0.5)).toBe('#,##0.0#####');
    // The old '#,##0.######' leaves "1." for a whole share: a point with no digit required after it.
    for (const f of [sharesFormat(1), sharesFormat(1.25)]) expect(f).not.toMatch(/\.#/);
  });
});

describe('the Trades sheet', () => {
  const sheet = tradesSheet(FRACTIONAL, [true, false], '2026-10-01');

  it('is named by the AsOf date its footer gives, not by the day it is written', () => {
    expect(sheet.name(1)).toBe('Trades 2026-10-01');
    expect(sheet.name(2)).toBe('Trades 2026-10-01 (2)');
    expect(sheet.rows[sheet.rows.length - 1][0]).toMatch(/^Drafted by Rebalance in Excel as of 2026-10-01\./);
  });

  it('formats each trade’s shares by what they are, and money to the cent', () => {
    expect(sheet.cellFormats![1].slice(3, 7)).toEqual(['#,##0.0#####', '$#,##0.00', '$#,##0.00', '$#,##0.00']);
    expect(sheet.cellFormats![2][3]).toBe('#,##0');
  });

  it('fits columns to the trades, not to the footer, and wraps the reasons', () => {
    expect(sheet.notesFrom).toBe(3);
    expect(sheet.rows.slice(sheet.notesFrom).flat().filter((c) => typeof c === 'string' && c.length > 0)).toHaveLength(1);
    expect(sheet.columnWidths).toEqual([{ column: 7, points: 320 }]);
  });
});

describe('Save as values', () => {
  let exposure: ExposureResult;
  beforeAll(async () => {
    exposure = await engineExposure.exposure({ tables, top: SAVED_EXPOSURE_ROWS });
  });
  const saved = (draft: { result: DraftResult; approved: boolean[] } | null) => valuesSheet({ asOf: '2026-11-21', drift, exposure, draft });
  const blockAfter = (rows: unknown[][], title: string) => {
    const start = rows.findIndex((r) => r.length === 1 && r[0] === title);
    const end = rows.findIndex((r, i) => i > start && r.length === 0);
    return rows.slice(start + 1, end === -1 ? undefined : end);
  };

  it('is one sheet named by AsOf with the engine’s drift, the exposure, and the approved trades with their lots', () => {
    const sheet = saved({ result: FRACTIONAL, approved: [true, false] });
    expect(sheet.name(1)).toBe(valuesSheetName('2026-11-21'));
    expect(sheet.name(1)).toBe('Rebalance 2026-11-21');
    expect(blockAfter(sheet.rows, 'Drift')).toEqual(driftSpill(drift));
    expect(blockAfter(sheet.rows, 'Exposure')).toEqual([
      ['Holding', 'Direct', 'Via funds', 'Total', 'Weight', 'Held through'],
      ...exposure.rows.map((r) => [r.holding, r.direct, r.viaFunds, r.total, r.weight, r.via.join(', ')]),
    ]);
    const trades = blockAfter(sheet.rows, 'Approved trades');
    expect(trades).toEqual([
      ['Account', 'Ticker', 'Action', 'Shares', 'Price', 'Amount', 'Est. tax', 'Reason'],
      ['Joint Taxable', 'VTI', 'SELL', 1172.5, 250, 1000, 64.29, JOINT_PLAN.trades[0].reason],
    ]);
    expect(blockAfter(sheet.rows, 'Lots sold')).toEqual([
      ['Account', 'Ticker', 'Acquired', 'Shares', 'Cost basis', 'Gain', 'Term'],
      ['Joint Taxable', 'VTI', 'unknown', 1172.5, 'unknown', 0, 'ST'],
    ]);
    expect(sheet.rows[sheet.rows.length - 1][0]).toMatch(/^Saved by Rebalance in Excel as of 2026-11-21: /);
  });

  it('formats every number it writes, bolds only titles and headers, and keeps sentences below the fitted rows', () => {
    const sheet = saved({ result: FRACTIONAL, approved: [true, true] });
    sheet.rows.forEach((row, r) =>
      row.forEach((cell, c) => {
        if (typeof cell === 'number' && r < sheet.notesFrom!) expect([r, c, sheet.cellFormats![r][c]]).toEqual([r, c, expect.stringMatching(/0/)]);
      }),
    );
    const bold = sheet.boldRows!.map((r) => sheet.rows[r][0]);
    expect(bold).toEqual(['Drift', 'Class', 'Exposure', 'Holding', 'Approved trades', 'Account', 'Lots sold', 'Account']);
    const fitted = sheet.rows.slice(0, sheet.notesFrom).map((r) => r[0]);
    for (const a of fitted) expect(String(a ?? '').length).toBeLessThanOrEqual(20);
    expect(sheet.cellFormats![sheet.rows.findIndex((r) => r[1] === 'BND' && r[2] === 'BUY')][3]).toBe('#,##0');
  });

  it('says so when nothing was approved, or nothing drafted', () => {
    expect(blockAfter(saved({ result: JOINT_PLAN, approved: [false, false] }).rows, 'Approved trades')).toEqual([['No trades approved.']]);
    const none = saved(null);
    expect(blockAfter(none.rows, 'Approved trades')).toEqual([['No trades drafted.']]);
    expect(none.columnWidths).toEqual([]);
  });
});
