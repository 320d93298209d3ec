/**
 * CSV text → rows with their line numbers, through papaparse (quotes, embedded commas and line
 * breaks, CRLF). A UTF-8 byte-order mark is dropped. A file that ends inside a quoted cell was cut
 * off, and is refused naming the line where that cell starts.
 */
import Papa from 'papaparse';
import { ImportError } from './model';

export interface CsvRow {
  /** The 1-based line the row starts on. */
  readonly line: number;
  /** The cells, trimmed; trailing empty cells (padding, a trailing comma) are dropped. */
  readonly cells: readonly string[];
  /** How many cells the line had, empty ones included: a line cut short has fewer than its header. */
  readonly width: number;
}

const BOM = '\ufeff';

export function parseCsv(file: string, text: string): CsvRow[] {
  const body = text.startsWith(BOM) ? text.slice(BOM.length) : text;
  // The line ending is told by its first occurrence (papaparse would scan the first megabyte for it).
  const newline = body.includes('\r\n') ? '\r\n' : body.includes('\n') ? '\n' : '\r';
  const parsed = Papa.parse<string[]>(body, { delimiter: ',', newline, skipEmptyLines: false });
  const rows: CsvRow[] = [];
  let line = 1;
  for (const cells of parsed.data) {
    // Trimmed in place: the parser's arrays are ours, and a 5,000-line file need not be copied.
    const width = cells.length;
    let breaks = 0;
    for (let i = 0; i < width; i++) {
      const cell = cells[i];
      if (cell.includes('\n')) breaks += cell.split('\n').length - 1;
      cells[i] = cell.trim();
    }
    let end = width;
    while (end > 0 && cells[end - 1] === '') end--;
    cells.length = end;
    rows.push({ line, cells, width });
    line += 1 + breaks;
  }
  const unclosed = parsed.errors.find((e) => e.code === 'MissingQuotes');
  if (unclosed) {
    const row = rows[unclosed.row ?? rows.length - 1];
    throw new ImportError(file, row?.line ?? null, 'the file ends inside a quoted cell that starts here; it looks cut off (download it again)');
  }
  return rows;
}

export function isBlankRow(row: CsvRow): boolean {
  return row.cells.length === 0;
}
