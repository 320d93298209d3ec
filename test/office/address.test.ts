import { firstRowOf, rectangle, sheetOfAddress } from '../../src/office/address';
import { parseOwnership, withOwned } from '../../src/office/ownership';

describe('Excel addresses', () => {
  it('give the sheet, unquoted, and the first row', () => {
    expect(sheetOfAddress("'Bob''s IRA'!$B$7:$H$9")).toBe("Bob's IRA");
    expect(sheetOfAddress('Holdings!A3:H20')).toBe('Holdings');
    expect(firstRowOf('Holdings!A3:H20')).toBe(3);
    expect(firstRowOf('Holdings')).toBe(1);
  });

  it('ragged rows are padded to a rectangle', () => {
    expect(rectangle<number | string>([[1], [1, 2, 3]], '')).toEqual([
      [1, '', ''],
      [1, 2, 3],
    ]);
  });
});

describe('the ownership record', () => {
  it('starts empty, ignores junk, and adds ids once', () => {
    expect(parseOwnership('')).toEqual({ sheets: [], tables: [] });
    expect(parseOwnership('{"sheets":["a",3],"tables":"x"}')).toEqual({ sheets: ['a'], tables: [] });
    expect(withOwned(withOwned({ sheets: [], tables: [] }, 's1', 't1'), 's1', null)).toEqual({ sheets: ['s1'], tables: ['t1'] });
  });
});
