/**
 * readTables over a hand-made Excel context (office-addin-mock has no collections): what the adapter
 * hands the engine for each table — its values without the Total Row, its address and header row.
 */
import { excelWorkbook, ExcelHost } from '../../src/office/excel-workbook';

interface FakeTable {
  name: string;
  id: string;
  showTotals: boolean;
  address: string;
  values: unknown[][];
}

function host(tables: FakeTable[]): ExcelHost {
  const context = {
    workbook: {
      tables: {
        items: tables.map((t) => ({ ...t, getRange: () => ({ address: t.address, values: t.values, load() { return this; } }) })),
        load() {},
      },
      settings: { getItemOrNullObject: () => ({ isNullObject: true, value: '', load() {} }) },
    },
    sync: async () => {},
  };
  return { run: (batch) => batch(context as unknown as Excel.RequestContext) };
}

describe('readTables', () => {
  it("leaves out a table's Total Row: it is a SUBTOTAL line, never a holding", async () => {
    const holdings: FakeTable = {
      name: 'Holdings',
      id: '{1}',
      showTotals: true,
      address: 'Holdings!B3:D6',
      values: [['Account', 'Ticker', 'Value'], ['Joint', 'VTI', 6000], ['IRA', 'BND', 4000], ['Total', '', 10000]],
    };
    const targets: FakeTable = { name: 'Targets', id: '{2}', showTotals: false, address: 'Targets!A1:B3', values: [['Class', 'Target'], ['VTI', 0.6], ['BND', 0.4]] };
    const [h, t] = await excelWorkbook(host([holdings, targets])).readTables();
    expect(h.values).toEqual(holdings.values.slice(0, 3));
    expect(h.headerRow).toBe(3);
    expect(h.sheet).toBe('Holdings');
    expect(t.values).toEqual(targets.values);
  });
});
