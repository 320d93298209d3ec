/**
 * readTables over a hand-made Excel context (office-addin-mock has no collections): what the adapter
 * hands the engine for each table — its values without the Total Row, its address and header row.
 */
import { readHousehold } from '../../src/engine';
import { cellsOf, entityOf } from '../../src/office/cell-values';
import { excelWorkbook, ExcelHost } from '../../src/office/excel-workbook';

interface FakeTable {
  name: string;
  id: string;
  showTotals: boolean;
  address: string;
  values: unknown[][];
  valuesAsJson?: unknown[][];
}

/** What each range was asked to load, to see which calls the adapter makes. */
const loaded: string[] = [];

function host(tables: FakeTable[]): ExcelHost {
  loaded.length = 0;
  const context = {
    workbook: {
      tables: {
        items: tables.map((t) => ({
          ...t,
          getRange: () => ({
            address: t.address,
            values: t.values,
            get valuesAsJson() {
              if (!t.valuesAsJson) throw new Error('valuesAsJson was not loaded');
              return t.valuesAsJson;
            },
            load(what: string) {
              loaded.push(what);
              return this;
            },
          }),
        })),
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

/** A Stocks cell as Excel's valuesAsJson gives it (ExcelApi 1.16), and what Range.values says of it. */
const appleJson = {
  type: 'LinkedEntity',
  text: 'Apple Inc.',
  basicType: 'Error',
  basicValue: '#VALUE!',
  id: { entityId: 'x', domainId: 'stocks', serviceId: 1, culture: 'en-US' },
  properties: { Price: { type: 'FormattedNumber', basicValue: 271.35, numberFormat: '$#,##0.00' } },
};
const stocks: FakeTable = {
  name: 'Holdings',
  id: '{1}',
  showTotals: false,
  address: 'Holdings!A1:D2',
  values: [['Ticker', 'Stock', 'Shares', 'Price'], ['AAPL', '#VALUE!', 10, '#VALUE!']],
  valuesAsJson: [
    [{ type: 'String', basicValue: 'Ticker' }, { type: 'String', basicValue: 'Stock' }, { type: 'String', basicValue: 'Shares' }, { type: 'String', basicValue: 'Price' }],
    [{ type: 'String', basicValue: 'AAPL' }, appleJson, { type: 'Double', basicValue: 10 }, appleJson],
  ],
};

describe('Stocks data-type cells', () => {
  it('reads valuesAsJson where the host has ExcelApi 1.16, so the engine gets the Price field', async () => {
    const asked: string[] = [];
    const port = excelWorkbook(host([stocks]), { isSetSupported: (name, version) => (asked.push(`${name} ${version}`), true) });
    const [h] = await port.readTables();
    expect(asked).toEqual(['ExcelApi 1.16']);
    expect(loaded).toEqual(['address,values,valuesAsJson']);
    expect(h.values[1][0]).toBe('AAPL');
    expect(h.values[1][3]).toEqual({ type: 'LinkedEntity', text: 'Apple Inc.', properties: appleJson.properties });
    const household = readHousehold({ holdings: { name: 'Holdings', cells: h.values }, targets: { name: 'Targets', cells: [['Ticker', 'Target'], ['AAPL', 1]] } });
    expect(household.holdings[0]).toMatchObject({ ticker: 'AAPL', price: 271.35, value: 271350 });
  });

  it('does not ask an older host for valuesAsJson; a Stocks cell then reads as the error its basic value is', async () => {
    const [h] = await excelWorkbook(host([stocks]), { isSetSupported: () => false }).readTables();
    expect(loaded).toEqual(['address,values']);
    expect(() => readHousehold({ holdings: { name: 'Holdings', cells: h.values }, targets: { name: 'Targets', cells: [['Ticker', 'Target'], ['AAPL', 1]] } })).toThrow(
      /^Holdings, row 2, column Price: the cell holds the error #VALUE!/,
    );
  });

  it('takes only entities from valuesAsJson and every other cell from values', () => {
    expect(entityOf({ type: 'Double', basicValue: 3 })).toBeNull();
    expect(entityOf({ type: 'Entity', text: 'Gold' })).toEqual({ type: 'Entity', text: 'Gold', properties: {} });
    expect(entityOf(null)).toBeNull();
    expect(cellsOf([[1, 'a', '#N/A']], [[{ type: 'Double', basicValue: 99 }, { type: 'String', basicValue: 'zzz' }, { type: 'Error', errorType: 'NotAvailable' }]])).toEqual([[1, 'a', '#N/A']]);
    expect(cellsOf([[1]], null)).toEqual([[1]]);
  });
});
