/**
 * Every case of the catalogue (cases.ts, docs/hostile-workbooks.md) through the command line on a
 * real .xlsx written with ExcelJS, and through the REBAL functions typed in HyperFormula: the same
 * one-line error naming the cell, or the same right answer.
 */
import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { DetailedCellError } from 'hyperformula';
import { rebal, tempDir } from '../cli/workbooks';
import { formulaWorkbook, loadFormulaSolver } from '../support/hyperformula-host';
import { CaseTables, CaseValue, CASES, HostileCase, XlError } from './cases';

let dir: string;
beforeAll(() => {
  dir = tempDir();
  return loadFormulaSolver('2026-11-21');
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Each table as a plain range on a sheet of its name; an XlError as the error value Excel saves. */
async function writeCase(c: HostileCase): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(c.tables)) {
    const sheet = workbook.addWorksheet(name);
    rows.forEach((cells, r) =>
      cells.forEach((v, col) => {
        if (v === null) return;
        sheet.getCell(r + 1, col + 1).value = v instanceof XlError ? ({ error: v.code } as ExcelJS.CellErrorValue) : v;
      }),
    );
  }
  const file = path.join(dir, `${c.id}.xlsx`);
  await workbook.xlsx.writeFile(file);
  return file;
}

const lastColumn = (rows: CaseValue[][]) => String.fromCharCode(64 + Math.max(...rows.map((r) => r.length)));
const ref = (tables: CaseTables, name: string) => (tables[name] ? `${name}!A1:${lastColumn(tables[name])}${tables[name].length}` : '');

function formulaOf(c: HostileCase): string {
  const t = c.tables;
  switch (c.formula) {
    case 'DRIFT':
      return `=REBAL.DRIFT(${ref(t, 'Holdings')}, ${ref(t, 'Targets')}, ${ref(t, 'Settings')})`;
    case 'EXPOSURE':
      return `=REBAL.EXPOSURE(${ref(t, 'Holdings')}, ${ref(t, 'Funds')})`;
    default:
      return `=REBAL.TRADES(${ref(t, 'Holdings')}, ${ref(t, 'Targets')}, ${ref(t, 'Accounts')}, ${ref(t, 'Settings')})`;
  }
}

describe.each(CASES.map((c) => [c.id, c] as const))('%s', (_id, c) => {
  it('on the command line, from a real .xlsx', async () => {
    const input = await writeCase(c);
    const run = await rebal([input, '--json', '--out', path.join(dir, `${c.id}.out.xlsx`), ...(c.asOf ? ['--as-of', c.asOf] : [])]);
    if ('error' in c.expect) {
      expect(run.stderr).toBe(`rebal: ${c.expect.error}\n`);
      expect(run.code).toBe(1);
      return;
    }
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout) as { total: number; warnings: string[] };
    expect(out.total).toBe(c.expect.total);
    if (c.expect.warning) expect(out.warnings).toEqual(expect.arrayContaining([expect.stringContaining(c.expect.warning)]));
  });

  if (c.formula === null) return;
  it(`through REBAL.${c.formula} in a formula engine`, () => {
    const sheets: Record<string, unknown[][]> = {};
    for (const [name, rows] of Object.entries(c.tables)) sheets[name] = rows.map((r) => r.map((v) => (v instanceof XlError ? v.code : v instanceof Date ? v.toISOString().slice(0, 10) : v)));
    sheets.Out = [[formulaOf(c)]];
    const hf = formulaWorkbook(sheets);
    const cell = hf.getCellValue({ sheet: hf.getSheetId('Out')!, row: 0, col: 0 });
    if ('error' in c.expect) {
      expect(cell).toBeInstanceOf(DetailedCellError);
      expect((cell as DetailedCellError).message).toBe(c.expect.error);
      return;
    }
    expect(cell).not.toBeInstanceOf(DetailedCellError);
    const spill = hf.getSheetValues(hf.getSheetId('Out')!);
    for (const row of spill) for (const v of row) if (typeof v === 'number') expect(Number.isFinite(v)).toBe(true);
    if (c.formula === 'DRIFT') expect(spill.find((r) => r[0] === 'Total')?.[1]).toBe(c.expect.total);
  });
});

describe('the catalogue', () => {
  it('lists every case in docs/hostile-workbooks.md', () => {
    const doc = fs.readFileSync(path.join(__dirname, '..', '..', 'docs', 'hostile-workbooks.md'), 'utf8');
    for (const c of CASES) expect(doc).toContain(`\`${c.id}\``);
  });
});
