/**
 * Reading workbooks as users keep them (issue 8, the command line's part): several tables on a sheet,
 * stray notes far from the data, tables that reach the last row, error values, and paths that are
 * not regular files. Every workbook is a real .xlsx written with ExcelJS into a temporary folder.
 */
import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { readHousehold } from '../../src/engine';
import { WorkbookTables } from '../../src/cli/workbook-tables';
import { asRanges, asTables, household, rebal, SheetSpec, useTempDir, writeBook } from './workbooks';

const { file } = useTempDir();

// Most tests run the whole command in-process, HiGHS included.
jest.setTimeout(30_000);

interface Json {
  total: number;
  drift: { class: string; value: number; status: string }[];
  warnings: string[];
}

async function json(input: string, out = file('out.xlsx')): Promise<Json> {
  const run = await rebal([input, '--json', '--out', out]);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout) as Json;
}

async function load(xlsx: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(xlsx);
  return workbook;
}

/** Row objects ExcelJS holds for the sheet, empty ones included (what `getRow` would have added). */
function rowObjects(sheet: ExcelJS.Worksheet): number {
  return sheet.getSheetValues().filter(() => true).length;
}

/** Cells the sheet would write, empty ones included (what `getCell` would have added). */
function cellObjects(sheet: ExcelJS.Worksheet): number {
  let count = 0;
  sheet.eachRow((row) => {
    count += row.model?.cells?.length ?? 0;
  });
  return count;
}

/** The small household's drift, by class (total 10,000.00). */
const DRIFT = ['US Stocks 4507.5 Under', 'Bonds 2900 Under', 'Cash 1100 Over', 'Gold 1492.5 No target'];
const driftLines = (out: Json) => out.drift.map((d) => `${d.class} ${d.value} ${d.status}`);

/** Reads the household in-process from a saved workbook and returns the Holdings sheet before and after. */
async function readInProcess(xlsx: string) {
  const workbook = await load(xlsx);
  const sheet = workbook.getWorksheet('Holdings')!;
  const before = { rows: rowObjects(sheet), cells: cellObjects(sheet), rowCount: sheet.rowCount, dimensions: sheet.dimensions.range };
  const tables = new WorkbookTables(workbook);
  const h = readHousehold({ holdings: tables.find('Holdings')!, targets: tables.find('Targets') });
  const after = { rows: rowObjects(sheet), cells: cellObjects(sheet), rowCount: sheet.rowCount, dimensions: sheet.dimensions.range };
  return { holdings: h.holdings.length, before, after };
}

describe('one table per name', () => {
  const kids = [
    ['Account', 'Ticker', 'Shares', 'Price'],
    ['Kid 529', 'VTI', 3, 300.5],
    ['Kid 529', 'BND', 2, 72.5],
  ];

  it('reads the table named Holdings from a sheet with several, and warns about the one it does not read', async () => {
    const t = household();
    const input = await writeBook(file('several.xlsx'), {
      Holdings: { cells: t.Holdings, table: 'Holdings' },
      Kids: { cells: kids, table: 'Kids', sheet: 'Holdings', at: 'K1' },
      // read as Targets, so not named in the warning
      Targets: { cells: t.Targets, table: 'Targets', sheet: 'Holdings', at: 'P1' },
      // data outside any table is never read
      Below: { cells: [['Joint Brokerage', 'VTI', 'US Stocks', 1000, 300.5]], sheet: 'Holdings', at: 'A12' },
    });
    const out = await json(input);
    expect(out.total).toBe(10000);
    expect(driftLines(out)).toEqual(DRIFT);
    const warning =
      'Holdings: the sheet Holdings also holds the table Kids (K1:N3), which is not read: only the table named Holdings is; move its rows into Holdings to count them';
    expect(out.warnings).toContain(warning);
    expect(out.warnings.filter((w) => w.includes('not read'))).toHaveLength(1);
    const text = await rebal([input, '--out', file('text.xlsx')]);
    expect(text.stdout).toContain(`\n- ${warning}\n`);
  });

  it('names several unread tables in one warning', async () => {
    const t = household();
    const input = await writeBook(file('three.xlsx'), {
      Kids: { cells: kids, table: 'Kids', sheet: 'Positions' },
      Holdings: { cells: t.Holdings, table: 'Holdings', sheet: 'Positions', at: 'F1' },
      Old: { cells: kids, table: 'Old2019', sheet: 'Positions', at: 'P1' },
      Targets: { cells: t.Targets, table: 'Targets' },
    });
    expect((await json(input)).warnings).toContain(
      'Holdings: the sheet Positions also holds the tables Kids (A1:D3), Old2019 (P1:S3), which are not read: only the table named Holdings is; move their rows into Holdings to count them',
    );
  });

  it('refuses a Holdings sheet with several tables none of which is named Holdings, naming them', async () => {
    const t = household();
    const input = await writeBook(file('unnamed.xlsx'), {
      Kids: { cells: kids, table: 'Kids', sheet: 'Holdings' },
      Table3: { cells: t.Holdings, table: 'Table3', sheet: 'Holdings', at: 'F1' },
      Targets: { cells: t.Targets, table: 'Targets' },
    });
    const run = await rebal([input]);
    expect([run.code, run.stdout, run.stderr]).toEqual([
      1,
      '',
      'rebal: the sheet Holdings has 2 tables (Kids at A1:D3, Table3 at F1:M6) and none is named Holdings; name the one to read "Holdings" (Table Design > Table Name)\n',
    ]);
  });

  it('reads the one table of a sheet, whatever its name, and nothing around it', async () => {
    const t = household();
    const input = await writeBook(file('one.xlsx'), {
      Holdings: { cells: t.Holdings, table: 'Table1', at: 'B2' },
      Right: { cells: [['Account', 'Ticker', 'Shares'], ['Kid 529', 'VTI', 40]], sheet: 'Holdings', at: 'L2' },
      Targets: { cells: t.Targets },
    });
    const out = await json(input);
    expect(driftLines(out)).toEqual(DRIFT);
    expect(out.warnings.filter((w) => w.includes('not read'))).toEqual([]);
  });
});

