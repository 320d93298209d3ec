/** What a cell shows when a function fails: the user's mistake verbatim, anything else in plain words. */
import { InputError } from '../../src/engine';
import { INTERNAL_ERROR_MESSAGE, inCell } from '../../src/functions/errors';

function cellError(body: () => unknown): { code: string; message: string } {
  try {
    inCell(body);
  } catch (e) {
    return e as { code: string; message: string };
  }
  throw new Error('expected the cell to fail');
}

describe('a failing custom function', () => {
  test("the user's mistake is #VALUE! with its message naming the place", () => {
    const e = cellError(() => {
      throw new InputError({ table: 'Targets', row: 4, column: 'Buy' }, 'no price');
    });
    expect([e.code, e.message]).toEqual(['#VALUE!', 'Targets, row 4, column Buy: no price']);
  });

  test('anything else is #VALUE! in plain words, never the raw solver or JavaScript message; the detail goes to the console', () => {
    const log = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      for (const raw of [new Error('passModel failed with HiGHS status -1'), new TypeError("Cannot read properties of undefined (reading 'x')"), 'rowLower[18] must be a number']) {
        const e = cellError(() => {
          throw raw;
        });
        expect([e.code, e.message]).toEqual(['#VALUE!', INTERNAL_ERROR_MESSAGE]);
        expect(e.message).toBe('Rebalance could not finish: an internal error in the add-in (not a problem with your workbook); please report it');
        expect(log).toHaveBeenLastCalledWith('Rebalance could not finish:', raw);
      }
    } finally {
      log.mockRestore();
    }
  });
});
