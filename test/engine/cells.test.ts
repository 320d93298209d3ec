import { isBlankOrZero, percentToFraction, readBoolean, readDate, readNumber, readPercent, readPercentParts, readPrice, readText } from '../../src/engine/cells';
import { addMonths, daysBetween, excelSerialToIso, isoToExcelSerial, parseIsoDate } from '../../src/engine/dates';
import type { EntityCell } from '../../src/engine';

const value = <T>(p: { ok: true; value: T | null } | { ok: false; problem: string }) => {
  if (!p.ok) throw new Error(`expected a value, got the problem: ${p.problem}`);
  return p.value;
};
const problem = (p: { ok: boolean; problem?: string }) => (p.ok ? null : p.problem);

/** A Stocks cell as valuesAsJson gives it: a linked entity whose own basic value is #VALUE!. */
const apple: EntityCell = {
  type: 'LinkedEntity',
  text: 'Apple Inc.',
  basicType: 'Error',
  basicValue: '#VALUE!',
  properties: { Price: { type: 'FormattedNumber', basicValue: 271.35, numberFormat: '$#,##0.00' } },
};

describe('Excel date serials (1900 system)', () => {
  it.each([
    [1, '1900-01-01'],
    [59, '1900-02-28'],
    [61, '1900-03-01'],
    [25569, '1970-01-01'],
    [36526, '2000-01-01'],
    [45292, '2024-01-01'],
    [46346, '2026-11-20'],
    [2958465, '9999-12-31'],
  ])('serial %d is %s', (serial, iso) => {
    expect(excelSerialToIso(serial)).toBe(iso);
    expect(isoToExcelSerial(iso)).toBe(serial);
  });

  it('drops the time of day of a serial', () => {
    expect(excelSerialToIso(45292.75)).toBe('2024-01-01');
  });

  it('reads the fictitious 1900-02-29 (serial 60) as the next real day', () => {
    // Excel shows serial 60 as 29-Feb-1900, a day that never existed; the engine reads it as the next real day.
    expect(excelSerialToIso(60)).toBe('1900-03-01');
  });

  it('refuses serials outside Excel’s range', () => {
    expect(excelSerialToIso(0)).toBeNull();
    expect(excelSerialToIso(-5)).toBeNull();
    expect(excelSerialToIso(2958466)).toBeNull();
    expect(excelSerialToIso(Number.NaN)).toBeNull();
  });

  it('reads every serial of 2024 as the day its ISO round trip gives back', () => {
    for (let s = 45292; s < 45292 + 366; s++) expect(isoToExcelSerial(excelSerialToIso(s)!)).toBe(s);
    expect(excelSerialToIso(45292 + 59)).toBe('2024-02-29'); // 2024 is a leap year
  });
});

describe('ISO dates', () => {
  it('accepts real calendar dates, optionally with a time', () => {
    expect(parseIsoDate('2024-02-29')).toBe('2024-02-29');
    expect(parseIsoDate(' 2024-03-05T10:00:00Z ')).toBe('2024-03-05');
    expect(parseIsoDate('2024-03-05 10:00')).toBe('2024-03-05');
  });
  it.each(['2023-02-29', '2024-13-01', '2024-00-10', '2024-04-31', '03/05/2024', 'soon', ''])('refuses %j', (text) => {
    expect(parseIsoDate(text)).toBeNull();
  });
  it('adds months clamped to the month end and counts days', () => {
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2023-11-30', 3)).toBe('2024-02-29');
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
  });
});

describe('readDate', () => {
  it('reads a serial, an ISO string and a JS Date (as ExcelJS stores it, midnight UTC)', () => {
    expect(value(readDate(45292))).toBe('2024-01-01');
    expect(value(readDate('2024-01-01'))).toBe('2024-01-01');
    expect(value(readDate(new Date(Date.UTC(2024, 0, 1))))).toBe('2024-01-01');
  });
  it.each([null, undefined, '', '   ', 0])('treats %j as blank', (cell) => {
    expect(value(readDate(cell))).toBeNull();
  });
  it('says what is wrong with a non-date', () => {
    expect(problem(readDate('next Tuesday'))).toMatch(/"next Tuesday" is not a date/);
    expect(problem(readDate(new Date(Number.NaN)))).toMatch(/invalid/);
    expect(problem(readDate(true))).toMatch(/not a date/);
    expect(problem(readDate(-3))).toMatch(/not a date/);
  });
});

