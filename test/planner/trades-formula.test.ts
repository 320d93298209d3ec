/** REBAL.TRADES typed in a cell of a real formula engine (HyperFormula), spilling and recalculating. */
import { formulaWorkbook, loadFormulaSolver } from '../support/hyperformula-host';

const sheets = () => ({
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
