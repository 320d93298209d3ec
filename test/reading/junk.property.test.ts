/**
 * Junk in any cell of any table: whatever a paste, a broken formula or years of hand edits put there,
 * reading the workbook ends in one of two ways — a one-line InputError naming a table the household
 * has (and a row inside it, when it names one), or a household whose drift and exposure are sane:
 * finite numbers, class values adding up to the total to the cent. Never another exception.
 */
import fc from 'fast-check';
import {
  Cell,
  computeDrift,
  computeExposure,
  driftSpill,
  ExcelErrorCell,
  exposureSpill,
  isInputError,
  readHousehold,
  UnsavedFormulaCell,
  withAsOf,
} from '../../src/engine';
import type { HouseholdTables, TableInput } from '../../src/engine';

/** A plausible household: every table the engine reads, header first. */
function baseCells(): Record<string, Cell[][]> {
  return {
    Holdings: [
      ['Account', 'Ticker', 'Class', 'Shares', 'Price', 'Value', 'Cost Basis', 'Acquired'],
      ['Joint', 'VTI', 'US Stocks', 10, 300.5, null, 2500, '2019-03-04'],
      ['Joint', 'VTI', 'US Stocks', 5, 300.5, null, 1400, 45658],
      ['IRA', 'BND', 'Bonds', 40, 72.5, null, null, null],
      ['IRA', 'VFIFX', 'Target Date', null, null, 2000, null, null],
      ['Joint', 'CASH', 'Cash', null, null, 1100, null, null],
    ],
    Targets: [['Class', 'Target', 'Band', 'Buy'], ['US Stocks', 0.6, null, 'VTI'], ['Bonds', 0.4, 0.05, null]],
    Accounts: [['Account', 'Type', 'Owner', 'Contribution', 'Reserve', 'Trade'], ['Joint', 'Taxable', 'Both', 500, 100, 'Yes'], ['IRA', 'IRA', 'Sam', null, null, null]],
    Settings: [['Key', 'Value'], ['Band', '5%'], ['MinTrade', 50], ['AsOf', '2026-11-21'], ['Rule', 'Hybrid']],
    Funds: [['Fund', 'Holding', 'Weight'], ['VTI', 'AAPL', 0.06], ['VFIFX', 'VTI', 0.5], ['VFIFX', 'BND', 0.4]],
    Identical: [['Ticker', 'Group'], ['VTI', 'Total US'], ['ITOT', 'Total US']],
  };
}

/** What real sheets hold where a number or a name should be. */
const junkArb: fc.Arbitrary<Cell> = fc.oneof(
  fc.constantFrom<Cell>(null, undefined, '', '   ', 0, '0', true, false, '-', '--', 'n/a', 'N/A', 'Incomplete', '—'),
  fc.constantFrom<Cell>('#N/A', '#REF!', '#VALUE!', '#DIV/0!', '#NAME?', '#CALC!', '#BUSY!', '#SPILL!', '#NUM!', '#NULL!'),
  fc.constantFrom<Cell>(new ExcelErrorCell('#N/A'), new UnsavedFormulaCell('=B2*C2'), new UnsavedFormulaCell(''), { code: '#REF!', message: '' }),
  fc.constantFrom<Cell>('Total', 'Account Total', 'Grand Total', 'Subtotal', 'CASH', 'Cash', 'Mixed'),
  fc.constantFrom<Cell>('25 40', '12\n34', '1,234.56', '$1,234.56', '(12.00)', '−3', '1e5', '12%', '150%', '0.5%', '$ 12', '1.2.3', ',', '.'),
  fc.constantFrom<Cell>('2024-02-30', '2099-01-01', '03/04/2024', '1900-01-01', 'yes', 'No', 'Roth', 'Traditional IRA', 'HSA', 'Taxable Roth'),
  // Excel cells hold finite numbers only; NaN and Infinity never reach a function or a file.
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.double({ min: -1e15, max: 1e15, noNaN: true }),
  fc.integer({ min: -1000, max: 3_000_000 }),
  fc.constantFrom<Cell>(1e300, -1e300, 1e15, 1e12, 1e-300, 5e-324, Number.MAX_SAFE_INTEGER),
  fc.date({ min: new Date('1899-01-01'), max: new Date('2200-01-01') }),
  fc.string({ maxLength: 80 }),
  fc.string({ unit: 'grapheme', maxLength: 90 }),
  fc.constantFrom<Cell>(
    { type: 'Entity', text: 'Apple Inc.', properties: { Price: { basicValue: 271.35 }, 'Ticker symbol': { basicValue: 'AAPL' } } },
    { type: 'Entity', text: 'Odd', properties: { Price: { basicValue: 'n/a' } } },
    { type: 'Entity', properties: {} },
    {},
  ),
);

