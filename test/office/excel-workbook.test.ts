/**
 * The Excel adapter against office-addin-mock, which enforces load + sync. The mock has no
 * collections, so reading every table (tables.items) is covered by the browser walk-through
 * (test/e2e); here: what the adapter writes, and what it refuses to write.
 */
jest.mock('office-addin-manifest', () => ({ OfficeApp: { Excel: 'excel', Outlook: 'outlook' } }));
import { OfficeMockObject } from 'office-addin-mock/lib/officeMockObject';
import { excelWorkbook, ExcelHost } from '../../src/office/excel-workbook';
import { OWNERSHIP_SETTING } from '../../src/office/ownership';
import { WorkbookRefusal } from '../../src/office/workbook-port';

interface Seeded {
  calls: string[];
  saved: Record<string, string>;
}

/** A workbook with sheets (name → id), a settings store holding the ownership record, and one table. */
function workbookMock(sheets: Record<string, string>, owned: { sheets: string[]; tables: string[] } | null, tableId: string | null = null) {
  const seen: Seeded = { calls: [], saved: {} };
  const range = () => ({
    values: [],
    formulas: [],
    numberFormat: [],
    format: { font: { bold: false }, columnWidth: 0, wrapText: false, autofitColumns: () => seen.calls.push('autofit') },
    clear: () => seen.calls.push('clear'),
  });
  const sheet = (id: string | null) => ({
    id: id ?? '',
    cells: range(),
    getRange(address?: string) {
      if (address === undefined) return this.cells;
      seen.calls.push(`range ${address}`);
      return { select: () => seen.calls.push(`select ${address} on ${id}`) };
    },
    getRangeByIndexes(row: number, col: number, rows: number, cols: number) {
      seen.calls.push(`range ${row},${col} ${rows}x${cols}`);
      return this.cells;
    },
    activate: () => seen.calls.push('activate'),
    tables: {
      created: { name: '', id: 'table-new' },
      add(_range: unknown, hasHeaders: boolean) {
        seen.calls.push(`table headers=${hasHeaders}`);
        return this.created;
      },
    },
  });
  const seed = {
    context: {
      workbook: {
        worksheets: {
          ...Object.fromEntries(Object.entries(sheets).map(([name, id]) => [`sheet:${name}`, sheet(id)])),
          missing: sheet(null),
          newSheet: sheet('sheet-new'),
          getItemOrNullObject(name: string) {
            const self = this as unknown as Record<string, unknown>;
            return self[`sheet:${name}`] ?? self.missing;
          },
          getItem(name: string) {
            const self = this as unknown as Record<string, unknown>;
            if (!self[`sheet:${name}`]) throw new Error(`no sheet ${name}`);
            return self[`sheet:${name}`];
          },
          add(name: string) {
            seen.calls.push(`add sheet ${name}`);
            return this.newSheet;
          },
        },
        settings: {
          item: { value: owned === null ? '' : JSON.stringify(owned) },
          getItemOrNullObject(key: string) {
            expect(key).toBe(OWNERSHIP_SETTING);
            return this.item;
          },
          add(key: string, value: string) {
            seen.saved[key] = value;
          },
        },
        tables: {
          found: {
            id: tableId ?? '',
            body: {
              values: [['Joint', 'VTI', 10], ['Roth', 'BND', 4], ['Joint', 'CASH', 5]],
              // A cell the adapter writes: recorded as it is set.
              getCell(row: number, col: number) {
                return Object.defineProperty({}, 'values', { set: (v: unknown) => seen.calls.push(`write ${row},${col} ${JSON.stringify(v)}`) });
              },
            },
            header: { values: [['Account', 'Ticker', 'Contribution']] },
            getDataBodyRange() {
              return this.body;
            },
            getHeaderRowRange() {
              return this.header;
            },
            rows: {
              add: (_at: unknown, rows: unknown[][]) => seen.calls.push(`append ${JSON.stringify(rows)}`),
              getItemAt: (i: number) => ({ delete: () => seen.calls.push(`delete ${i}`) }),
            },
          },
          getItemOrNullObject() {
            return this.found;
          },
        },
      },
    },
  };
  const mock = new OfficeMockObject(seed) as unknown as { context: Excel.RequestContext & { workbook: { worksheets: { newSheet: Excel.Worksheet } } } };
  // isNullObject is client-side in Office.js (known after any sync, never loaded), so it is set past the mock's load check.
  const nullness = (o: unknown, isNull: boolean) => Object.defineProperty(o, 'isNullObject', { value: isNull });
  const wb = mock.context.workbook as unknown as Record<string, Record<string, unknown>>;
  for (const [name, id] of Object.entries(sheets)) nullness(wb.worksheets[`sheet:${name}`], id === null);
  nullness(wb.worksheets.missing, true);
  nullness(wb.worksheets.newSheet, false);
  nullness(wb.settings.item, owned === null);
  nullness(wb.tables.found, tableId === null);
  const host: ExcelHost = { run: (batch) => batch(mock.context) };
  return { port: excelWorkbook(host), seen, mock };
}

