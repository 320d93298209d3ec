/** One broker's positions export: how to tell it by its content, and how to read it. */
import { CsvRow } from './csv';
import { BrokerName } from './model';
import { ImportSink } from './sink';

export interface BrokerFormat {
  readonly broker: BrokerName;
  /** True when the rows are this broker's positions export (looked for by content, never by file name). */
  recognise(rows: readonly CsvRow[]): boolean;
  read(rows: readonly CsvRow[], sink: ImportSink): void;
}

/** The first row within the first `within` rows for which `test` holds, as its index; -1 when none does. */
export function findRow(rows: readonly CsvRow[], test: (row: CsvRow) => boolean, within = rows.length, from = 0): number {
  for (let i = from; i < Math.min(rows.length, from + within); i++) if (test(rows[i])) return i;
  return -1;
}

/** A data row shorter than the columns it needs was cut off: the file is refused rather than read in part. */
export function requireCells(row: CsvRow, needed: number, sink: ImportSink): void {
  if (row.width < needed && row.cells.length > 1) {
    sink.fail(row, `the row has ${row.width} cells where ${needed} are expected; the file looks cut off (download it again)`);
  }
}
