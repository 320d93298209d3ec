import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { asRanges, asTables, household, rebal, useTempDir, writeBook, XlValue } from './workbooks';

const { file, dir: tempFolder } = useTempDir();

/** The drift the small household must give (hand-computed: total 10,000.00). */
const EXPECTED_DRIFT = [
  { class: 'US Stocks', value: 4507.5, weight: 0.45075, target: 0.6, drift: -0.14925, band: 0.05, status: 'Under' },
  { class: 'Bonds', value: 2900, weight: 0.29, target: 0.4, drift: -0.11, band: 0.05, status: 'Under' },
  { class: 'Cash', value: 1100, weight: 0.11, target: 0, drift: 0.11, band: 0, status: 'Over' },
  { class: 'Gold', value: 1492.5, weight: 0.14925, target: null, drift: null, band: null, status: 'No target' },
];

async function json(args: string[]) {
  const run = await rebal([...args, '--json']);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout) as { asOf: string; total: number; drift: unknown[]; trades: unknown[]; exposure: unknown[]; warnings: string[] };
}

async function sheetValues(xlsx: string, sheet: string): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(xlsx);
  const ws = wb.getWorksheet(sheet);
  if (!ws) throw new Error(`no sheet ${sheet} in ${wb.worksheets.map((w) => w.name).join(', ')}`);
  const rows: unknown[][] = [];
  ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

