import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { asRanges, asTables, household, rebal, useTempDir, writeBook } from './workbooks';

const { file } = useTempDir();
const BROKERS = path.join(__dirname, '..', 'fixtures', 'brokers');
const fixture = (name: string) => path.join(BROKERS, name);
const EXAMPLE = path.join(__dirname, '..', '..', 'examples', 'public-household.xlsx');

async function tableRows(xlsx: string, sheet: string): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(xlsx);
  const rows: unknown[][] = [];
  wb.getWorksheet(sheet)!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

describe('rebal import', () => {
  it('--json prints PRODUCT.md’s shape: accounts, holdings (cash with only its value), skipped, warnings', async () => {
    const run = await rebal(['import', fixture('fidelity-2025-12.csv'), '--json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(Object.keys(out)).toEqual(['accounts', 'holdings', 'skipped', 'warnings']);
    expect(out.accounts).toEqual([{ account: 'ROLLOVER IRA …3456', number: '244123456', broker: 'Fidelity' }]);
    expect(out.holdings).toEqual([
      { account: 'ROLLOVER IRA …3456', ticker: 'CASH', value: 310.55 },
      { account: 'ROLLOVER IRA …3456', ticker: 'FXNAX', shares: 1200.456, price: 10.51, value: 12616.79, costBasis: 13000, acquired: null },
      { account: 'ROLLOVER IRA …3456', ticker: '31617E745', shares: 500, price: 25.86, value: 12930, costBasis: 10000, acquired: null },
    ]);
    expect(out.skipped).toEqual([{ file: fixture('fidelity-2025-12.csv'), line: 5, why: 'pending activity ($75.00) is not a holding' }]);
    expect(out.warnings).toEqual([]);
  });

  it('without --into or --json prints a table per file, then what was not imported and why', async () => {
    const run = await rebal(['import', fixture('schwab-2026.csv')]);
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n').slice(0, 7)).toEqual([
      `${fixture('schwab-2026.csv')}: Schwab, Individual …678`,
      '',
      'Account          Ticker  Shares  Price      Value  Cost basis  Acquired',
      '---------------  ------  ------  -----  ---------  ----------  --------',
      'Individual …678  VXUS       100   67.8  $6,780.00   $5,500.00',
      'Individual …678  BND        135  72.97  $9,850.95  $10,125.00',
      'Individual …678  CASH                     $240.05',
    ]);
    expect(run.stdout).toContain(`- ${fixture('schwab-2026.csv')}, line 7: "Positions Total" is a total, not a holding`);
  });

  it('a bad file is one line on stderr naming the file and line, exit 1, and nothing is written', async () => {
    const input = await writeBook(file('book.xlsx'), asTables(household()));
    const run = await rebal(['import', fixture('schwab-2026.csv'), fixture('bad/cut-row.csv'), '--into', input]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(`rebal: ${fixture('bad/cut-row.csv')}, line 3: the row has 6 cells where 14 are expected; the file looks cut off (download it again)\n`);
    expect(fs.existsSync(file('book.imported.xlsx'))).toBe(false);
  });

  it('usage mistakes: no files, --out without --into, --out the same as --into', async () => {
    expect((await rebal(['import'])).stderr).toMatch(/^rebal: which files\? .*\nusage: rebal import /);
    expect((await rebal(['import', 'a.csv', '--out', 'x.xlsx'])).stderr).toMatch(/^rebal: --out needs --into/);
    expect((await rebal(['import', 'a.csv', '--into', 'x.xlsx', '--out', 'x.xlsx'])).stderr).toMatch(/^rebal: --out must differ from --into/);
    expect((await rebal(['import', file('missing.csv')])).stderr).toBe(`rebal: ${file('missing.csv')}: no such file\n`);
    expect((await rebal(['--help'])).stdout.split('\n')[1]).toBe('       rebal import <positions.csv...> [--into <workbook.xlsx>] [--out <file.xlsx>] [--json]');
  });

  it('round trip: import into the example household, and rebal’s drift is the drift the imported positions imply', async () => {
    const input = file('household.xlsx');
    fs.copyFileSync(EXAMPLE, input);
    const before = fs.readFileSync(input);
    const run = await rebal(['import', fixture('roundtrip-joint.csv'), fixture('fidelity-2025-12.csv'), '--into', input]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(fs.readFileSync(input).equals(before)).toBe(true); // never the input
    const out = file('household.imported.xlsx');
    expect(run.stdout).toContain(`- Joint Brokerage (${fixture('roundtrip-joint.csv')}) → Joint Brokerage, matched by name`);
    expect(run.stdout).toContain(`ROLLOVER IRA …3456 (${fixture('fidelity-2025-12.csv')}) → ROLLOVER IRA …3456 (new account)`);
    expect(run.stdout).toContain('- Accounts has no Number column: add one (the broker account numbers, or their last 4 digits) so that the next import matches each account by number');
    expect(run.stdout).toContain('- FXNAX is new to the workbook and no other account holds it, so its Class is left blank');
    expect(run.stdout).toContain(`Wrote ${out}`);

    // Holdings: Sam IRA's and Alex Roth's rows untouched, Joint Brokerage's replaced, the new account added.
    const holdings = await tableRows(out, 'Holdings');
    expect(holdings.map((r) => r.slice(0, 6))).toEqual([
      ['Account', 'Ticker', 'Shares', 'Price', 'Value', 'Class'],
      ['Sam IRA', 'SCHZ', 400, 23.2, undefined, 'Bonds'],
      ['Sam IRA', 'SCHB', 150, 25.4, undefined, 'US Stocks'],
      ['Alex Roth', 'SCHF', 120, 22.1, undefined, 'Intl Stocks'],
      ['Alex Roth', 'CASH', undefined, undefined, 350],
      ['Joint Brokerage', 'SCHB', 300, 26.1, undefined, 'US Stocks'],
      ['Joint Brokerage', 'SCHB', 250, 26.1, undefined, 'US Stocks'],
      ['Joint Brokerage', 'SCHZ', 100, 23.5, undefined, 'Bonds'],
      ['Joint Brokerage', 'CASH', undefined, undefined, 1234.56, 'Cash'],
      ['ROLLOVER IRA …3456', 'CASH', undefined, undefined, 310.55, 'Cash'],
      ['ROLLOVER IRA …3456', 'FXNAX', 1200.456, 10.51],
      ['ROLLOVER IRA …3456', '31617E745', 500, 25.86],
    ]);
    expect(holdings[5].slice(6)).toEqual([4800, new Date('2017-05-15T00:00:00Z')]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    expect((book.getWorksheet('Holdings')!.getTable('Holdings') as unknown as { table: { tableRef: string } }).table.tableRef).toBe('A1:H12');
    const accounts = await tableRows(out, 'Accounts');
    expect(accounts[accounts.length - 1].slice(0, 2)).toEqual(['ROLLOVER IRA …3456', 'Traditional']);

    // The drift the imported positions imply, by hand: US 3,810 (Sam) + 7,830 + 6,525 (Joint) = 18,165;
    // Intl 2,652 (Alex); Bonds 9,280 (Sam) + 2,350 (Joint) = 11,630; Cash 350 + 1,234.56 + 310.55 = 1,895.11;
    // untargeted FXNAX 12,616.79 and 31617E745 12,930. Total 59,888.90.
    const drift = await rebal([out, '--json', '--out', file('drift.xlsx')]);
    expect(drift.code).toBe(0);
    const report = JSON.parse(drift.stdout) as { total: number; drift: { class: string; value: number; weight: number }[] };
    expect(report.total).toBe(59888.9);
    expect(report.drift.map((d) => [d.class, d.value])).toEqual([
      ['US Stocks', 18165],
      ['Intl Stocks', 2652],
      ['Bonds', 11630],
      ['Cash', 1895.11],
      ['FXNAX', 12616.79],
      ['31617E745', 12930],
    ]);
    for (const d of report.drift) expect(d.weight).toBeCloseTo(d.value / 59888.9, 6);
  });
});

describe('rebal import into tables the user shaped', () => {
  const holdings = household().Holdings;
  const schwab = fixture('schwab-2026.csv');

  async function withTotalsRow(file: string, below: boolean): Promise<string> {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Holdings');
    sheet.addTable({
      name: 'Holdings',
      ref: 'A1',
      totalsRow: true,
      columns: (holdings[0] as string[]).map((name) => ({ name, totalsRowFunction: name === 'Value' ? 'sum' : 'none' })),
      rows: holdings.slice(1),
    });
    if (below) sheet.getCell('C9').value = 'checked 2026-11-01';
    workbook.addWorksheet('Targets').addRows([['Class', 'Target'], ['US Stocks', 0.6], ['Bonds', 0.4]]);
    await workbook.xlsx.writeFile(file);
    return file;
  }

  it('a table with a Total Row grows by the new account’s rows; the Total Row moves down with it', async () => {
    const input = await withTotalsRow(file('totals.xlsx'), false);
    const run = await rebal(['import', schwab, '--into', input]);
    expect(run.stderr).toBe('');
    const rows = await tableRows(file('totals.imported.xlsx'), 'Holdings');
    // 5 rows kept, 3 added, then the Total Row with its SUBTOTAL.
    expect(rows.map((r) => r.slice(0, 2))).toEqual([
      ['Account', 'Ticker'],
      ...holdings.slice(1).map((r) => r.slice(0, 2)),
      ['Individual …678', 'VXUS'],
      ['Individual …678', 'BND'],
      ['Individual …678', 'CASH'],
      ['Total', undefined],
    ]);
    expect(rows[9][5]).toMatchObject({ formula: 'SUBTOTAL(109,Holdings[Value])' });
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file('totals.imported.xlsx'));
    expect((book.getWorksheet('Holdings')!.getTable('Holdings') as unknown as { table: { tableRef: string } }).table.tableRef).toBe('A1:H10');
  });

  it('refuses to grow a table over the user’s cells below it, and writes nothing', async () => {
    const input = await withTotalsRow(file('below.xlsx'), true);
    const run = await rebal(['import', schwab, '--into', input]);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('rebal: the Holdings table needs 3 more rows, but Holdings has data below it at row 9; move it so the table can grow\n');
    expect(fs.existsSync(file('below.imported.xlsx'))).toBe(false);
  });

  it('Holdings as a plain range (no Excel table): the rows are replaced in place', async () => {
    const input = await writeBook(file('plain.xlsx'), asRanges(household()));
    const run = await rebal(['import', fixture('generic-lots.csv'), '--into', input]);
    expect(run.stderr).toBe('');
    const rows = await tableRows(file('plain.imported.xlsx'), 'Holdings');
    expect(rows.slice(-3).map((r) => r.slice(0, 5))).toEqual([
      ['Kids 529', 'VTI', 'US Stocks', 12, 250],
      ['Kids 529', 'VTI', 'US Stocks', 3, 250],
      ['Kids 529', 'CASH', 'Cash', undefined, undefined],
    ]);
    expect(rows).toHaveLength(1 + 5 + 3);
  });
});
