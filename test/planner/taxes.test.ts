/** Holding periods and the wash-sale window, day by day around their edges. */
import { boughtWithinWashWindow, termOf, washGroupOf } from '../../src/engine/planner/taxes';

describe('short-term or long-term on AsOf', () => {
  test.each([
    ['2025-11-21', '2026-11-21', 'ST'], // exactly one year: held one year or less
    ['2025-11-20', '2026-11-21', 'LT'],
    ['2024-02-29', '2025-02-28', 'ST'], // the anniversary of a leap day is Feb 28
    ['2024-02-29', '2025-03-01', 'LT'],
    ['2026-11-21', '2026-11-21', 'ST'],
  ])('bought %s, AsOf %s → %s', (acquired, asOf, term) => {
    expect(termOf(acquired, asOf)).toBe(term);
  });

  test('a lot without a date is short-term', () => {
    expect(termOf(null, '2026-11-21')).toBe('ST');
  });
});

describe('the 30 days before AsOf', () => {
  test.each([
    ['2026-10-22', true], // 30 days before
    ['2026-10-21', false],
    ['2026-11-21', true],
    ['2026-11-22', false], // after AsOf: not a purchase before it
  ])('bought %s → %s', (acquired, within) => {
    expect(boughtWithinWashWindow(acquired, '2026-11-21')).toBe(within);
  });

  test('identical tickers share a group; others are alone', () => {
    const identical = new Map([['VTI', 'us'], ['ITOT', 'us']]);
    expect(washGroupOf('VTI', identical)).toBe(washGroupOf('ITOT', identical));
    expect(washGroupOf('VOO', identical)).not.toBe(washGroupOf('VTI', identical));
  });
});
