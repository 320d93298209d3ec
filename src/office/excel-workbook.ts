/**
 * The WorkbookPort over Office.js (Excel.run). Reads every table in two round trips; writes only
 * sheets and tables recorded in ownership.ts; asks the caller (through WorkbookRefusal) before
 * replacing its own earlier output.
 */
import { keyOf } from '../engine';
import type { Cell } from '../engine';
import { firstRowOf, rectangle, sheetOfAddress } from './address';
import { cellsOf, Requirements, VALUES_AS_JSON_SET } from './cell-values';
import { Ownership, OWNERSHIP_SETTING, parseOwnership, withOwned } from './ownership';
import { ColumnUpdate, NewTable, PositionsImport, sameCells, SheetContent, SheetLayout, SheetState, WorkbookPort, WorkbookRefusal, WorkbookTable } from './workbook-port';

type Batch<T> = (context: Excel.RequestContext) => Promise<T>;

/** The slice of the `Excel` namespace the adapter uses, so tests can hand in a mock. */
export interface ExcelHost {
  run<T>(batch: Batch<T>): Promise<T>;
}

type Scalar = string | number | boolean;

function toExcelCell(c: Cell): Scalar {
  if (c === null || c === undefined) return '';
  if (c instanceof Date) return c.toISOString().slice(0, 10);
  if (typeof c === 'object') return String(c);
  return c;
}

function loadOwnership(context: Excel.RequestContext): () => Ownership {
  const item = context.workbook.settings.getItemOrNullObject(OWNERSHIP_SETTING);
  item.load('value');
  return () => (item.isNullObject ? parseOwnership('') : parseOwnership(item.value));
}

function saveOwnership(context: Excel.RequestContext, o: Ownership): void {
  context.workbook.settings.add(OWNERSHIP_SETTING, JSON.stringify(o));
}

/** Excel's name for the General number format, for cells a per-cell format leaves alone. */
const GENERAL = 'General';

/** Writes a rectangle of cells at A1 of `sheet` with bold rows (the header by default) and number formats. */
function fill(sheet: Excel.Worksheet, rows: Scalar[][], content: 'values' | 'formulas', layout: SheetLayout = {}): Excel.Range {
  const width = rows[0].length;
  const range = sheet.getRangeByIndexes(0, 0, rows.length, width);
  if (content === 'formulas') range.formulas = rows;
  else range.values = rows;
  for (const r of layout.boldRows ?? [0]) sheet.getRangeByIndexes(r, 0, 1, width).format.font.bold = true;
  const cellFormats = layout.cellFormats;
  if (cellFormats) {
    range.numberFormat = rows.map((row, r) => row.map((_, c) => cellFormats[r]?.[c] ?? GENERAL));
  } else {
    (layout.numberFormats ?? []).forEach((f, col) => {
      if (f && rows.length > 1) sheet.getRangeByIndexes(1, col, rows.length - 1, 1).numberFormat = rows.slice(1).map(() => [f]);
    });
  }
  return range;
}

/**
 * Column widths: fitted to the tables, never to the notes under them (a one-line note in column A
 * would widen it to the note's length), then the given columns set to a width with their text wrapped.
 */
function fit(sheet: Excel.Worksheet, rows: number, width: number, layout: SheetLayout): void {
  const fitted = Math.max(1, Math.min(rows, layout.notesFrom ?? rows));
  sheet.getRangeByIndexes(0, 0, fitted, width).format.autofitColumns();
  for (const { column, points } of layout.columnWidths ?? []) {
    const wrapped = sheet.getRangeByIndexes(0, column, fitted, 1).format;
    wrapped.columnWidth = points;
    wrapped.wrapText = true;
  }
}

/** A host that reports no requirement set beyond what the manifest guarantees (ExcelApi 1.7). */
export const MANIFEST_SETS_ONLY: Requirements = { isSetSupported: () => false };

/**
 * `requirements` is Office.context.requirements in Excel: calls beyond the manifest's ExcelApi 1.7
 * are made only where it says the host has them.
 */
