import { columnLetters, firstColumnOf, quoteSheet } from '../../src/office/address';
import type { WorkbookTable } from '../../src/office/workbook-port';
import { placeAddress, tableRangeAddress } from '../../src/taskpane/cell-place';
import { viewHousehold } from '../../src/taskpane/household-view';
import { HOLDINGS, TARGETS } from '../support/memory-workbook';

/** A table as Excel reads it: its header at `topLeft` on `sheet`. */
function table(name: string, sheet: string, topLeft: string, values: WorkbookTable['values']): WorkbookTable {
  const row = Number(/\d+/.exec(topLeft)![0]);
  return { name, id: name, sheet, address: `${quoteSheet(sheet)}!${topLeft}:Z${row + values.length - 1}`, values, headerRow: row, ours: false };
}

describe('Excel column letters and sheet names in addresses', () => {
  it('count columns as Excel does', () => {
    expect([0, 25, 26, 701, 702].map(columnLetters)).toEqual(['A', 'Z', 'AA', 'ZZ', 'AAA']);
    expect(['Holdings!A1:H9', "'My Sheet'!$AB$3:$AC$9", 'Holdings'].map(firstColumnOf)).toEqual([0, 27, 0]);
  });

  it('quote a sheet name unless it is plain and cannot be read as a cell', () => {
    expect(['Holdings', 'My Positions', "Bob's IRA", 'A1', 'R1C1', '2026'].map(quoteSheet)).toEqual(['Holdings', "'My Positions'", "'Bob''s IRA'", "'A1'", "'R1C1'", "'2026'"]);
  });
});

describe('the range Go to cell selects', () => {
  const positions = table('Positions', 'My Positions', 'C4', HOLDINGS);

  it('is the cell, the row, the column or the table the place names, where the table sits', () => {
    expect(tableRangeAddress(positions, 5, 3)).toBe("'My Positions'!F5");
    expect(tableRangeAddress(positions, 5, -1)).toBe("'My Positions'!C5:I5");
    expect(tableRangeAddress(positions, null, 0)).toBe("'My Positions'!C4:C6");
    expect(tableRangeAddress(positions, null, -1)).toBe("'My Positions'!C4:I6");
  });

  it('is nothing for a row outside the table', () => {
    expect(tableRangeAddress(positions, 3, 0)).toBeNull();
    expect(tableRangeAddress(positions, 7, 0)).toBeNull();
  });

  it('finds the role’s table under the name the user gave it, and the column by its header; a table that is not there has no place', () => {
    const view = viewHousehold([positions, table('Targets', 'Targets', 'A1', TARGETS)], 'Positions', '2026-11-21');
    expect(placeAddress(view, { table: 'Holdings', row: 6, column: 'price' })).toBe("'My Positions'!G6");
    // A missing column is named by the header the engine expected: its row is selected.
    expect(placeAddress(view, { table: 'Holdings', row: 4, column: 'Value' })).toBe("'My Positions'!C4:I4");
    expect(placeAddress(view, { table: 'Targets', row: null, column: null })).toBe('Targets!A1:B3');
    expect(placeAddress(view, { table: 'Accounts', row: 2, column: 'Type' })).toBeNull();
  });
});
