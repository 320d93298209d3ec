/**
 * The command line with funds that span classes (issue 10): the Mix table is found by its names (an
 * Excel table `Mix` or `FundMix`, or a sheet "Fund Mix"), drift splits the fund, and the text and the
 * Drift sheet say how.
 */
import ExcelJS from 'exceljs';
import { rebal, SheetSpec, useTempDir, writeBook, XlValue } from './workbooks';

const { file } = useTempDir();

const tables = (): Record<string, XlValue[][]> => ({
  Holdings: [
    ['Account', 'Ticker', 'Class', 'Shares', 'Price'],
    ['Joint', 'VTI', 'US Stocks', 10, 250],
    ['Joint', 'BND', 'Bonds', 20, 75],
    ['Alex 401k', 'VFIFX', 'Mixed', 33, 57.62],
  ],
  Targets: [['Class', 'Target'], ['US Stocks', 0.6], ['Intl Stocks', 0.25], ['Bonds', 0.15]],
});
const MIX: XlValue[][] = [['Fund', 'Asset Class', 'Weight'], ['VFIFX', 'US Stocks', 0.54], ['VFIFX', 'Intl Stocks', 0.36], ['VFIFX', 'Bonds', 0.1]];

/** VFIFX 1,901.46 split 54/36/10 by largest remainder (hand-checked in test/engine/mix.test.ts). */
const SPLIT_DRIFT = [
  ['US Stocks', 3526.79],
  ['Intl Stocks', 684.52],
  ['Bonds', 1690.15],
];

async function drift(specs: Parameters<typeof writeBook>[1], name: string) {
  const input = await writeBook(file(name), specs);
  const run = await rebal([input, '--json', '--as-of', '2026-11-21']);
  expect(run.stderr).toBe('');
  return (JSON.parse(run.stdout) as { drift: { class: string; value: number }[] }).drift.map((d) => [d.class, d.value]);
}

describe('rebal with a Mix table', () => {
  it.each<[string, string, SheetSpec]>([
    ['an Excel table named Mix', 'mix-table.xlsx', { cells: MIX, table: 'Mix' }],
    ['an Excel table named FundMix', 'fundmix-table.xlsx', { cells: MIX, table: 'FundMix', sheet: 'Funds we hold' }],
    ['a plain range on a sheet named Fund Mix', 'fund-mix-range.xlsx', { cells: MIX, sheet: 'Fund Mix' }],
  ])('finds %s and splits the fund into its classes', async (_name, name, mix) => {
    const specs = { Holdings: { cells: tables().Holdings, table: 'Holdings' }, Targets: { cells: tables().Targets, table: 'Targets' }, Mix: mix };
    expect(await drift(specs, name)).toEqual(SPLIT_DRIFT);
  });

  it('without one, the fund is the untargeted class Mixed, with a warning that says what to add', async () => {
    const input = await writeBook(file('no-mix.xlsx'), { Holdings: { cells: tables().Holdings, table: 'Holdings' }, Targets: { cells: tables().Targets, table: 'Targets' } });
    const run = await rebal([input, '--json', '--as-of', '2026-11-21']);
    const out = JSON.parse(run.stdout) as { drift: { class: string; status: string }[]; warnings: string[] };
    expect(out.drift.map((d) => `${d.class} ${d.status}`)).toContain('Mixed No target');
    expect(out.warnings).toContain(
      "Holdings, row 4, column Class: VFIFX's Class is Mixed but Mix does not list it and Funds does not list its holdings, so it counts as the untargeted class Mixed; add its classes to Mix",
    );
  });

  it('prints how much of each class is in the fund, and writes it under the Drift sheet', async () => {
    const input = await writeBook(file('notes.xlsx'), { Holdings: { cells: tables().Holdings, table: 'Holdings' }, Targets: { cells: tables().Targets, table: 'Targets' }, Mix: { cells: MIX, table: 'Mix' } });
    const run = await rebal([input, '--as-of', '2026-11-21', '--out', file('notes.out.xlsx')]);
    expect(run.code).toBe(0);
    const notes = [
      'US Stocks: $1,026.79 of $3,526.79 (29.1%) is in VFIFX',
      'Intl Stocks: $684.52 of $684.52 (100.0%) is in VFIFX',
      'Bonds: $190.15 of $1,690.15 (11.3%) is in VFIFX',
      'VFIFX counts as 54% US Stocks, 36% Intl Stocks and 10% Bonds (from Mix)',
    ];
    expect(run.stdout).toContain(`Funds that span classes:\n${notes.map((n) => `  ${n}`).join('\n')}`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file('notes.out.xlsx'));
    const rows: unknown[] = [];
    wb.getWorksheet('Drift')!.eachRow((row) => rows.push(row.getCell(1).value));
    expect(rows.slice(-5)).toEqual(['Funds that span classes', ...notes]);
    expect(rows[rows.length - 6]).toBe('Total');
  });
});