interface Edit {
  readonly table: string;
  readonly row: number;
  readonly col: number;
  readonly value: Cell;
}

const TABLES = Object.keys(baseCells());
const editArb: fc.Arbitrary<Edit> = fc
  .tuple(fc.constantFrom(...TABLES), fc.nat(), fc.nat(), junkArb)
  .map(([table, r, c, value]) => {
    const cells = baseCells()[table];
    // Mostly data cells; one edit in twelve lands on the header row.
    const row = r % 12 === 0 ? 0 : 1 + (r % (cells.length - 1));
    return { table, row, col: c % cells[0].length, value };
  });

function apply(edits: readonly Edit[]): HouseholdTables {
  const cells = baseCells();
  for (const e of edits) cells[e.table][e.row][e.col] = e.value;
  const input = (name: string, headerRow: number): TableInput => ({ name, cells: cells[name], headerRow });
  return {
    holdings: input('Holdings', 3),
    targets: input('Targets', 1),
    accounts: input('Accounts', 10),
    settings: input('Settings', 1),
    funds: input('Funds', 1),
    identical: input('Identical', 1),
  };
}

const ROWS: Record<string, [number, number]> = { Holdings: [3, 8], Targets: [1, 3], Accounts: [10, 12], Settings: [1, 5], Funds: [1, 4], Identical: [1, 3] };

/** A refusal the user can act on: one line, naming one of the household's tables and a row inside it. */
function expectUsable(e: unknown): void {
  if (!isInputError(e)) throw e;
  expect(e.message).not.toMatch(/[\r\n\u2028\u2029]/);
  expect(Object.keys(ROWS)).toContain(e.table);
  if (e.row !== null) {
    const [first, last] = ROWS[e.table];
    expect(e.row).toBeGreaterThanOrEqual(first);
    expect(e.row).toBeLessThanOrEqual(last);
  }
  expect(e.message.startsWith(e.table)).toBe(true);
  expect(e.message).not.toMatch(/undefined|NaN|\[object Object\]|Infinity/);
}

function expectFinite(spill: readonly (readonly unknown[])[]): void {
  for (const row of spill) for (const v of row) if (typeof v === 'number') expect(Number.isFinite(v)).toBe(true);
}

describe('junk in any cell of any table (property)', () => {
  it('ends in a one-line error naming the cell, or a sane drift and exposure', () => {
    fc.assert(
      fc.property(fc.array(editArb, { minLength: 1, maxLength: 4 }), (edits) => {
        let household;
        try {
          household = withAsOf(readHousehold(apply(edits)), null, '2026-11-21');
        } catch (e) {
          expectUsable(e);
          return;
        }
        for (const w of household.warnings) expect(w.message).not.toMatch(/[\r\n]|undefined|NaN|\[object Object\]/);
        for (const compute of [
          () => {
            const drift = computeDrift(household);
            expect(drift.rows.reduce((s, r) => s + r.value, 0)).toBe(drift.total);
            expectFinite(driftSpill(drift));
          },
          () => {
            const exposure = computeExposure(household);
            expect(exposure.rows.reduce((s, r) => s + r.total, 0)).toBe(exposure.total);
            expectFinite(exposureSpill(exposure));
          },
        ]) {
          try {
            compute();
          } catch (e) {
            expectUsable(e);
          }
        }
      }),
      { numRuns: 3000 },
    );
  });
});