describe('cost proportional to the data, not the sheet', () => {
  const stray = (at: string): Record<string, SheetSpec> => ({
    ...asRanges(household()),
    Note: { cells: [['checked with the broker, March']], sheet: 'Holdings', at },
  });

  // The header and five holdings, and the note's row when it has one of its own.
  it.each([
    ['Z300000', 7],
    ['XFD1048576', 7],
    ['XFD1', 6],
    ['XFD4', 6],
  ])('a note at %s beside a plain range: the same drift, and no rows added to the sheet', async (at, rows) => {
    const input = await writeBook(file('stray.xlsx'), stray(at));
    const out = await json(input);
    expect(driftLines(out)).toEqual(DRIFT);
    const { holdings, before, after } = await readInProcess(input);
    expect(holdings).toBe(5);
    expect(before.rows).toBe(rows);
    // reading must not create the rows (or cells) in between
    expect(after).toEqual(before);
  });

  it('writes an --out no larger than the same workbook without the note', async () => {
    const plain = await writeBook(file('plain.xlsx'), asRanges(household()));
    await json(plain, file('plain.out.xlsx'));
    const noted = await writeBook(file('noted.xlsx'), stray('XFD1048576'));
    await json(noted, file('noted.out.xlsx'));
    const [small, withNote] = [fs.statSync(file('plain.out.xlsx')).size, fs.statSync(file('noted.out.xlsx')).size];
    expect(withNote).toBeLessThan(small + 1024);
    const sheet = (await load(file('noted.out.xlsx'))).getWorksheet('Holdings')!;
    expect(rowObjects(sheet)).toBe(7);
    expect(sheet.getCell('XFD1048576').value).toBe('checked with the broker, March');
  });

  /** The household's Holdings as an Excel table whose ref reaches the last row (a whole-column table). */
  async function wholeColumnTable(xlsx: string, spoil?: (rows: ExcelJS.CellValue[][]) => void): Promise<string> {
    const [header, ...rows] = household().Holdings;
    spoil?.(rows);
    const workbook = new ExcelJS.Workbook();
    const table = workbook.addWorksheet('Holdings').addTable({ name: 'Holdings', ref: 'A1', columns: header.map((h) => ({ name: String(h) })), rows });
    (table as unknown as { table: { tableRef: string } }).table.tableRef = 'A1:H1048576';
    workbook.addWorksheet('Targets').addRows(household().Targets);
    await workbook.xlsx.writeFile(xlsx);
    const back = await load(xlsx);
    const tables = (back.getWorksheet('Holdings') as unknown as { tables: Record<string, { table: { tableRef: string } }> }).tables;
    expect(tables.Holdings.table.tableRef).toBe('A1:H1048576');
    return xlsx;
  }

  it('a table whose ref reaches row 1,048,576 reads its data rows, with their Excel row numbers', async () => {
    const input = await wholeColumnTable(file('whole.xlsx'));
    expect(driftLines(await json(input))).toEqual(DRIFT);
    const { holdings, before, after } = await readInProcess(input);
    expect(holdings).toBe(5);
    expect(after).toEqual(before);
    const bad = await wholeColumnTable(file('whole-bad.xlsx'), (rows) => {
      rows[3][3] = -2; // GLD's shares, row 5
    });
    const run = await rebal([bad]);
    expect([run.code, run.stderr]).toEqual([1, 'rebal: Holdings, row 5, column Shares: -2 is negative\n']);
  });

  it('skips blank rows inside a table but keeps the Excel row of every data row', async () => {
    const t = household();
    t.Holdings.splice(3, 0, [null, null, null, null, null, null, null, null], [null, null, null, null, null, null, null, null]);
    t.Holdings[6][4] = 'n/a'; // BND's price, now on row 7
    const input = await writeBook(file('gaps.xlsx'), asTables(t));
    const run = await rebal([input]);
    expect([run.code, run.stderr]).toEqual([1, 'rebal: Holdings, row 7, column Price: "n/a" is not a number\n']);
  });
});

