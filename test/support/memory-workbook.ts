/**
 * An in-memory WorkbookPort with the Excel adapter's rules (writes only what it created, asks
 * before replacing its own sheet), for testing the pane without Office.
 */
import { keyOf } from '../../src/engine';
import type { Cell } from '../../src/engine';
import { ColumnUpdate, NewTable, PositionsImport, sameCells, SheetContent, SheetLayout, SheetState, WorkbookPort, WorkbookRefusal, WorkbookTable } from '../../src/office/workbook-port';

interface MemoryTable {
  name: string;
  id: string;
  sheet: string;
  values: Cell[][];
  ours: boolean;
}

export class MemoryWorkbook implements WorkbookPort {
  readonly tables: MemoryTable[] = [];
  readonly sheets = new Map<string, { ours: boolean; rows: Cell[][]; content: 'values' | 'formulas'; layout?: SheetLayout }>();
  /** The ranges the pane selected, in order (Go to cell). */
  readonly selected: string[] = [];
  private listeners: ((id: string) => void)[] = [];
  private nextId = 1;

  /** A user's table on a sheet of its own name. */
  withUserTable(name: string, values: Cell[][], sheet = name): this {
    this.tables.push({ name, id: `t${this.nextId++}`, sheet, values, ours: false });
    this.sheets.set(sheet, { ours: false, rows: values, content: 'values' });
    return this;
  }

  /** A table the add-in created earlier (Setup), on a sheet of its own name. */
  withOwnTable(name: string, values: Cell[][], sheet = name): this {
    this.tables.push({ name, id: `t${this.nextId++}`, sheet, values, ours: true });
    this.sheets.set(sheet, { ours: true, rows: values, content: 'values' });
    return this;
  }

  /** A user's sheet with no table on it. */
  withUserSheet(sheet: string, rows: Cell[][]): this {
    this.sheets.set(sheet, { ours: false, rows, content: 'values' });
    return this;
  }

  table(name: string): MemoryTable | undefined {
    return this.tables.find((t) => t.name === name);
  }

  /** What the user does in Excel: change a table's cells, which fires the change event. */
  edit(name: string, values: Cell[][]): void {
    const t = this.table(name)!;
    t.values = values;
    this.listeners.forEach((l) => l(t.id));
  }

  async readTables(): Promise<WorkbookTable[]> {
    return this.tables.map((t) => ({ name: t.name, id: t.id, sheet: t.sheet, address: `${t.sheet}!A1:H${t.values.length}`, values: t.values, headerRow: 1, ours: t.ours }));
  }

  async sheetState(sheet: string): Promise<SheetState> {
    const s = this.sheets.get(sheet);
    return !s ? 'missing' : s.ours ? 'ours' : 'theirs';
  }

  async createTable(spec: NewTable): Promise<void> {
    if (this.sheets.has(spec.sheet)) throw new WorkbookRefusal('exists', `a sheet called ${spec.sheet} already exists`);
    this.sheets.set(spec.sheet, { ours: true, rows: spec.values, content: 'values' });
    this.tables.push({ name: spec.table, id: `t${this.nextId++}`, sheet: spec.sheet, values: spec.values.map((r) => [...r]), ours: true });
  }

  async writeSheet(spec: SheetContent): Promise<void> {
    const state = await this.sheetState(spec.sheet);
    if (state === 'theirs') throw new WorkbookRefusal('notOurs', `${spec.sheet} is the user's`);
    if (state === 'ours' && !spec.replace) throw new WorkbookRefusal('needsConfirmation', `${spec.sheet} exists`);
    this.sheets.set(spec.sheet, { ours: true, rows: spec.rows, content: spec.content, layout: spec });
  }

  async appendRow(name: string, row: Cell[]): Promise<void> {
    const t = this.table(name);
    if (!t) throw new WorkbookRefusal('missing', `there is no ${name} table`);
    if (!t.ours) throw new WorkbookRefusal('notOurs', `${name} is the user's`);
    t.values.push(row);
  }

  async importPositions(change: PositionsImport): Promise<void> {
    const holdings = this.table(change.holdings.table);
    if (!holdings) throw new WorkbookRefusal('missing', `there is no ${change.holdings.table} table`);
    const accounts = change.accounts ? this.table(change.accounts.table) : null;
    if (accounts === undefined) throw new WorkbookRefusal('missing', `there is no ${change.accounts!.table} table`);
    for (const row of change.holdings.remove) {
      if (!sameCells(holdings.values[row.index + 1] ?? [], row.values)) throw new WorkbookRefusal('changed', `${holdings.name} changed since the preview`);
    }
    const removed = new Set(change.holdings.remove.map((r) => r.index + 1));
    holdings.values = [...holdings.values.filter((_, i) => !removed.has(i)), ...change.holdings.add.map((r) => [...r])];
    if (accounts && change.accounts) accounts.values = [...accounts.values, ...change.accounts.add.map((r) => [...r])];
    this.listeners.forEach((l) => l(holdings.id));
  }

  async updateOwnColumn(update: ColumnUpdate): Promise<void> {
    const t = this.table(update.table);
    if (!t) throw new WorkbookRefusal('missing', `there is no ${update.table} table`);
    if (!t.ours) throw new WorkbookRefusal('notOurs', `${update.table} is the user's`);
    const headers = t.values[0].map((h) => keyOf(String(h)));
    const column = headers.indexOf(keyOf(update.column));
    const keyColumn = headers.indexOf(keyOf(update.keyColumn));
    if (column < 0 || keyColumn < 0) throw new WorkbookRefusal('missing', `${update.table} has no such column`);
    if (update.rows.some((r) => !sameCells([t.values[r.index + 1]?.[keyColumn]], [r.key]))) throw new WorkbookRefusal('changed', `${update.table} changed`);
    for (const r of update.rows) t.values[r.index + 1][column] = r.value;
    this.listeners.forEach((l) => l(t.id));
  }

  async selectRange(address: string): Promise<void> {
    this.selected.push(address);
  }

  async onTableChanged(onChange: (id: string) => void): Promise<() => Promise<void>> {
    this.listeners.push(onChange);
    return async () => {
      this.listeners = this.listeners.filter((l) => l !== onChange);
    };
  }
}

export const HOLDINGS: Cell[][] = [
  ['Account', 'Ticker', 'Class', 'Shares', 'Price', 'Cost Basis', 'Acquired'],
  ['Joint Taxable', 'VTI', 'US Stocks', 28, 250, 4000, '2019-03-04'],
  ['Roth IRA', 'BND', 'Bonds', 40, 75, null, null],
];

export const TARGETS: Cell[][] = [
  ['Class', 'Target'],
  ['US Stocks', 0.6],
  ['Bonds', 0.4],
];

export const SETTINGS: Cell[][] = [
  ['Key', 'Value'],
  ['Rule', 'Threshold'],
  ['AsOf', '2026-11-21'],
];
