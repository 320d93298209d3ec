import fc from 'fast-check';
import {
  formatList,
  formatCents,
  formatDollarAmount,
  formatPercent,
  formatPercentUpTo,
  formatPoints,
  formatPrice,
  formatShares,
  formatWholeDollars,
  MINUS,
} from '../../src/engine/format';
import { computeDrift } from '../../src/engine/drift';
import { Cents, cents } from '../../src/engine/money';
import { parseHoldings } from '../../src/engine/holdings';
import { parseTargets } from '../../src/engine/targets';
import { household, lot, table } from '../support/builders';

const M = MINUS; // U+2212
/** Deliberately not whole cents, past the type checker: the formatters' own run-time check is under test. */
const notCents = (n: number) => n as Cents;

describe('formatCents: integer cents to the cent', () => {
  it.each([
    [0, '$0.00'],
    [-0, '$0.00'],
    [1, '$0.01'],
    [-5, `${M}$0.05`],
    [99, '$0.99'],
    [100, '$1.00'],
    [-1200, `${M}$12.00`],
    [144572, '$1,445.72'],
    [100000, '$1,000.00'],
    [99999, '$999.99'],
    [123456789, '$1,234,567.89'],
    [-123456789, `${M}$1,234,567.89`],
    [Number.MAX_SAFE_INTEGER, '$90,071,992,547,409.91'],
    [-Number.MAX_SAFE_INTEGER, `${M}$90,071,992,547,409.91`],
  ])('%d cents is %s', (n, text) => {
    expect(formatCents(cents(n))).toBe(text);
  });

  it.each([NaN, Infinity, -Infinity, 0.5, 2 ** 53])('refuses %d with an internal Error', (c) => {
    expect(() => formatCents(notCents(c))).toThrow(/^format: /);
  });

  it('reads back as the same cents after removing $ and commas and mapping − to -', () => {
    fc.assert(
      fc.property(fc.maxSafeInteger().map(cents), (c) => {
        const text = formatCents(c);
        const plain = text.replace('$', '').replace(/,/g, '').replace(M, '-');
        const [dollars, cents] = plain.split('.');
        const back = Number(dollars) * 100 + (plain.startsWith('-') ? -1 : 1) * Number(cents);
        return /^−?\$\d{1,3}(,\d{3})*\.\d\d$/.test(text) && back === (c === 0 ? 0 : c) && !text.includes('-');
      }),
      { numRuns: 5_000 },
    );
  });
});

describe('formatWholeDollars: cents to whole dollars, half away from zero', () => {
  it.each([
    [0, '$0'],
    [49, '$0'],
    [50, '$1'],
    [-49, '$0'], // no −$0
    [-50, `${M}$1`],
    [144572, '$1,446'],
    [144549, '$1,445'],
    [144550, '$1,446'],
    [-144550, `${M}$1,446`],
    [123456789012, '$1,234,567,890'],
  ])('%d cents is %s', (n, text) => {
    expect(formatWholeDollars(cents(n))).toBe(text);
  });

  it('refuses non-integers and NaN', () => {
    expect(() => formatWholeDollars(notCents(NaN))).toThrow(/^format: /);
    expect(() => formatWholeDollars(notCents(1.5))).toThrow(/^format: /);
  });
});

describe('formatDollarAmount and formatPrice: dollars as a person reads them', () => {
  it.each([
    [1445.72, '$1,445.72'],
    [1.005, '$1.01'], // half away from zero on the decimal, not float's 1.00499…
    [-1.005, `${M}$1.01`],
    [-0.004, '$0.00'],
    [0, '$0.00'],
    [64.29, '$64.29'],
    [1e12, '$1,000,000,000,000.00'],
  ])('%d dollars is %s', (dollars, text) => {
    expect(formatDollarAmount(dollars)).toBe(text);
  });

  it.each([
    [250, '$250.00'],
    [271.35, '$271.35'],
    [0.1235, '$0.1235'],
    [0.12345, '$0.1235'],
    [12.5, '$12.50'],
    [1.234, '$1.234'],
    [1234.56789, '$1,234.5679'],
    [-3.5, `${M}$3.50`],
    [-0.00001, '$0.00'],
  ])('price %d is %s', (dollars, text) => {
    expect(formatPrice(dollars)).toBe(text);
  });

  it.each([NaN, Infinity, -Infinity])('refuses %d', (x) => {
    expect(() => formatDollarAmount(x)).toThrow(/^format: /);
    expect(() => formatPrice(x)).toThrow(/^format: /);
  });
});