describe('error values and unsaved formulas in cells', () => {
  type Case = [string, string, ExcelJS.CellValue, string];
  const cases: Case[] = [
    ['#REF! in Ticker', 'B3', { error: '#REF!' } as ExcelJS.CellErrorValue, 'rebal: Holdings, row 3, column Ticker: the cell holds the error #REF!; fix the cell (or the formula it comes from) first\n'],
    ['#N/A in Class', 'C4', { error: '#N/A' } as ExcelJS.CellErrorValue, 'rebal: Holdings, row 4, column Class: the cell holds the error #N/A; fix the cell (or the formula it comes from) first\n'],
    ['#DIV/0! in Price, a formula whose saved result is the error', 'E2', { formula: 'F2/0', result: { error: '#DIV/0!' } } as ExcelJS.CellFormulaValue, 'rebal: Holdings, row 2, column Price: the cell holds the error #DIV/0!; fix the cell (or the formula it comes from) first\n'],
  ];

  it.each(cases)('%s', async (_name, address, value, message) => {
    const input = file('errors.xlsx');
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Holdings');
    sheet.addRows(household().Holdings);
    sheet.getCell(address).value = value;
    workbook.addWorksheet('Targets').addRows(household().Targets);
    await workbook.xlsx.writeFile(input);
    // ExcelJS writes the error value and reads it back as written.
    expect((await load(input)).getWorksheet('Holdings')!.getCell(address).value).toEqual(value);
    const run = await rebal([input]);
    expect([run.code, run.stdout, run.stderr]).toEqual([1, '', message]);
  });
});

describe('paths that are not a regular workbook file: one line, exit 1, at once', () => {
  let input: string;
  beforeEach(async () => {
    input = await writeBook(file('in.xlsx'), asTables(household()));
  });

  it('a folder, a device, a symbolic link that loops, a missing file', async () => {
    fs.mkdirSync(file('folder.xlsx'));
    fs.symlinkSync(file('loop.xlsx'), file('loop.xlsx'));
    const cases: [string, string][] = [
      [file('folder.xlsx'), `${file('folder.xlsx')}: a folder, not an .xlsx workbook`],
      ['/dev/zero', '/dev/zero: a device, not an .xlsx workbook'],
      ['/dev/null', '/dev/null: a device, not an .xlsx workbook'],
      [file('loop.xlsx'), `${file('loop.xlsx')}: a symbolic link that loops`],
      [file('gone.xlsx'), `${file('gone.xlsx')}: no such file`],
      [path.join(input, 'x.xlsx'), `${path.join(input, 'x.xlsx')}: no such file (a part of the path is a file, not a folder)`],
    ];
    for (const [name, message] of cases) expect(await rebal([name, '--out', file('out.xlsx')])).toEqual({ code: 1, stdout: '', stderr: `rebal: ${message}\n` });
    expect(fs.existsSync(file('out.xlsx'))).toBe(false);
  });

  it('--out that is a folder, a device or a loop, said before any work', async () => {
    fs.mkdirSync(file('folder.xlsx'));
    fs.symlinkSync(file('loop.xlsx'), file('loop.xlsx'));
    const cases: [string, string][] = [
      [file('folder.xlsx'), 'it is a folder, not a file'],
      ['/dev/null', 'it is a device, not a file'],
      [file('loop.xlsx'), 'it is a symbolic link that loops'],
    ];
    for (const [out, why] of cases) expect(await rebal([input, '--out', out])).toEqual({ code: 1, stdout: '', stderr: `rebal: cannot write ${out}: ${why}\n` });
  });

  it('a name with a line break is shown on one line', async () => {
    const name = file('two\nlines.xlsx');
    expect((await rebal([name])).stderr).toBe(`rebal: ${file('two⏎lines.xlsx')}: no such file\n`);
    fs.mkdirSync(name);
    expect((await rebal([name, '--out', file('o.xlsx')])).stderr).toBe(`rebal: ${file('two⏎lines.xlsx')}: a folder, not an .xlsx workbook\n`);
    expect((await rebal([input, '--out', name])).stderr).toBe(`rebal: cannot write ${file('two⏎lines.xlsx')}: it is a folder, not a file\n`);
    const usage = await rebal([name, input]);
    expect(usage.stderr.split('\n')[0]).toBe(`rebal: one workbook at a time (got ${file('two⏎lines.xlsx')} and ${input})`);
  });

  it('an internal error is one line too', async () => {
    const spy = jest.spyOn(WorkbookTables.prototype, 'warnings').mockImplementation(() => {
      throw new Error('first line\nsecond line');
    });
    try {
      expect(await rebal([input, '--out', file('o.xlsx')])).toEqual({
        code: 2,
        stdout: '',
        stderr: 'rebal: internal error (not a problem with your workbook); please report it, with the details REBAL_DEBUG=1 prints\n',
      });
    } finally {
      spy.mockRestore();
    }
  });
});
