/**
 * The optional `mix` argument (issue 10) typed in cells of a real formula engine (HyperFormula):
 * REBAL.DRIFT, REBAL.DUE and REBAL.TRADES take the Mix table last — or the Funds table, to derive the
 * mixes through it — and formulas written without it keep their meaning.
 */
import { formulaWorkbook, loadFormulaSolver } from '../support/hyperformula-host';

const sheets = (): Record<string, unknown[][]> => ({
  Holdings: [
    ['Account', 'Ticker', 'Class', 'Shares', 'Price'],
    ['Joint', 'VTI', 'US Stocks', 10, 250],
    ['Joint', 'BND', 'Bonds', 20, 75],
    ['Alex 401k', 'VFIFX', 'Mixed', 33, 57.62],
  ],
  Targets: [['Class', 'Target'], ['US Stocks', '60%'], ['Intl Stocks', '25%'], ['Bonds', '15%']],
  Settings: [['Key', 'Value'], ['AsOf', '2026-11-21'], ['LastRebalanced', '2026-06-01'], ['MinTrade', 0]],
  Accounts: [['Account', 'Type'], ['Joint', 'Taxable'], ['Alex 401k', '401k']],
  Mix: [['Ticker', 'Class', 'Weight'], ['VFIFX', 'US Stocks', '54%'], ['VFIFX', 'Intl Stocks', '36%'], ['VFIFX', 'Bonds', '10%']],
  Funds: [['Fund', 'Holding', 'Weight'], ['VFIFX', 'VTI', 0.54], ['VFIFX', 'VXUS', 0.36], ['VFIFX', 'BND', 0.1]],
  Report: [['=REBAL.DRIFT(Holdings!A1:E4, Targets!A1:B4, Settings!A1:B4, Mix!A1:C4)']],
});

/** VFIFX 1,901.46: US 1,026.79, Intl 684.52, Bonds 190.15 (largest remainder); no cash. */
const SPLIT = [
  ['Class', 'Value'],
  ['US Stocks', 3526.79],
  ['Intl Stocks', 684.52],
  ['Bonds', 1690.15],
  ['Total', 5901.46],
];

const cell = (hf: ReturnType<typeof formulaWorkbook>, sheet: string, row = 0, col = 0) => hf.getCellValue({ sheet: hf.getSheetId(sheet)!, row, col });
const values = (hf: ReturnType<typeof formulaWorkbook>, sheet: string) => hf.getSheetValues(hf.getSheetId(sheet)!);

describe('REBAL.DRIFT with the mix argument', () => {
  it('counts the target-date fund toward each class by weight (hand-checked in test/engine/mix.test.ts)', () => {
    const hf = formulaWorkbook(sheets());
    expect(values(hf, 'Report').map((r) => r.slice(0, 2))).toEqual(SPLIT);
  });

  it('without it, the fund is the untargeted class Mixed, as before', () => {
    const s = sheets();
    s.Report = [['=REBAL.DRIFT(Holdings!A1:E4, Targets!A1:B4, Settings!A1:B4)']];
    const hf = formulaWorkbook(s);
    expect(values(hf, 'Report').map((r) => [r[0], r[1], r[6]])).toEqual([
      ['Class', 'Value', 'Status'],
      ['US Stocks', 2500, 'Under'],
      ['Intl Stocks', 0, 'Under'],
      ['Bonds', 1500, 'Over'],
      ['Mixed', 1901.46, 'No target'],
      ['Total', 5901.46, '', ],
    ].map((r) => (r.length === 3 ? r : [...r, ''])));
  });

  it('takes the Funds table in its place and derives the mix through it', () => {
    const s = sheets();
    // VXUS must have a class for the mix to be derived: give it a zero-share row.
    s.Holdings.push(['Joint', 'VXUS', 'Intl Stocks', 0, 61.05]);
    s.Report = [['=REBAL.DRIFT(Holdings!A1:E5, Targets!A1:B4, Settings!A1:B4, Funds!A1:C4)']];
    const hf = formulaWorkbook(s);
    expect(values(hf, 'Report').map((r) => r.slice(0, 2))).toEqual(SPLIT);
  });

  it('recalculates when a Mix weight changes, and shows #VALUE! naming the ticker and the sum when they do not add up', () => {
    const hf = formulaWorkbook(sheets());
    hf.setCellContents({ sheet: hf.getSheetId('Mix')!, row: 1, col: 2 }, '44%');
    hf.setCellContents({ sheet: hf.getSheetId('Mix')!, row: 3, col: 2 }, '20%');
    // US 44% of 1,901.46 = 836.6424 → 836.64; Bonds 20% = 380.292 → 380.29; Intl 684.5256 → 684.53 takes the cent left over.
    expect(values(hf, 'Report')[1][1]).toBe(3336.64);
    expect(values(hf, 'Report')[3][1]).toBe(1880.29);
    hf.setCellContents({ sheet: hf.getSheetId('Mix')!, row: 3, col: 2 }, '25%');
    const value = cell(hf, 'Report') as { type: string; message: string };
    expect(value.type).toBe('VALUE');
    expect(value.message).toBe("Mix, row 2, column Weight: the weights of VFIFX add up to 105.00%; a fund's classes must add up to 100% (±0.5 pp)");
  });
});

describe('REBAL.DUE and REBAL.TRADES with the mix argument', () => {
  beforeAll(() => loadFormulaSolver());

  it('DUE reads the drift with the mix', () => {
    const s = sheets();
    s.Report = [['=REBAL.DUE(Holdings!A1:E4, Targets!A1:B4, Settings!A1:B4, Mix!A1:C4)'], ['=REBAL.DUE(Holdings!A1:E4, Targets!A1:B4, Settings!A1:B4)']];
    const hf = formulaWorkbook(s);
    // With the mix Bonds (28.6% vs 15%) drifts furthest; without it, Intl Stocks at 0% vs 25%.
    expect(cell(hf, 'Report', 0)).toBe('Due: at the quarterly check, Bonds is 28.6% vs 15.0% target (band ±3.8%), and 1 more class out of band; next check 2027-02-21');
    expect(cell(hf, 'Report', 1)).toBe('Due: at the quarterly check, Intl Stocks is 0.0% vs 25.0% target (band ±5.0%), and 2 more classes out of band; next check 2027-02-21');
  });

  it('TRADES takes the Mix table last and explains the split', () => {
    const s = sheets();
    s.Report = [['=REBAL.TRADES(Holdings!A1:E4, Targets!A1:B4, Accounts!A1:B3, Settings!A1:B4, , Mix!A1:C4)']];
    s.Targets = [['Class', 'Target'], ['US Stocks', '40%'], ['Intl Stocks', '10%'], ['Bonds', '50%']];
    const hf = formulaWorkbook(s);
    const plan = values(hf, 'Report');
    expect(plan[0]).toEqual(['Account', 'Ticker', 'Action', 'Shares', 'Price', 'Amount', 'Est. tax', 'Reason']);
    const vfifx = plan.find((r) => r[1] === 'VFIFX');
    expect(vfifx?.[2]).toBe('SELL');
    expect(String(vfifx?.[7])).toMatch(/VFIFX is 54% US Stocks, 36% Intl Stocks and 10% Bonds; selling \$[\d,]+ of it trims US Stocks by/);
  });
});
