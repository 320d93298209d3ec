/**
 * What the task pane asks of the workbook, as one small port. The Excel implementation is
 * excel-workbook.ts; tests and the browser walk-through supply their own. The pane never writes a
 * cell through anything else, and this port writes only sheets and tables the add-in created.
 */
import type { Cell } from '../engine';

export interface WorkbookTable {
  /** Excel's table name ("Holdings"). */
  readonly name: string;
  /** Excel's stable table id, as change events report it. */
  readonly id: string;
  readonly sheet: string;
  /** Where it sits, e.g. "Holdings!A1:H12". */
  readonly address: string;
  /** Header row first. */
  readonly values: Cell[][];
  /** The worksheet row of the header, so messages use Excel's row numbers. */
  readonly headerRow: number;
  /** True when the add-in created it (and so may write to it). */
  readonly ours: boolean;
}

/** A sheet that does not exist yet, one the add-in created earlier, or one of the user's. */
export type SheetState = 'missing' | 'ours' | 'theirs';

export interface NewTable {
  readonly sheet: string;
  /** An Excel table name: letters, digits and underscores, no spaces. */
  readonly table: string;
  /** Header row first. */
  readonly values: Cell[][];
  /** Number format per column ("0.0%", "$#,##0.00"), null for General. */
  readonly numberFormats?: readonly (string | null)[];
}

/**
 * How a written sheet reads, so plain values read right anywhere (Excel without the add-in,
 * LibreOffice, a phone): number formats, bold rows, and column widths that fit the tables rather
 * than a note under them.
 */
export interface SheetLayout {
  /** Number format per column below the first row ("0.0%", "$#,##0.00"), null for General. */
  readonly numberFormats?: readonly (string | null)[];
  /** Number format per cell, for sheets holding several tables; null for General. Replaces numberFormats. */
  readonly cellFormats?: readonly (readonly (string | null)[])[];
  /** Rows drawn bold (titles, headers); the first row when not given. */
  readonly boldRows?: readonly number[];
  /** Rows from this index on are notes under the tables: columns are fitted to the rows above only. */
  readonly notesFrom?: number;
  /** Widths in points for columns that fitting would make too wide (a sentence per row); their text wraps. */
  readonly columnWidths?: readonly { readonly column: number; readonly points: number }[];
}

export interface SheetContent extends SheetLayout {
  readonly sheet: string;
  /** Header row first; rows may be ragged (they are padded). */
  readonly rows: Cell[][];
  /** 'values' writes plain constants; 'formulas' lets cells that start with "=" be formulas. */
  readonly content: 'values' | 'formulas';
  /** Replace the add-in's own earlier sheet of this name; the pane asks the user first. */
  readonly replace: boolean;
}

/**
 * An import the user confirmed: the imported accounts' rows of their Holdings table out, the new
 * rows in at its end; the new accounts at the end of their Accounts table.
 */
export interface PositionsImport {
  readonly holdings: {
    readonly table: string;
    /** Data rows to delete (0 is the first row under the header), each with what the preview read in it. */
    readonly remove: readonly { readonly index: number; readonly values: readonly Cell[] }[];
    readonly add: readonly Cell[][];
  };
  readonly accounts: { readonly table: string; readonly add: readonly Cell[][] } | null;
}

/**
 * New values for one column of a table the add-in created, row by row. Each row says what its key
 * cell must still hold (the account's name), so a row the user moved or renamed since is not written.
 */
export interface ColumnUpdate {
  readonly table: string;
  /** The header of the column written, as the table has it. */
  readonly column: string;
  /** The header of the column that identifies each row. */
  readonly keyColumn: string;
  /** Data rows (0 is the first row under the header). */
  readonly rows: readonly { readonly index: number; readonly key: Cell; readonly value: Cell }[];
}

export interface WorkbookPort {
  /** Every Excel table with its values. */
  readTables(): Promise<WorkbookTable[]>;
  sheetState(sheet: string): Promise<SheetState>;
  /** Creates a new sheet holding one visible table and records both as the add-in's. */
  createTable(table: NewTable): Promise<void>;
  /** Writes a sheet the add-in creates now, or replaces one it created before (when `replace`). */
  writeSheet(content: SheetContent): Promise<void>;
  /** Adds a row at the bottom of a table the add-in created. */
  appendRow(table: string, row: Cell[]): Promise<void>;
  /**
   * The one write into the user's own tables, made only after the user confirmed the import's
   * preview: deletes the given Holdings rows and adds the new ones at the table's end, adds the new
   * accounts at the end of Accounts; nothing else. Refuses ('changed'), writing nothing, when a row
   * to delete no longer holds what the preview read (the user edited Holdings meanwhile).
   */
  importPositions(change: PositionsImport): Promise<void>;
  /**
   * Writes some cells of one column in a table the add-in created; refuses ('notOurs') a user's table,
   * ('missing') a table or column that is not there, and ('changed') when a row's key no longer holds
   * what the pane read, writing nothing.
   */
  updateOwnColumn(update: ColumnUpdate): Promise<void>;
  /** Shows the user a place: activates its sheet and selects the range ("Holdings!D7"). Writes nothing. */
  selectRange(address: string): Promise<void>;
  /** Calls `onChange` with the id of a table whose cells changed; resolves to an unsubscribe. */
  onTableChanged(onChange: (tableId: string) => void): Promise<() => Promise<void>>;
}

/** The same cell as the pane read it (Excel hands back numbers, text and booleans; blanks as ""). */
export function sameCells(a: readonly Cell[], b: readonly Cell[]): boolean {
  const text = (c: Cell | undefined) => (c === null || c === undefined ? '' : c instanceof Date ? c.toISOString() : String(c));
  // A data-type cell (a Stocks cell read through valuesAsJson) is, in `values`, only its text or #VALUE!: not compared.
  const entity = (c: Cell | undefined) => typeof c === 'object' && c !== null && !(c instanceof Date);
  const width = Math.max(a.length, b.length);
  for (let i = 0; i < width; i++) if (!entity(a[i]) && !entity(b[i]) && text(a[i]) !== text(b[i])) return false;
  return true;
}

/** Refusals the pane turns into a message or a question. */
export class WorkbookRefusal extends Error {
  constructor(
    readonly reason: 'notOurs' | 'needsConfirmation' | 'exists' | 'missing' | 'changed',
    message: string,
  ) {
    super(message);
    this.name = 'WorkbookRefusal';
  }
}
