/**
 * Partial results on real .xlsx files (PRODUCT.md "Reading real workbooks"): value-only rows count in
 * drift but the plan leaves them; a class the planner cannot buy is left out of the plan with a
 * warning; and when the plan cannot be drafted at all, drift and exposure are still given, the plan's
 * message is the one stderr line, and the exit code is 1.
 */
import ExcelJS from 'exceljs';
import { asRanges, asTables, rebal, useTempDir, writeBook, XlValue } from './workbooks';

const { file } = useTempDir();

interface Json {
  total: number;
  drift: { class: string; value: number; status: string }[];
  trades: { account: string; ticker: string; action: string }[];
  exposure: { holding: string; total: number }[];
  warnings: string[];
}

async function sheetValues(xlsx: string, sheet: string): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(xlsx);
  const rows: unknown[][] = [];
  wb.getWorksheet(sheet)!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

/**
 * A household whose 401(k)s are pasted from a statement that gives only market values: Alex's two
 * funds (rows 5 and 6) and Sam's one (row 8), beside priced positions in the joint account and an IRA.
 */
function valueOnlyHousehold(): Record<string, XlValue[][]> {
  return {
    Holdings: [
      ['Account', 'Ticker', 'Class', 'Shares', 'Price', 'Value'],
      ['Joint', 'VTI', 'US Stocks', 20, 250, null],
      ['Joint', 'BND', 'Bonds', 10, 70, null],
      ['Joint', 'CASH', 'Cash', null, null, 2000],
      ['Alex 401k', 'FXAIX', 'US Stocks', null, null, 30000],
      ['Alex 401k', 'FXNAX', 'Bonds', null, null, 4000],
      ['Sam IRA', 'BND', 'Bonds', 50, 70, null],
      ['Sam 401k', 'VFIAX', 'US Stocks', null, null, 1500],
      ['Sam 401k', 'CASH', 'Cash', null, null, 500],
    ],
    Targets: [['Class', 'Target'], ['US Stocks', 0.6], ['Bonds', 0.4]],
    Accounts: [['Account', 'Type'], ['Joint', 'Taxable'], ['Alex 401k', '401k'], ['Sam IRA', 'IRA'], ['Sam 401k', '401k']],
    Settings: [['Key', 'Value'], ['AsOf', '2026-11-21']],
  };
}

