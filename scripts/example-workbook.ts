/**
 * Writes a household workbook from readable JSON data: each table on its own sheet as a real Excel
 * table, dates as Excel dates, money and percent formats — what a careful user's own workbook looks
 * like. Used by `npm run examples`, the demo and the tests.
 */
import ExcelJS from 'exceljs';

export type Row = Record<string, string | number | boolean | null | undefined>;

export interface TableData {
  readonly name: string;
  readonly columns: readonly string[];
  readonly rows: readonly Row[];
  /** Column header → Excel number format. */
  readonly formats?: Readonly<Record<string, string>>;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function cellValue(v: Row[string]): ExcelJS.CellValue {
  if (v === undefined || v === null) return null;
  if (typeof v === 'string' && ISO_DATE.test(v)) return new Date(`${v}T00:00:00Z`);
  return v;
}

export function addTableSheet(workbook: ExcelJS.Workbook, table: TableData): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(table.name);
  const keys = table.columns.map((c) => c.replace(/[^A-Za-z0-9]/g, '').replace(/^./, (ch) => ch.toLowerCase()));
  sheet.addTable({
    name: table.name,
    ref: 'A1',
    headerRow: true,
    style: { theme: 'TableStyleMedium2', showRowStripes: true },
    columns: table.columns.map((name) => ({ name, filterButton: true })),
    rows: table.rows.map((row) => keys.map((k, i) => cellValue(row[k] ?? row[table.columns[i]]))),
  });
  table.columns.forEach((name, i) => {
    const column = sheet.getColumn(i + 1);
    column.width = Math.max(12, name.length + 4);
    const format = table.formats?.[name];
    if (format) column.numFmt = format;
  });
  return sheet;
}

export async function writeWorkbook(file: string, tables: readonly TableData[]): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Rebalance in Excel examples';
  for (const t of tables) addTableSheet(workbook, t);
  await workbook.xlsx.writeFile(file);
}