const refusal = async (p: Promise<unknown>) => {
  const e = await p.then(() => null, (err: unknown) => err);
  expect(e).toBeInstanceOf(WorkbookRefusal);
  return e as WorkbookRefusal;
};

describe('the Excel workbook adapter', () => {
  it('tells a missing sheet, one of its own and one of the user’s apart', async () => {
    const { port } = workbookMock({ 'Trades 2026-11-21': 'sheet-1', Holdings: 'sheet-2' }, { sheets: ['sheet-1'], tables: [] });
    expect(await port.sheetState('Trades 2026-11-21')).toBe('ours');
    expect(await port.sheetState('Holdings')).toBe('theirs');
    expect(await port.sheetState('Trades 2026-11-22')).toBe('missing');
  });

  it('writes plain values to a new sheet, makes it active and records it as its own', async () => {
    const { port, seen, mock } = workbookMock({}, null);
    await port.writeSheet({ sheet: 'Trades 2026-11-21', rows: [['Account', 'Shares'], ['Joint', 12, 'extra']], content: 'values', replace: false });
    expect(seen.calls).toContain('add sheet Trades 2026-11-21');
    expect(seen.calls).toContain('range 0,0 2x3');
    expect(mock.context.workbook.worksheets.newSheet.getRange().values).toEqual([
      ['Account', 'Shares', ''],
      ['Joint', 12, 'extra'],
    ]);
    expect(seen.calls).toContain('activate');
    expect(JSON.parse(seen.saved[OWNERSHIP_SETTING])).toEqual({ sheets: ['sheet-new'], tables: [] });
  });

  it('lays out a sheet of several tables: per-cell formats, bold rows, columns fitted above the notes, a wrapped column', async () => {
    const { port, seen, mock } = workbookMock({}, null);
    await port.writeSheet({
      sheet: 'Rebalance 2026-11-21',
      rows: [['Drift'], ['Class', 'Weight'], ['Bonds', 0.4], [], ['A long note under the tables that must not widen column A']],
      content: 'values',
      cellFormats: [[], [], [null, '0.0%']],
      boldRows: [0, 1],
      notesFrom: 4,
      columnWidths: [{ column: 1, points: 90 }],
      replace: false,
    });
    const cells = mock.context.workbook.worksheets.newSheet.getRange();
    expect(cells.numberFormat).toEqual([
      ['General', 'General'],
      ['General', 'General'],
      ['General', '0.0%'],
      ['General', 'General'],
      ['General', 'General'],
    ]);
    expect(seen.calls.filter((c) => c === 'range 0,0 1x2' || c === 'range 1,0 1x2')).toEqual(['range 0,0 1x2', 'range 1,0 1x2']);
    expect(seen.calls[seen.calls.indexOf('autofit') - 1]).toBe('range 0,0 4x2');
    expect(seen.calls.slice(seen.calls.indexOf('autofit') + 1)).toContain('range 0,1 4x1');
    expect(cells.format.columnWidth).toBe(90);
    expect(cells.format.wrapText).toBe(true);
  });

  it('never writes to a sheet the user made, even one with the name it wants', async () => {
    const { port, seen } = workbookMock({ 'Trades 2026-11-21': 'user-sheet' }, { sheets: ['other'], tables: [] });
    const e = await refusal(port.writeSheet({ sheet: 'Trades 2026-11-21', rows: [['x']], content: 'values', replace: true }));
    expect(e.reason).toBe('notOurs');
    expect(seen.calls.filter((c) => c.startsWith('range') || c === 'clear')).toEqual([]);
  });

  it('asks before replacing its own earlier sheet, and clears it first when told to', async () => {
    const { port, seen } = workbookMock({ 'Trades 2026-11-21': 'sheet-1' }, { sheets: ['sheet-1'], tables: [] });
    expect((await refusal(port.writeSheet({ sheet: 'Trades 2026-11-21', rows: [['x']], content: 'values', replace: false }))).reason).toBe('needsConfirmation');
    await port.writeSheet({ sheet: 'Trades 2026-11-21', rows: [['x']], content: 'values', replace: true });
    expect(seen.calls.indexOf('clear')).toBeGreaterThanOrEqual(0);
    expect(seen.calls.indexOf('clear')).toBeLessThan(seen.calls.indexOf('range 0,0 1x1'));
  });

  it('creates a visible table on a new sheet, named, and records sheet and table as its own', async () => {
    const { port, seen, mock } = workbookMock({}, { sheets: ['old'], tables: [] });
    await port.createTable({ sheet: 'Targets', table: 'Targets', values: [['Class', 'Target'], ['Bonds', 0.4], ['US Stocks', 0.6]], numberFormats: [null, '0.0%'] });
    expect(seen.calls).toEqual(expect.arrayContaining(['add sheet Targets', 'table headers=true', 'range 1,1 2x1']));
    expect((mock.context.workbook.worksheets.newSheet.tables as unknown as { created: { name: string } }).created.name).toBe('Targets');
    expect(JSON.parse(seen.saved[OWNERSHIP_SETTING])).toEqual({ sheets: ['old', 'sheet-new'], tables: ['table-new'] });
  });

  it('will not create a table over an existing sheet of that name', async () => {
    const { port, seen } = workbookMock({ Targets: 'user-sheet' }, null);
    expect((await refusal(port.createTable({ sheet: 'Targets', table: 'Targets', values: [['Class', 'Target']] }))).reason).toBe('exists');
    expect(seen.calls).toEqual([]);
  });

  it('appends a row only to a table it created', async () => {
    const ours = workbookMock({}, { sheets: [], tables: ['log-1'] }, 'log-1');
    await ours.port.appendRow('ReviewLog', ['2026-11-21', 1000.5, null]);
    expect(ours.seen.calls).toEqual(['append [["2026-11-21",1000.5,""]]']);

    const theirs = workbookMock({}, { sheets: [], tables: ['log-1'] }, 'user-table');
    expect((await refusal(theirs.port.appendRow('ReviewLog', ['x']))).reason).toBe('notOurs');
    expect(theirs.seen.calls).toEqual([]);

    const none = workbookMock({}, null, null);
    expect((await refusal(none.port.appendRow('ReviewLog', ['x']))).reason).toBe('missing');
  });

  it('imports positions into the user’s Holdings: checks each row it deletes against the preview, deletes bottom-up, then adds', async () => {
    const { port, seen } = workbookMock({}, null, 'user-holdings');
    const remove = [
      { index: 0, values: ['Joint', 'VTI', 10] },
      { index: 2, values: ['Joint', 'CASH', 5] },
    ];
    await port.importPositions({ holdings: { table: 'Holdings', remove, add: [['Joint', 'VTI', 12, null]] }, accounts: null });
    expect(seen.calls).toEqual(['delete 2', 'delete 0', 'append [["Joint","VTI",12,""]]']);
  });

  it('writes nothing when a row to delete no longer holds what the preview read', async () => {
    const { port, seen } = workbookMock({}, null, 'user-holdings');
    const e = await refusal(port.importPositions({ holdings: { table: 'Holdings', remove: [{ index: 1, values: ['Roth', 'BND', 5] }], add: [['Joint', 'VTI', 12]] }, accounts: null }));
    expect(e.reason).toBe('changed');
    expect(e.message).toBe('Holdings changed since the preview (its row 2 under the header); nothing was written: choose the files again');
    expect(seen.calls).toEqual([]);
  });

  it('does not compare a Stocks cell (read through valuesAsJson) with what Range.values says of it', async () => {
    const { port, seen } = workbookMock({}, null, 'user-holdings');
    const stock = { type: 'LinkedEntity', text: 'Vanguard Total Bond', properties: {} };
    await port.importPositions({ holdings: { table: 'Holdings', remove: [{ index: 1, values: ['Roth', 'BND', stock] }], add: [] }, accounts: null });
    expect(seen.calls).toEqual(['delete 1']);
  });

  it('writes the given cells of one column of its own table, each row checked to still hold its key', async () => {
    const { port, seen } = workbookMock({}, { sheets: [], tables: ['acct-1'] }, 'acct-1');
    await port.updateOwnColumn({ table: 'Accounts', column: 'contribution', keyColumn: 'Account', rows: [{ index: 1, key: 'Roth', value: 1000 }, { index: 2, key: 'Joint', value: null }] });
    expect(seen.calls).toEqual(['write 1,2 [[1000]]', 'write 2,2 [[""]]']);
  });

  it('writes no cell of a user’s table, of a row whose key changed, or of a column that is not there', async () => {
    const theirs = workbookMock({}, { sheets: [], tables: ['acct-1'] }, 'user-accounts');
    expect((await refusal(theirs.port.updateOwnColumn({ table: 'Accounts', column: 'Contribution', keyColumn: 'Account', rows: [{ index: 0, key: 'Joint', value: 5 }] }))).reason).toBe('notOurs');
    expect(theirs.seen.calls).toEqual([]);

    const moved = workbookMock({}, { sheets: [], tables: ['acct-1'] }, 'acct-1');
    const rows = [{ index: 0, key: 'Joint', value: 5 }, { index: 1, key: 'Joint', value: 6 }];
    const e = await refusal(moved.port.updateOwnColumn({ table: 'Accounts', column: 'Contribution', keyColumn: 'Account', rows }));
    expect(e.reason).toBe('changed');
    expect(e.message).toBe('Accounts changed since the pane read it (its row 2 under the header); nothing was written');
    expect(moved.seen.calls).toEqual([]);

    const noColumn = workbookMock({}, { sheets: [], tables: ['acct-1'] }, 'acct-1');
    expect((await refusal(noColumn.port.updateOwnColumn({ table: 'Accounts', column: 'Reserve', keyColumn: 'Account', rows: [{ index: 0, key: 'Joint', value: 5 }] }))).reason).toBe('missing');
    expect(noColumn.seen.calls).toEqual([]);
  });

  it('goes to a cell: activates its sheet, then selects the range there', async () => {
    const { port, seen } = workbookMock({ "Bob's IRA": 'sheet-7' }, null);
    await port.selectRange("'Bob''s IRA'!D7");
    expect(seen.calls).toEqual(['activate', 'range D7', "select D7 on sheet-7"]);
  });
});