describe('rows with a Value but no Shares or Price', () => {
  it('count in drift and exposure; the plan leaves them, with one warning per account', async () => {
    const input = await writeBook(file('values.xlsx'), asTables(valueOnlyHousehold()));
    const run = await rebal([input, '--json']);
    expect([run.code, run.stderr]).toEqual([0, '']);
    const out = JSON.parse(run.stdout) as Json;
    // 5,000 + 700 + 2,000 + 30,000 + 4,000 + 3,500 + 1,500 + 500
    expect(out.total).toBe(47200);
    expect(out.drift.find((d) => d.class === 'US Stocks')?.value).toBe(36500);
    expect(out.drift.find((d) => d.class === 'Bonds')?.value).toBe(8200);
    expect(out.exposure.find((e) => e.holding === 'FXAIX')?.total).toBe(30000);
    // No trade touches a value-only fund; Alex's 401k (no cash, nothing else) does not trade at all, and
    // Sam's buys no more US Stocks (its fund for them is value-only) but may invest its cash in Bonds.
    for (const t of out.trades) expect(['FXAIX', 'FXNAX', 'VFIAX']).not.toContain(t.ticker);
    expect(out.trades.filter((t) => t.account === 'Alex 401k')).toEqual([]);
    expect(out.trades.filter((t) => t.account === 'Sam 401k').map((t) => t.ticker)).not.toContain('VTI');
    expect(out.trades.length).toBeGreaterThan(0); // the joint account and the IRA still trade
    const valueOnly = out.warnings.filter((w) => w.includes('only a Value'));
    expect(valueOnly).toEqual([
      'Holdings, row 5: FXAIX (row 5) and FXNAX (row 6) in Alex 401k have only a Value (no Shares and Price), so the planner leaves them as they are; give Shares and Price to trade them',
      'Holdings, row 8: VFIAX (row 8) in Sam 401k has only a Value (no Shares and Price), so the planner leaves it as it is; give Shares and Price to trade it',
    ]);
  });

  it('show in the Trades sheet as notes after the trades', async () => {
    const input = await writeBook(file('values.xlsx'), asTables(valueOnlyHousehold()));
    const run = await rebal([input, '--out', file('out.xlsx')]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('- Holdings, row 5: FXAIX (row 5) and FXNAX (row 6) in Alex 401k have only a Value');
    const trades = await sheetValues(file('out.xlsx'), 'Trades');
    const notes = trades.filter((r) => r[0] === 'Note').map((r) => String(r[7]));
    expect(notes).toHaveLength(2);
    expect(notes[0]).toMatch(/^Holdings, row 5: FXAIX/);
  });
});

describe('a class the planner cannot buy', () => {
  // Real Estate is 10% of the targets but nobody holds it and Targets gives no Buy ticker (row 4).
  const tables = (): Record<string, XlValue[][]> => ({
    Holdings: [
      ['Account', 'Ticker', 'Class', 'Shares', 'Price', 'Value'],
      ['Roth', 'VTI', 'US Stocks', 24, 100, null],
      ['Roth', 'BND', 'Bonds', 10, 100, null],
      ['Roth', 'CASH', 'Cash', null, null, 1000],
    ],
    Targets: [['Class', 'Target', 'Buy'], ['US Stocks', 0.5, null], ['Bonds', 0.4, null], ['Real Estate', 0.1, null]],
    Accounts: [['Account', 'Type'], ['Roth', 'Roth']],
    Settings: [['Key', 'Value'], ['AsOf', '2026-11-21']],
  });

  it('is left out of the plan with a warning naming its Targets row; drift, exposure and the rest of the plan are given', async () => {
    const input = await writeBook(file('unbuyable.xlsx'), asTables(tables()));
    const run = await rebal([input, '--json']);
    expect([run.code, run.stderr]).toEqual([0, '']);
    const out = JSON.parse(run.stdout) as Json;
    expect(out.drift.map((d) => `${d.class} ${d.status}`)).toEqual(['US Stocks OK', 'Bonds Under', 'Real Estate Under', 'Cash Over']);
    expect(out.exposure.map((e) => e.holding)).toEqual(['VTI', 'BND', 'CASH']);
    // The cash goes to Bonds (the class it can buy); nothing is bought for Real Estate.
    expect(out.trades).toContainEqual(expect.objectContaining({ account: 'Roth', ticker: 'BND', action: 'BUY' }));
    expect(out.trades.every((t) => t.ticker === 'VTI' || t.ticker === 'BND')).toBe(true);
    expect(out.warnings).toContain(
      'Targets, row 4, column Buy: Real Estate is under target but no account holds it (with Shares and Price) and Targets gives no Buy ticker for it; it is left out of the plan (add a Buy ticker to buy it)',
    );
  });

  it('with a Buy ticker that has no price anywhere, likewise', async () => {
    const t = tables();
    t.Targets[3][2] = 'VNQ';
    const input = await writeBook(file('unpriced.xlsx'), asTables(t));
    const out = JSON.parse((await rebal([input, '--json'])).stdout) as Json;
    expect(out.trades.map((x) => x.ticker)).toContain('BND');
    expect(out.trades.map((x) => x.ticker)).not.toContain('VNQ');
    expect(out.warnings).toContain(
      'Targets, row 4, column Buy: Real Estate is under target but its Buy ticker VNQ has no price: no Holdings row gives one; it is left out of the plan (add a row for VNQ with Shares 0 and its Price)',
    );
  });
});

describe('when the plan cannot be drafted', () => {
  // The IRA's reserve (row 3 of Accounts) is above its cash and it may not sell (BuyOnly).
  const tables = (): Record<string, XlValue[][]> => ({
    Holdings: [
      ['Account', 'Ticker', 'Class', 'Shares', 'Price', 'Value'],
      ['Joint', 'VTI', 'US Stocks', 10, 100, null],
      ['IRA', 'BND', 'Bonds', 10, 100, null],
      ['IRA', 'CASH', 'Cash', null, null, 100],
    ],
    Targets: [['Class', 'Target'], ['US Stocks', 0.5], ['Bonds', 0.5]],
    Accounts: [['Account', 'Type', 'Reserve'], ['Joint', 'Taxable', 0], ['IRA', 'IRA', 5000]],
    Settings: [['Key', 'Value'], ['AsOf', '2026-11-21'], ['Mode', 'BuyOnly']],
  });
  const MESSAGE = 'Accounts, row 3, column Reserve: the rules cannot all hold: the cash reserve of IRA (reserve $5,000.00, cash $100.00) exceeds its cash and contribution and Mode is BuyOnly, so nothing may be sold to raise cash (whole shares and MinTrade included)';

  it('the JSON still has the drift and exposure, no trades, and the message as its last warning; exit 1 with the one line', async () => {
    const input = await writeBook(file('stuck.xlsx'), asTables(tables()));
    const run = await rebal([input, '--json']);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`rebal: ${MESSAGE}\n`);
    const out = JSON.parse(run.stdout) as Json;
    expect(out.total).toBe(2100);
    expect(out.drift.map((d) => `${d.class} ${d.value}`)).toEqual(['US Stocks 1000', 'Bonds 1000', 'Cash 100']);
    expect(out.exposure.map((e) => e.holding)).toEqual(['VTI', 'BND', 'CASH']);
    expect(out.trades).toEqual([]);
    expect(out.warnings[out.warnings.length - 1]).toBe(MESSAGE);
  });

  it('the text and the sheets still have the drift and exposure; the Trades sheet says why there is no plan', async () => {
    const input = await writeBook(file('stuck.xlsx'), asTables(tables()));
    const run = await rebal([input, '--out', file('stuck-out.xlsx')]);
    expect(run.code).toBe(1);
    expect(run.stderr.trimEnd().split('\n')).toEqual([`rebal: ${MESSAGE}`]);
    expect(run.stdout).toMatch(/US Stocks\s+\$1,000\.00\s+47\.62%/);
    expect(run.stdout).toContain('Largest exposures');
    expect(run.stdout).toContain('Trades: none drafted');
    expect(run.stdout).toContain(`Wrote ${file('stuck-out.xlsx')}`);
    expect((await sheetValues(file('stuck-out.xlsx'), 'Drift'))[1].slice(0, 2)).toEqual(['US Stocks', 1000]);
    expect((await sheetValues(file('stuck-out.xlsx'), 'Exposure')).length).toBeGreaterThan(1);
    const trades = await sheetValues(file('stuck-out.xlsx'), 'Trades');
    expect(trades[1][0]).toBe('No plan');
    expect(trades[1][7]).toBe(`No trades were drafted: ${MESSAGE}`);
  });

  it('a second run on its own output replaces the stale Trades sheet rather than leaving it', async () => {
    const good = tables();
    good.Accounts[2][2] = 0;
    const first = await writeBook(file('first.xlsx'), asRanges(good));
    expect((await rebal([first, '--out', file('planned.xlsx')])).code).toBe(0);
    expect((await sheetValues(file('planned.xlsx'), 'Trades'))[1][0]).not.toBe('No plan');
    // The planned output, with the IRA's reserve raised again, is run once more.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file('planned.xlsx'));
    wb.getWorksheet('Accounts')!.getCell('C3').value = 5000;
    await wb.xlsx.writeFile(file('again.xlsx'));
    const run = await rebal([file('again.xlsx'), '--out', file('again-out.xlsx')]);
    expect(run.code).toBe(1);
    const trades = await sheetValues(file('again-out.xlsx'), 'Trades');
    expect(trades.map((r) => r[0])).toEqual(['Account', 'No plan']);
  });
});