describe('formatPercent: a fraction as a percent', () => {
  it.each([
    [0.4508, 1, '45.1%'],
    [450750 / 1000000, 2, '45.08%'], // float's (0.45075 * 100).toFixed(2) is "45.07"
    [0.45075, 2, '45.08%'],
    [-0.45075, 2, `${M}45.08%`], // −x rounds to −(x rounded)
    [0.00049, 1, '0.0%'],
    [0.0005, 1, '0.1%'],
    [0.0015, 1, '0.2%'],
    [0.0025, 1, '0.3%'],
    [-0.0004, 1, '0.0%'], // no −0.0%
    [-0, 1, '0.0%'],
    [1, 2, '100.00%'],
    [12.345, 1, '1,234.5%'],
    [0.7, 0, '70%'],
    [1e-9, 3, '0.000%'],
    [0.1 + 0.2, 1, '30.0%'],
  ])('%d to %d decimals is %s', (x, digits, text) => {
    expect(formatPercent(x, digits)).toBe(text);
  });

  it('defaults to one decimal', () => {
    expect(formatPercent(0.1214)).toBe('12.1%');
  });

  it.each([NaN, Infinity, -Infinity])('refuses %d', (x) => {
    expect(() => formatPercent(x)).toThrow(/^format: /);
  });

  it('refuses a bad number of decimals', () => {
    expect(() => formatPercent(0.5, -1)).toThrow(/^format: /);
    expect(() => formatPercent(0.5, 1.5)).toThrow(/^format: /);
  });

  it('is symmetric: −x shows as − and the text of x', () => {
    fc.assert(
      fc.property(fc.double({ min: -10, max: 10, noNaN: true }), fc.integer({ min: 0, max: 4 }), (x, d) => {
        const pos = formatPercent(Math.abs(x), d);
        const neg = formatPercent(-Math.abs(x), d);
        return neg === pos || neg === `${M}${pos}`;
      }),
    );
  });
});

describe('formatPercentUpTo: a limit or a sum, without trailing zeros', () => {
  it.each([
    [0.1, '10%'],
    [0.125, '12.5%'],
    [1.0002, '100.02%'],
    [0.9, '90%'],
    [0.33333333, '33.3333%'],
    [0, '0%'],
    [-0.05, `${M}5%`],
    [-0.0000001, '0%'],
  ])('%d is %s', (x, text) => {
    expect(formatPercentUpTo(x)).toBe(text);
  });

  it('keeps whole numbers whole with no decimals allowed', () => {
    expect(formatPercentUpTo(0.1, 0)).toBe('10%');
    expect(formatPercentUpTo(1, 0)).toBe('100%');
  });
});

describe('formatPoints: percentage points, always signed', () => {
  it.each([
    [0.1, 1, '+10.0 pp'],
    [-0.116, 1, `${M}11.6 pp`],
    [0, 1, '0.0 pp'],
    [-0, 1, '0.0 pp'],
    [0.0004, 1, '0.0 pp'],
    [-0.0004, 1, '0.0 pp'],
    [0.0005, 1, '+0.1 pp'],
    [-0.0005, 1, `${M}0.1 pp`],
    [-0.149250000001, 2, `${M}14.93 pp`],
    [0.11, 2, '+11.00 pp'],
    [12.345, 1, '+1,234.5 pp'],
    [0.45075 - 0.4, 2, '+5.08 pp'], // float says 0.05074999…; 12 significant digits say 5.075
  ])('%d to %d decimals is %s', (x, digits, text) => {
    expect(formatPoints(x, digits)).toBe(text);
  });

  it('never shows a hyphen or a signed zero', () => {
    fc.assert(
      fc.property(fc.double({ min: -1, max: 1, noNaN: true }), (x) => {
        const text = formatPoints(x);
        return !text.includes('-') && !/^[+−]0\.0 pp$/.test(text);
      }),
    );
  });

  it.each([NaN, Infinity])('refuses %d', (x) => {
    expect(() => formatPoints(x)).toThrow(/^format: /);
  });
});

describe('formatShares: a share count', () => {
  it.each([
    [12, '12'],
    [0.5, '0.5'],
    [1234.567, '1,234.567'],
    [1200, '1,200'],
    [0, '0'],
    [-0, '0'],
    [12.3456785, '12.345679'], // half away from zero at 6 decimals
    [1 / 3, '0.333333'],
    [0.0000004, '0'],
    [-2, `${M}2`],
    [1e21, '1,000,000,000,000,000,000,000'],
  ])('%d is %s', (n, text) => {
    expect(formatShares(n)).toBe(text);
  });

  it.each([NaN, -Infinity])('refuses %d', (x) => {
    expect(() => formatShares(x)).toThrow(/^format: /);
  });
});

describe('messages that quote numbers use these forms', () => {
  it('Holdings: a Value that disagrees, a derived price and derived shares', () => {
    const { warnings } = parseHoldings(
      table('Holdings', [
        ['Ticker', 'Shares', 'Price', 'Value'],
        ['VTI', 1200, 250.5, 290000],
        ['BND', 3, null, 1000],
        ['VXUS', null, 60, 1000],
      ]),
    );
    expect(warnings.map((w) => w.message)).toEqual([
      'Holdings, row 2, column Value: Shares × Price is $300,600.00 but Value says $290,000.00; using Shares × Price',
      'Holdings, row 3, column Price: no price; using Value ÷ Shares = $333.3333',
      'Holdings, row 4, column Shares: no shares; using Value ÷ Price = 16.666667',
    ]);
  });

  it("the household's total, and a Targets sum", () => {
    expect(() => computeDrift(household({ holdings: [lot('IRA', 'VTI', 0, 1)], targets: { 'US Stocks': '100%' } }))).toThrow(
      "the household's total value is $0.00; drift needs a positive total",
    );
    expect(() => parseTargets(table('Targets', [['Class', 'Target'], ['A', 0.6], ['B', 0.4002]]))).toThrow('the targets add up to 100.02%;');
  });
});

describe('formatList', () => {
  it('lists as a sentence does', () => {
    expect([[], ['a'], ['a', 'b'], ['a', 'b', 'c']].map((x) => formatList(x))).toEqual(['', 'a', 'a and b', 'a, b and c']);
  });
});