export function excelWorkbook(excel: ExcelHost, requirements: Requirements = MANIFEST_SETS_ONLY): WorkbookPort {
  const richValues = requirements.isSetSupported(VALUES_AS_JSON_SET.name, VALUES_AS_JSON_SET.version);
  const sheetState = (context: Excel.RequestContext, name: string) => {
    const sheet = context.workbook.worksheets.getItemOrNullObject(name);
    sheet.load('id');
    const owned = loadOwnership(context);
    return {
      sheet,
      owned,
      state: (): SheetState => (sheet.isNullObject ? 'missing' : owned().sheets.includes(sheet.id) ? 'ours' : 'theirs'),
    };
  };

  return {
    readTables: () =>
      excel.run(async (context) => {
        const tables = context.workbook.tables;
        tables.load('items/name,items/id,items/showTotals');
        const owned = loadOwnership(context);
        await context.sync();
        // valuesAsJson (ExcelApi 1.16) carries a Stocks cell's fields; values alone has only its text.
        const ranges = tables.items.map((t) => t.getRange().load(richValues ? 'address,values,valuesAsJson' : 'address,values'));
        await context.sync();
        const ours = owned().tables;
        return tables.items.map((t, i): WorkbookTable => {
          const cells = cellsOf(ranges[i].values, richValues ? ranges[i].valuesAsJson : null);
          return {
            name: t.name,
            id: t.id,
            sheet: sheetOfAddress(ranges[i].address),
            address: ranges[i].address,
            // getRange() includes the Total Row: a SUBTOTAL line, never a holding.
            values: t.showTotals ? cells.slice(0, -1) : cells,
            headerRow: firstRowOf(ranges[i].address),
            ours: ours.includes(t.id),
          };
        });
      }),

    sheetState: (name) =>
      excel.run(async (context) => {
        const s = sheetState(context, name);
        await context.sync();
        return s.state();
      }),

    createTable: (spec: NewTable) =>
      excel.run(async (context) => {
        const existing = sheetState(context, spec.sheet);
        await context.sync();
        if (existing.state() !== 'missing') throw new WorkbookRefusal('exists', `a sheet called ${spec.sheet} already exists, so the ${spec.table} table was not created`);
        const sheet = context.workbook.worksheets.add(spec.sheet);
        const range = fill(sheet, rectangle(spec.values.map((r) => r.map(toExcelCell)), ''), 'values', { numberFormats: spec.numberFormats });
        const table = sheet.tables.add(range, true);
        table.name = spec.table;
        range.format.autofitColumns();
        sheet.load('id');
        table.load('id');
        await context.sync();
        saveOwnership(context, withOwned(existing.owned(), sheet.id, table.id));
        await context.sync();
      }),

    writeSheet: (spec: SheetContent) =>
      excel.run(async (context) => {
        const existing = sheetState(context, spec.sheet);
        await context.sync();
        const state = existing.state();
        if (state === 'theirs') throw new WorkbookRefusal('notOurs', `${spec.sheet} is not a sheet Rebalance created, so it was left alone`);
        if (state === 'ours' && !spec.replace) throw new WorkbookRefusal('needsConfirmation', `${spec.sheet} already holds Rebalance's earlier output`);
        let sheet: Excel.Worksheet;
        if (state === 'ours') {
          sheet = existing.sheet;
          sheet.getRange().clear();
        } else {
          sheet = context.workbook.worksheets.add(spec.sheet);
          sheet.load('id');
        }
        const rows = rectangle(spec.rows.map((r) => r.map(toExcelCell)), '');
        fill(sheet, rows, spec.content, spec);
        fit(sheet, rows.length, rows[0].length, spec);
        sheet.activate();
        await context.sync();
        if (state === 'missing') {
          saveOwnership(context, withOwned(existing.owned(), sheet.id, null));
          await context.sync();
        }
      }),

    appendRow: (name, row) =>
      excel.run(async (context) => {
        const table = context.workbook.tables.getItemOrNullObject(name);
        table.load('id');
        const owned = loadOwnership(context);
        await context.sync();
        if (table.isNullObject) throw new WorkbookRefusal('missing', `there is no ${name} table`);
        if (!owned().tables.includes(table.id)) throw new WorkbookRefusal('notOurs', `${name} is not a table Rebalance created, so no row was added`);
        table.rows.add(undefined, [row.map(toExcelCell)]);
        await context.sync();
      }),

    importPositions: (change: PositionsImport) =>
      excel.run(async (context) => {
        const holdings = context.workbook.tables.getItemOrNullObject(change.holdings.table);
        holdings.load('id');
        const accounts = change.accounts ? context.workbook.tables.getItemOrNullObject(change.accounts.table) : null;
        accounts?.load('id');
        await context.sync();
        if (holdings.isNullObject) throw new WorkbookRefusal('missing', `there is no ${change.holdings.table} table`);
        if (accounts?.isNullObject) throw new WorkbookRefusal('missing', `there is no ${change.accounts!.table} table`);
        const body = holdings.getDataBodyRange().load('values');
        await context.sync();
        for (const row of change.holdings.remove) {
          if (!sameCells(body.values[row.index] ?? [], row.values)) {
            throw new WorkbookRefusal('changed', `${change.holdings.table} changed since the preview (its row ${row.index + 1} under the header); nothing was written: choose the files again`);
          }
        }
        // From the bottom up, so the indices still to delete stay where they were.
        for (const row of [...change.holdings.remove].sort((a, b) => b.index - a.index)) holdings.rows.getItemAt(row.index).delete();
        if (change.holdings.add.length > 0) holdings.rows.add(undefined, change.holdings.add.map((r) => r.map(toExcelCell)));
        if (accounts && change.accounts!.add.length > 0) accounts.rows.add(undefined, change.accounts!.add.map((r) => r.map(toExcelCell)));
        await context.sync();
      }),

    updateOwnColumn: (update: ColumnUpdate) =>
      excel.run(async (context) => {
        const table = context.workbook.tables.getItemOrNullObject(update.table);
        table.load('id');
        const owned = loadOwnership(context);
        await context.sync();
        if (table.isNullObject) throw new WorkbookRefusal('missing', `there is no ${update.table} table`);
        if (!owned().tables.includes(table.id)) throw new WorkbookRefusal('notOurs', `${update.table} is not a table Rebalance created, so its cells were left alone`);
        const header = table.getHeaderRowRange().load('values');
        const body = table.getDataBodyRange().load('values');
        await context.sync();
        const headers = (header.values[0] ?? []).map((h) => keyOf(String(h)));
        const column = headers.indexOf(keyOf(update.column));
        const keyColumn = headers.indexOf(keyOf(update.keyColumn));
        if (column < 0 || keyColumn < 0) throw new WorkbookRefusal('missing', `${update.table} has no ${column < 0 ? update.column : update.keyColumn} column; nothing was written`);
        for (const row of update.rows) {
          if (!sameCells([body.values[row.index]?.[keyColumn]], [row.key])) {
            throw new WorkbookRefusal('changed', `${update.table} changed since the pane read it (its row ${row.index + 1} under the header); nothing was written`);
          }
        }
        for (const row of update.rows) body.getCell(row.index, column).values = [[toExcelCell(row.value)]];
        await context.sync();
      }),

    selectRange: (address: string) =>
      excel.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem(sheetOfAddress(address));
        // Selecting a range on a sheet that is not active fails: show its sheet first.
        sheet.activate();
        sheet.getRange(address.slice(address.lastIndexOf('!') + 1)).select();
        await context.sync();
      }),

    onTableChanged: (onChange) =>
      excel.run(async (context) => {
        const registration = context.workbook.tables.onChanged.add(async (event) => onChange(event.tableId));
        await context.sync();
        return async () => {
          registration.remove();
          await registration.context.sync();
        };
      }),
  };
}
