/** REBAL.TRADES typed in a cell of a real formula engine (HyperFormula), spilling and recalculating. */
import { formulaWorkbook, loadFormulaSolver } from '../support/hyperformula-host';

const sheets = (): Record<string, unknown[][]> => ({
  Holdings: [
    ['Account', 'Ticker', 'Class', 'Shares', 'Price', 'Cost Basis', 'Acquired'],
    ['Joint', 'VTI', 'US Stocks', 30, 100, 1500, '2019-03-04'],
    ['Joint', 'BND', 'Bonds', 10, 100, 1000, '2019-03-04'],
    ['Roth', 'BND', 'Bonds', 10, 100, null, null],
  ],
  Targets: [
    ['Class', 'Target'],
    ['US Stocks', 0.5],
    ['Bonds', 0.5],
  ],
  Accounts: [
    ['Account', 'Type'],
    ['Joint', 'Taxable'],
    ['Roth', 'Roth'],
  ],
  Settings: [
    ['Key', 'Value'],
    ['AsOf', '2026-11-21'],
  ],
  Plan: [['=REBAL.TRADES(Holdings!A1:G4, Targets!A1:B3, Accounts!A1:B3, Settings!A1:B2)']],
});

describe('=REBAL.TRADES in a workbook', () => {
  beforeAll(() => loadFormulaSolver());

  test('spills the header and one row per trade, sells before buys', () => {
    const hf = formulaWorkbook(sheets());
    const plan = hf.getSheetValues(hf.getSheetId('Plan')!);
    expect(plan[0]).toEqual(['Account', 'Ticker', 'Action', 'Shares', 'Price', 'Amount', 'Est. tax', 'Reason']);
    expect(plan.slice(1).map((r) => r.slice(0, 4))).toEqual([
      ['Joint', 'VTI', 'SELL', 5],
      ['Joint', 'BND', 'BUY', 5],
    ]);
    expect(plan[1][6]).toBe(37.5); // 5 × $50 long-term gain at 15%
    expect(String(plan[1][7])).toMatch(/^Sell 5 VTI in Joint \(\$500\): US Stocks is 60\.0% vs 50\.0% target/);
  });

  test('recalculates when a price changes, and says why when nothing is due', () => {
    const hf = formulaWorkbook(sheets());
    hf.setCellContents({ sheet: hf.getSheetId('Holdings')!, row: 1, col: 3 }, 20);
    const plan = hf.getSheetValues(hf.getSheetId('Plan')!);
    expect(plan.length).toBe(2);
    expect(plan[1][0]).toBe('No trades');
    expect(String(plan[1][7])).toMatch(/^Nothing to trade: every class is already at its target/);
  });

  test('bad input is #VALUE! with a message naming the place', () => {
    const s = sheets();
    s.Targets[2][1] = 0.6;
    const hf = formulaWorkbook(s);
    const value = hf.getCellValue({ sheet: hf.getSheetId('Plan')!, row: 0, col: 0 }) as { type: string; message: string };
    expect(value.type).toBe('VALUE');
    expect(value.message).toMatch(/^Targets.*add up to 110%/);
  });
});

describe('=REBAL.TRADES with what the plan leaves out', () => {
  beforeAll(() => loadFormulaSolver());
  const plan = (s: ReturnType<typeof sheets>) => {
    const hf = formulaWorkbook(s);
    return hf.getSheetValues(hf.getSheetId('Plan')!);
  };

  test('value-only rows in a 401(k) are left as they are: the trades, then one Note per account', () => {
    const s = sheets();
    s.Holdings.push(['Alex 401k', 'FXAIX', 'US Stocks', null, null, null, null], ['Alex 401k', 'FXNAX', 'Bonds', null, null, null, null]);
    // Value-only rows need a Value column: the holdings gain one (H), and the formula reads A1:H6.
    s.Holdings = s.Holdings.map((r, i) => [...r, i === 0 ? 'Value' : i === 4 ? 3000 : i === 5 ? 1000 : null]);
    s.Accounts.push(['Alex 401k', '401k']);
    s.Plan = [['=REBAL.TRADES(Holdings!A1:H6, Targets!A1:B3, Accounts!A1:B4, Settings!A1:B2)']];
    const rows = plan(s);
    const trades = rows.slice(1).filter((r) => r[0] !== 'Note');
    expect(trades.length).toBeGreaterThan(0);
    for (const t of trades) expect(t[0]).not.toBe('Alex 401k');
    expect(rows.filter((r) => r[0] === 'Note').map((r) => r[7])).toEqual([
      'Holdings, row 5: FXAIX (row 5) and FXNAX (row 6) in Alex 401k have only a Value (no Shares and Price), so the planner leaves them as they are; give Shares and Price to trade them',
    ]);
    expect(rows[rows.length - 1][0]).toBe('Note'); // notes come after the trades
  });

  test('a class it cannot buy: the plan for the rest, then a Note naming its Targets row', () => {
    const s = sheets();
    s.Targets = [['Class', 'Target'], ['US Stocks', 0.45], ['Bonds', 0.45], ['Real Estate', 0.1]];
    s.Plan = [['=REBAL.TRADES(Holdings!A1:G4, Targets!A1:B4, Accounts!A1:B3, Settings!A1:B2)']];
    const rows = plan(s);
    expect(rows.slice(1, -1).every((r) => r[1] === 'VTI' || r[1] === 'BND')).toBe(true);
    expect(rows.length).toBeGreaterThan(2);
    expect(rows[rows.length - 1]).toEqual([
      'Note', '', '', '', '', '', '',
      'Targets, row 4, column Buy: Real Estate is under target but no account holds it (with Shares and Price) and Targets gives no Buy ticker for it; it is left out of the plan (add a Buy ticker to buy it)',
    ]);
  });

  test('no plan at all is #VALUE! with the message (a cell has nothing else to show)', () => {
    const s = sheets();
    s.Accounts = [['Account', 'Type', 'Reserve'], ['Joint', 'Taxable', 0], ['Roth', 'Roth', 5000]];
    s.Settings.push(['Mode', 'BuyOnly']);
    s.Plan = [['=REBAL.TRADES(Holdings!A1:G4, Targets!A1:B3, Accounts!A1:C3, Settings!A1:B3)']];
    const hf = formulaWorkbook(s);
    const value = hf.getCellValue({ sheet: hf.getSheetId('Plan')!, row: 0, col: 0 }) as { type: string; message: string };
    expect(value.type).toBe('VALUE');
    expect(value.message).toMatch(/^Accounts, row 3, column Reserve: the rules cannot all hold: the cash reserve of Roth/);
  });
});