describe('rebal reads the household from', () => {
  it('real Excel tables, and prints the JSON of PRODUCT.md', async () => {
    const input = await writeBook(file('tables.xlsx'), asTables(household()));
    const out = await json([input, '--as-of', '2026-11-21']);
    // The contract's keys, plus the one documented extension: the concentration flags (docs/decisions.md).
    expect(Object.keys(out).filter((k) => k !== 'concentration')).toEqual(['asOf', 'total', 'drift', 'trades', 'exposure', 'warnings']);
    expect(Object.keys(out)).toContain('concentration');
    expect(out.asOf).toBe('2026-11-21');
    expect(out.total).toBe(10000);
    expect(out.drift).toEqual(EXPECTED_DRIFT);
    // Trades in PRODUCT.md's shape: each amount is shares × price to the cent, sells carry their lots.
    const trades = out.trades as { account: string; ticker: string; action: string; shares: number; price: number; amount: number; estTax: number; reason: string; lots: unknown[] }[];
    expect(trades.length).toBeGreaterThan(0);
    for (const t of trades) {
      expect(Object.keys(t)).toEqual(['account', 'ticker', 'action', 'shares', 'price', 'amount', 'estTax', 'reason', 'lots']);
      expect(['BUY', 'SELL']).toContain(t.action);
      expect(Math.round(t.shares * t.price * 100)).toBe(Math.round(t.amount * 100));
      expect(t.reason).toMatch(new RegExp(`^${t.action === 'BUY' ? 'Buy' : 'Sell'} ${t.shares} ${t.ticker} in ${t.account}`));
    }
    // No Funds table: exposure is the direct holdings, largest first, adding up to the total to the cent.
    const exposure = out.exposure as { holding: string; direct: number; viaFunds: number; total: number }[];
    expect(exposure[0]).toMatchObject({ holding: 'VTI', direct: 4507.5, viaFunds: 0, total: 4507.5 });
    expect(Math.round(exposure.reduce((s, r) => s + r.total * 100, 0))).toBe(1_000_000);
    expect(out.warnings).toEqual(expect.arrayContaining([expect.stringContaining('Joint Brokerage is treated as Taxable')]));
  });

  it('plain ranges on sheets named Holdings and Targets, with the header below row 1', async () => {
    const input = await writeBook(file('ranges.xlsx'), asRanges(household(), { Holdings: { at: 'C3' }, Targets: { at: 'B5' } }));
    expect((await json([input])).drift).toEqual(EXPECTED_DRIFT);
  });

  it('plain ranges with a title above the header', async () => {
    const tables = household();
    const titled = { Holdings: [['Rivera-Chen holdings, Q3'], [], ...tables.Holdings], Targets: [['Our targets'], ...tables.Targets] };
    const input = await writeBook(file('titled.xlsx'), asRanges(titled as Record<string, XlValue[][]>, { Holdings: { at: 'B2' } }));
    expect((await json([input])).drift).toEqual(EXPECTED_DRIFT);
    tables.Holdings[2][3] = -1;
    const bad = await writeBook(file('titled-bad.xlsx'), asRanges({ Holdings: [['Title'], ...tables.Holdings], Targets: tables.Targets }));
    expect((await rebal([bad])).stderr).toBe('rebal: Holdings, row 4, column Shares: -1 is negative\n');
  });

  it('a table named Holdings on a sheet with another name, not at A1', async () => {
    const input = await writeBook(
      file('named.xlsx'),
      asTables(household(), { Holdings: { sheet: 'My Positions', at: 'B4' }, Targets: { sheet: 'Plan', at: 'D2' } }),
    );
    expect((await json([input])).drift).toEqual(EXPECTED_DRIFT);
    const tables = household();
    tables.Targets[2][1] = 'forty';
    const bad = await writeBook(file('named-bad.xlsx'), asTables(tables, { Targets: { sheet: 'Plan', at: 'D2' } }));
    expect((await rebal([bad])).stderr).toBe('rebal: Targets, row 4, column Target: "forty" is not a percentage\n');
  });

  it('headers written with synonyms, in another order, with extra columns', async () => {
    const tables = household();
    const synonyms = ['Account Name', 'Symbol', 'Asset Class', 'Quantity', 'Last Price', 'Market Value', 'Cost', 'Purchase Date'];
    const holdings = [[...synonyms.reverse(), 'Notes'], ...tables.Holdings.slice(1).map((r) => [...r.reverse(), 'note'])];
    const targets = [['Allocation', 'Sleeve'], [60, 'US Stocks'], [40, 'Bonds']];
    const input = await writeBook(file('synonyms.xlsx'), asTables({ Holdings: holdings, Targets: targets }));
    expect((await json([input])).drift).toEqual(EXPECTED_DRIFT);
  });

  it('a table with a Total Row, which is not a holding', async () => {
    const input = file('totals.xlsx');
    const wb = new ExcelJS.Workbook();
    const [header, ...rows] = household().Holdings;
    wb.addWorksheet('Holdings').addTable({
      name: 'Holdings',
      ref: 'A1',
      headerRow: true,
      totalsRow: true,
      columns: header.map((h, i) => (i === 0 ? { name: String(h), totalsRowLabel: 'Total' } : i === 5 ? { name: String(h), totalsRowFunction: 'sum' as const } : { name: String(h) })),
      rows,
    });
    wb.addWorksheet('Targets').addTable({ name: 'Targets', ref: 'A1', columns: [{ name: 'Class' }, { name: 'Target' }], rows: household().Targets.slice(1) });
    await wb.xlsx.writeFile(input);
    expect((await json([input])).drift).toEqual(EXPECTED_DRIFT);
  });

  it('formulas by their saved values; a formula saved without one is an error that says to save the file in Excel', async () => {
    const input = file('formulas.xlsx');
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('Holdings');
    sheet.addRows([
      ['Ticker', 'Class', 'Shares', 'Price', 'Value'],
      ['VTI', 'US Stocks', 10, { formula: '300+1', result: 301 }, { formula: 'C2*D2', result: 3010 }],
      ['BND', 'Bonds', { formula: '2*10', result: 20 }, 100, null],
    ]);
    wb.addWorksheet('Targets').addRows([['Class', 'Target'], ['US Stocks', 0.6], ['Bonds', 0.4]]);
    await wb.xlsx.writeFile(input);
    const out = await json([input]);
    expect(out.total).toBe(5010);
    expect(out.warnings).toEqual(expect.not.arrayContaining([expect.stringContaining('object')]));

    sheet.getCell('E3').value = { formula: 'C3*D3' } as ExcelJS.CellFormulaValue;
    await wb.xlsx.writeFile(input);
    const run = await rebal([input]);
    expect(run.stderr).toBe(
      'rebal: Holdings, row 3, column Value: the formula "=C3*D3" has no saved result (the file was written by a program, not saved by Excel); open the file in Excel, save it, and run again\n',
    );
    expect(run.code).toBe(1);
  });

  it('the Excel row of a bad cell in a plain range that starts below row 1', async () => {
    const tables = household();
    tables.Holdings[3][4] = 'n/a'; // BND's price, the 3rd data row
    const input = await writeBook(file('bad.xlsx'), asRanges(tables, { Holdings: { at: 'A6' } }));
    const run = await rebal([input]);
    expect(run.stderr).toBe('rebal: Holdings, row 9, column Price: "n/a" is not a number\n');
  });
});

