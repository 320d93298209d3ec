import * as path from 'path';
import { defaultOutput, parseArgs, UsageError } from '../../src/cli/args';

describe('the command line’s arguments', () => {
  it('defaults --out to <name>.rebalanced.xlsx beside the input', () => {
    expect(defaultOutput(path.join('data', 'Our Money.xlsx'))).toBe(path.join('data', 'Our Money.rebalanced.xlsx'));
    expect(parseArgs(['h.xlsx'])).toEqual({ input: 'h.xlsx', out: 'h.rebalanced.xlsx', json: false, asOf: null });
  });

  it('takes flags in any order, spaced or with =', () => {
    expect(parseArgs(['--json', '--as-of', '2026-11-21', 'h.xlsx', '-o', 'x.xlsx'])).toEqual({ input: 'h.xlsx', out: 'x.xlsx', json: true, asOf: '2026-11-21' });
    expect(parseArgs(['h.xlsx', '--out=y.xlsx', '--as-of=2024-02-29'])).toMatchObject({ out: 'y.xlsx', asOf: '2024-02-29' });
  });

  it.each([
    [['h.xlsx', '--out'], '--out needs a value'],
    [['h.xlsx', '--out', '--json'], '--out needs a value'],
    [['h.xlsx', '--as-of', '--json'], '--as-of needs a value'],
    [['h.xlsx', '--out='], '--out needs a value'],
    [['a.xlsx', 'b.xlsx'], 'one workbook at a time (got a.xlsx and b.xlsx)'],
    [['h.xlsx', '--as-of', '2026-1-5'], '--as-of 2026-1-5 is not a date (use YYYY-MM-DD)'],
  ])('refuses %j', (argv, message) => {
    expect(() => parseArgs(argv)).toThrow(new UsageError(message));
  });
});
