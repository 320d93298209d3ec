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
  /** Calls `onChange` with the id of a table whose cells changed; resolves to an unsubscribe. */
  onTableChanged(onChange: (tableId: string) => void): Promise<() => Promise<void>>;
}

/** Refusals the pane turns into a message or a question. */
export class WorkbookRefusal extends Error {
  constructor(
    readonly reason: 'notOurs' | 'needsConfirmation' | 'exists' | 'missing',
    message: string,
  ) {
    super(message);
    this.name = 'WorkbookRefusal';
  }
}
