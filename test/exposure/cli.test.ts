import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { main } from '../../src/cli/main';
import type { ReportJson } from '../../src/cli/report';
import { householdTables, makeHouseholdExample } from '../../scripts/make-examples';
import { writeWorkbook } from '../../scripts/example-workbook';

const EXAMPLES = path.resolve(__dirname, '..', '..', 'examples');

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { stdout: (t: string) => void out.push(t), stderr: (t: string) => void err.push(t) }, out, err };
}

describe('rebal on the example household, looking through its funds', () => {
  let dir: string;
  let workbook: string;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rebal-exposure-'));
    workbook = await makeHouseholdExample(EXAMPLES, dir);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('prints every holding in the JSON exposure, adding up to the household to the cent', async () => {
    const { io, out } = capture();
    expect(await main([workbook, '--json', '--out', path.join(dir, 'out.xlsx')], io)).toBe(0);
    const json = JSON.parse(out.join('')) as ReportJson;
    const cents = (x: number) => Math.round(x * 100);
    expect(json.exposure.reduce((s, r) => s + cents(r.total), 0)).toBe(cents(json.total));
    const aapl = json.exposure.find((r) => r.holding === 'AAPL')!;
    expect(aapl.direct).toBe(16_281); // 60 shares × $271.35, held directly in Joint Taxable
    expect(aapl.via.map((v) => v.fund).sort()).toEqual(['FXAIX', 'QQQ', 'VFIFX', 'VTI']);
    expect(cents(aapl.total)).toBe(cents(aapl.direct) + cents(aapl.viaFunds));
    expect(json.exposure.map((r) => r.holding)).toContain('Other (VTI)');
    expect(json.concentration.map((c) => c.holding)).toEqual(['AAPL']);
    expect(json.concentration[0].message).toMatch(/^AAPL is 10\.\d% of the household: 6\.9% direct, \d\.\d% via VTI, /);
  });

  it('prints the top exposures and the concentration flags', async () => {
    const { io, out } = capture();
    expect(await main([workbook, '--out', path.join(dir, 'out.xlsx')], io)).toBe(0);
    const text = out.join('');
    expect(text).toContain('Largest exposures, looking through funds (top 10)');
    expect(text).toMatch(/\nAAPL +\$16,281\.00 +\$[\d,]+\.\d\d +\$[\d,]+\.\d\d +10\.\d\d%  VTI, FXAIX, QQQ, VFIFX\n/);
    expect(text).toMatch(/\nOthers \(\d+\) .*\nTotal +\$[\d,]+\.\d\d +\$[\d,]+\.\d\d +\$235,706\.30 +100\.00%\n/);
    expect(text).toContain('Above the 10% concentration limit:\n- AAPL is 10.');
  });

  it('writes an Exposure sheet whose Total is the household and whose flagged row is shaded', async () => {
    const out = path.join(dir, 'sheet.xlsx');
    const { io, out: stdout } = capture();
    expect(await main([workbook, '--json', '--out', out], io)).toBe(0);
    const json = JSON.parse(stdout.join('')) as ReportJson;
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    const sheet = book.getWorksheet('Exposure')!;
    expect(sheet.getRow(1).values).toEqual([undefined, 'Holding', 'Direct', 'Via funds', 'Total', 'Weight', 'Via']);
    const rows: ExcelJS.CellValue[][] = [];
    sheet.eachRow((row) => rows.push((row.values as ExcelJS.CellValue[]).slice(1)));
    const total = rows.find((r) => r[0] === 'Total')!;
    expect(total[3]).toBe(json.total);
    expect(rows.filter((r) => typeof r[3] === 'number' && r[0] !== 'Total').length).toBe(json.exposure.length);
    const aapl = sheet.getColumn(1).values.indexOf('AAPL');
    expect(sheet.getCell(aapl, 1).fill).toMatchObject({ fgColor: { argb: 'FFFCE4D6' } });
    expect(rows.some((r) => typeof r[0] === 'string' && r[0].startsWith('AAPL is 10.'))).toBe(true);
  });

  it('fails with one line naming a circle of funds', async () => {
    const data = JSON.parse(fs.readFileSync(path.join(EXAMPLES, 'household.json'), 'utf8'));
    data.funds.push({ fund: 'VTI', holding: 'VFIFX', weight: 0.01 });
    const file = path.join(dir, 'cycle.xlsx');
    await writeWorkbook(file, householdTables(data));
    const { io, err } = capture();
    expect(await main([file, '--out', path.join(dir, 'cycle.out.xlsx')], io)).toBe(1);
    expect(err.join('')).toMatch(/^rebal: Funds, row \d+, column Holding: VTI → VFIFX → VTI is a cycle: a fund cannot hold itself, directly or through other funds\n$/);
  });
});