describe('rebal writes', () => {
  it('a formatted Drift sheet to <name>.rebalanced.xlsx beside the input by default, and never the input', async () => {
    const input = await writeBook(file('household.xlsx'), asTables(household()));
    const before = fs.readFileSync(input);
    const mtime = fs.statSync(input).mtimeMs;
    const run = await rebal([input, '--as-of', '2026-11-21']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Drift as of 2026-11-21');
    expect(run.stdout).toMatch(/US Stocks\s+\$4,507\.50\s+45\.08%\s+60\.00%\s+−14\.93 pp\s+5\.00%\s+Under/);
    const output = file('household.rebalanced.xlsx');
    expect(run.stdout).toContain(`Wrote ${output}`);
    expect(fs.readFileSync(input).equals(before)).toBe(true);
    expect(fs.statSync(input).mtimeMs).toBe(mtime);
    const drift = await sheetValues(output, 'Drift');
    expect(drift[0]).toEqual(['Class', 'Value', 'Weight', 'Target', 'Drift', 'Band', 'Status']);
    expect(drift[1]).toEqual(['US Stocks', 4507.5, 0.45075, 0.6, expect.closeTo(-0.14925, 12), 0.05, 'Under']);
    expect(drift[drift.length - 1].slice(0, 4)).toEqual(['Total', 10000, 1, 1]);
    // the user's tables come through untouched
    expect((await sheetValues(output, 'Holdings'))[1].slice(0, 5)).toEqual(['Joint Brokerage', 'VTI', 'US Stocks', 10, 300.5]);
  });

  it('--out where asked, and refuses --out equal to the input', async () => {
    const input = await writeBook(file('in.xlsx'), asTables(household()));
    expect((await rebal([input, '--out', file('elsewhere.xlsx')])).code).toBe(0);
    expect(fs.existsSync(file('elsewhere.xlsx'))).toBe(true);
    expect(fs.existsSync(file('in.rebalanced.xlsx'))).toBe(false);
    const same = await rebal([input, '-o', path.join(tempFolder(), '.', 'in.xlsx')]);
    expect(same.code).toBe(1);
    expect(same.stderr).toMatch(/^rebal: --out must differ from the input/);
  });

  it('refuses an --out that is the input under another name (a link to it)', async () => {
    const input = await writeBook(file('in.xlsx'), asTables(household()));
    const before = fs.readFileSync(input);
    fs.symlinkSync(input, file('link.xlsx'));
    const run = await rebal([input, '--out', file('link.xlsx')]);
    expect([run.code, run.stderr]).toEqual([1, `rebal: ${file('link.xlsx')} is the input workbook itself; rebal never writes to your workbook (choose another --out)\n`]);
    expect(fs.readFileSync(input).equals(before)).toBe(true);
  });

  it('says in one line, exit 1, when it cannot write the output', async () => {
    const input = await writeBook(file('in.xlsx'), asTables(household()));
    const out = path.join(tempFolder(), 'no', 'such', 'folder', 'out.xlsx');
    const run = await rebal([input, '--out', out]);
    expect([run.code, run.stderr]).toEqual([1, `rebal: cannot write ${out}: its folder does not exist\n`]);
    fs.mkdirSync(file('taken.xlsx'));
    const folder = await rebal([input, '--out', file('taken.xlsx')]);
    expect([folder.code, folder.stderr]).toEqual([1, `rebal: cannot write ${file('taken.xlsx')}: it is a folder, not a file\n`]);
  });

  it('replaces its own Drift sheet when run again on its output', async () => {
    const input = await writeBook(file('a.xlsx'), asTables(household()));
    await rebal([input, '--out', file('b.xlsx')]);
    const second = await rebal([file('b.xlsx'), '--out', file('c.xlsx')]);
    expect(second.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file('c.xlsx'));
    expect(wb.worksheets.map((w) => w.name).filter((n) => n.startsWith('Drift'))).toEqual(['Drift']);
  });

  it('leaves a user’s own sheet named Drift alone and writes beside it', async () => {
    const input = await writeBook(file('mine.xlsx'), { ...asTables(household()), Drift: { cells: [['My notes'], ['keep me']] } });
    expect((await rebal([input])).code).toBe(0);
    expect(await sheetValues(file('mine.rebalanced.xlsx'), 'Drift')).toEqual([['My notes'], ['keep me']]);
    expect((await sheetValues(file('mine.rebalanced.xlsx'), 'Drift (2)'))[0][0]).toBe('Class');
  });
});

describe('the as-of date', () => {
  const withSettings = (asOf: XlValue) => ({ ...household(), Settings: [['Key', 'Value'], ['AsOf', asOf]] });

  it('is --as-of over the Settings’ AsOf over today', async () => {
    const input = await writeBook(file('s.xlsx'), asTables(withSettings(new Date(Date.UTC(2026, 0, 15)))));
    expect((await json([input, '--as-of', '2026-02-02'])).asOf).toBe('2026-02-02');
    expect((await json([input, '--as-of=2026-03-03', `--out=${file('inline.xlsx')}`])).asOf).toBe('2026-03-03');
    expect(fs.existsSync(file('inline.xlsx'))).toBe(true);
    expect((await json([input])).asOf).toBe('2026-01-15');
    const plain = await writeBook(file('p.xlsx'), asTables(household()));
    expect(JSON.parse((await rebal([plain, '--json'], new Date(2026, 4, 6, 9))).stdout).asOf).toBe('2026-05-06');
  });

  it.each(['2026-02-30', '02/02/2026', 'tomorrow'])('refuses --as-of %s', async (text) => {
    const input = await writeBook(file('x.xlsx'), asTables(household()));
    const run = await rebal([input, '--as-of', text]);
    expect(run.code).toBe(1);
    expect(run.stderr.split('\n')[0]).toBe(`rebal: --as-of ${text} is not a date (use YYYY-MM-DD)`);
  });
});

describe('a bad workbook gets exactly one line on stderr and exit 1', () => {
  type Case = [string, (tables: Record<string, XlValue[][]>) => void, string];
  const cases: Case[] = [
    ['no Holdings', (t) => delete t.Holdings, 'no Holdings table or sheet'],
    ['no Targets', (t) => delete t.Targets, 'no Targets table or sheet'],
    ['a Holdings header without Ticker', (t) => { t.Holdings[0][1] = 'Stock'; }, 'Holdings, row 1, column Ticker: no Ticker column'],
    ['a header row nobody recognises', (t) => { t.Targets = [['What', 'How much'], ['US Stocks', 1]]; }, 'Targets, row 1: the first row has no recognisable header'],
    ['a price that is not a number', (t) => { t.Holdings[3][4] = 'seventy'; }, 'Holdings, row 4, column Price: "seventy" is not a number'],
    ['negative shares', (t) => { t.Holdings[2][3] = -5; }, 'Holdings, row 3, column Shares: -5 is negative'],
    ['a blank ticker', (t) => { t.Holdings[4][1] = null; }, 'Holdings, row 5, column Ticker: the ticker is blank'],
    ['a bad date', (t) => { t.Holdings[1][7] = '2019-02-30'; }, 'Holdings, row 2, column Acquired: "2019-02-30" is not a date'],
    ['targets not adding to 100%', (t) => { t.Targets[2][1] = 0.3; }, 'Targets, column Target: the targets add up to 90%'],
    ['a duplicate target', (t) => { t.Targets.push(['us stocks', 0]); }, 'Targets, row 4, column Class: us stocks is listed twice (also row 2)'],
    ['a bad account type', (t) => { t.Accounts = [['Account', 'Type'], ['Joint Brokerage', 'Taxable'], ['Sam IRA', 'Pension']]; }, 'Accounts, row 3, column Type: "Pension" is not an account type'],
    ['a bad setting value', (t) => { t.Settings = [['Key', 'Value'], ['Band', 'wide']]; }, 'Settings, row 2, column Value: Band: "wide" is not a percentage'],
    ['a bad Rule', (t) => { t.Settings = [['Key', 'Value'], ['Mode', 'Full'], ['Rule', 'Often']]; }, 'Settings, row 3, column Value: Rule: "Often" is not one of Calendar, Threshold, Hybrid'],
    ['a cash row with no amount', (t) => { t.Holdings[5][5] = null; }, 'Holdings, row 6, column Value: the cash amount is blank'],
    ['Holdings with no rows', (t) => { t.Holdings = [t.Holdings[0]]; }, 'Holdings: has no rows below its header'],
    ['a blank account', (t) => { t.Holdings[2][0] = null; }, 'Holdings, row 3, column Account: the account is blank'],
    ['nothing of value', (t) => { for (const r of t.Holdings.slice(1)) { r[3] = 0; r[5] = 0; } }, 'Holdings: the household\'s total value is $0.00'],
  ];

  it.each(cases)('%s', async (_name, spoil, message) => {
    const tables = household();
    spoil(tables);
    // plain ranges, so an empty Holdings (header only) can be written too
    const input = await writeBook(file('bad.xlsx'), asRanges(tables));
    const run = await rebal([input, '--json']);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr.endsWith('\n')).toBe(true);
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain(message);
    expect(run.stderr).not.toMatch(/\bat .*\.(ts|js):\d+/);
    expect(fs.existsSync(file('bad.rebalanced.xlsx'))).toBe(false);
  });

  it('a missing file', async () => {
    const run = await rebal([file('nowhere.xlsx')]);
    expect([run.code, run.stderr]).toEqual([1, `rebal: ${file('nowhere.xlsx')}: no such file\n`]);
  });

  it('a file that is not an .xlsx', async () => {
    fs.writeFileSync(file('notes.xlsx'), 'Account,Ticker\nJoint,VTI\n');
    const run = await rebal([file('notes.xlsx')]);
    expect([run.code, run.stderr]).toEqual([1, `rebal: ${file('notes.xlsx')}: not an .xlsx workbook that can be read\n`]);
  });

  it('an empty Holdings sheet', async () => {
    const input = await writeBook(file('empty.xlsx'), { ...asTables({ Targets: household().Targets }), Holdings: { cells: [] } });
    const run = await rebal([input]);
    expect([run.code, run.stderr]).toEqual([1, 'rebal: Holdings: the range is empty (it needs a header row)\n']);
  });

  it('no workbook, or an unknown option: the line, then the usage', async () => {
    const none = await rebal([]);
    expect(none.code).toBe(1);
    expect(none.stderr).toBe('rebal: which workbook? give the path of an .xlsx file\nusage: rebal <workbook.xlsx> [--out <file.xlsx>] [--json] [--as-of YYYY-MM-DD]\n');
    expect((await rebal(['x.xlsx', '--fast'])).stderr).toMatch(/^rebal: unknown option --fast\n/);
    expect(await rebal(['--help'])).toEqual({ code: 0, stdout: expect.stringMatching(/^usage: rebal/), stderr: '' });
  });
});