describe('readNumber', () => {
  it.each([
    [1234.5, 1234.5],
    ['1234.5', 1234.5],
    ['1,234.50', 1234.5],
    ['$1,234.50', 1234.5],
    [' $ 1,234.50 ', 1234.5],
    ['-$5.25', -5.25],
    ['(12)', -12],
    ['($1,000.00)', -1000],
    ['\u22123', -3],
    ['.5', 0.5],
  ])('reads %j as %d', (cell, n) => {
    expect(value(readNumber(cell))).toBe(n);
  });
  it.each([null, undefined, '', '  '])('treats %j as blank', (cell) => {
    expect(value(readNumber(cell))).toBeNull();
  });
  it.each(['12abc', '1,23', '60%', '$', '.', true, Number.POSITIVE_INFINITY, new Date(0)])('refuses %j', (cell) => {
    expect(problem(readNumber(cell))).toMatch(/not a number/);
  });
});

describe('percent forms', () => {
  it('reads fractions, percent strings and percent numbers for a band or rate', () => {
    expect(value(readPercent(0.05))).toBe(0.05);
    expect(value(readPercent('5%'))).toBeCloseTo(0.05, 15);
    expect(value(readPercent(5))).toBe(0.05);
    expect(value(readPercent('2.5 %'))).toBeCloseTo(0.025, 15);
    expect(value(readPercent(''))).toBeNull();
  });
  it('keeps whether a weight carried a % sign, so the column sum can decide the scale', () => {
    expect(value(readPercentParts('60%'))).toEqual({ amount: 0.6, percentSign: true });
    expect(value(readPercentParts(60))).toEqual({ amount: 60, percentSign: false });
    expect(value(readPercentParts(0.6))).toEqual({ amount: 0.6, percentSign: false });
  });
  it('refuses a percentage that is not one', () => {
    expect(problem(readPercent('lots%'))).toMatch(/not a percentage/);
    expect(problem(readPercent('high'))).toMatch(/not a percentage/);
  });
});

describe('readBoolean', () => {
  it.each([
    [true, true],
    [false, false],
    ['TRUE', true],
    ['yes', true],
    ['Y', true],
    [1, true],
    ['No', false],
    ['n', false],
    [0, false],
    ['false', false],
  ])('reads %j as %s', (cell, b) => {
    expect(value(readBoolean(cell))).toBe(b);
  });
  it('treats a blank as unset and refuses other words', () => {
    expect(value(readBoolean(null))).toBeNull();
    expect(problem(readBoolean('maybe'))).toMatch(/"maybe" is not TRUE\/FALSE/);
  });
});

describe('text and Stocks data-type cells', () => {
  it('trims text, and counts null, "" and 0 as blank', () => {
    expect(value(readText('  VTI '))).toBe('VTI');
    for (const blank of [null, undefined, '', ' ', 0]) {
      expect(value(readText(blank))).toBeNull();
      expect(isBlankOrZero(blank)).toBe(true);
    }
  });
  it('reads the documented Price field of a Stocks cell in a price column', () => {
    expect(value(readPrice(apple))).toBe(271.35);
    expect(value(readPrice({ type: 'Entity', text: 'Gold', properties: { price: { type: 'Double', basicValue: 1900 } } }))).toBe(1900);
  });
  it('refuses a data-type cell in a text column: its text is a name, not a ticker', () => {
    expect(problem(readText(apple))).toBe('the data-type value "Apple Inc." is not plain text; type it as text (a Stocks cell can stay in a column of its own)');
    expect(problem(readText({ type: 'Entity', text: 'Gold', properties: {} }))).toMatch(/^the data-type value "Gold" is not plain text/);
  });
  it('refuses an entity without a Price in a price column', () => {
    expect(problem(readPrice({ type: 'Entity', text: 'Apple Inc.', properties: {} }))).toBe('the data-type value "Apple Inc." has no Price');
    expect(problem(readPrice({ type: 'Entity', properties: {} }))).toBe('a data-type value with no text has no Price');
  });
  it('reads a plain number or "$" text as a price', () => {
    expect(value(readPrice('$271.35'))).toBe(271.35);
    expect(value(readPrice(271.35))).toBe(271.35);
  });
});

describe('percent numbers as fractions', () => {
  it('gives the double nearest the exact decimal for every percent typed to two decimals', () => {
    for (let i = 0; i <= 10000; i++) {
      const typed = i / 100; // 0.00 … 100.00, as a user types it
      const exact = Number(`${i / 10000}`);
      expect(percentToFraction(typed)).toBe(exact);
    }
  });

  it('reads "0.07%", 7 and "7%" without float residue', () => {
    expect(value(readPercent('0.07%'))).toBe(0.0007);
    expect(value(readPercent(7))).toBe(0.07);
    expect(value(readPercentParts('0.13%'))).toEqual({ amount: 0.0013, percentSign: true });
  });
});
