import { addMonths, localIsoDate } from '../../src/engine';
import { formulaWorkbook } from '../support/hyperformula-host';

const HOLDINGS = [
  ['Account', 'Ticker', 'Class', 'Shares', 'Price'],
  ['Joint', 'VTI', 'US Stocks', 28, 250],
  ['Joint', 'BND', 'Bonds', 40, 75],
];
const TARGETS = [
  ['Class', 'Target'],
  ['US Stocks', '60%'],
  ['Bonds', '40%'],
];

function workbook(settings: unknown[][] | null, formula: string) {
  const sheets: Record<string, unknown[][]> = { Holdings: HOLDINGS, Targets: TARGETS, Review: [[formula]] };
  if (settings) sheets.Settings = settings;
  return formulaWorkbook(sheets);
}

const cell = (hf: ReturnType<typeof workbook>, sheet: string) => hf.getCellValue({ sheet: hf.getSheetId(sheet)!, row: 0, col: 0 });

describe('=REBAL.DUE(holdings, targets, [settings]) in a formula engine', () => {
  it('applies the Settings rule on the Settings AsOf date', () => {
    const hf = workbook(
      [['Key', 'Value'], ['Rule', 'Threshold'], ['AsOf', '2026-11-21']],
      '=REBAL.DUE(Holdings!A1:E3, Targets!A1:B3, Settings!A1:B3)',
    );
    expect(cell(hf, 'Review')).toBe('Due: US Stocks is 70.0% vs 60.0% target (band ±5.0%), and 1 more class out of band; next check 2027-02-21');
  });

  it('recalculates when a price brings the class back in band', () => {
    const hf = workbook([['Key', 'Value'], ['Rule', 'Threshold'], ['AsOf', '2026-11-21']], '=REBAL.DUE(Holdings!A1:E3, Targets!A1:B3, Settings!A1:B3)');
    hf.setCellContents({ sheet: hf.getSheetId('Holdings')!, row: 1, col: 4 }, 170); // VTI 28 × 170 = 4,760 of 7,760: 61%
    expect(cell(hf, 'Review')).toBe('Not due: every class is within its band; next check 2027-02-21');
  });

  it('uses Hybrid, quarterly and today when there is no Settings table', () => {
    const hf = workbook(null, '=REBAL.DUE(Holdings!A1:E3, Targets!A1:B3)');
    const today = localIsoDate(new Date());
    expect(cell(hf, 'Review')).toBe(
      `Due: at the quarterly check, US Stocks is 70.0% vs 60.0% target (band ±5.0%), and 1 more class out of band; next check ${addMonths(today, 3)}`,
    );
  });

  it('is #VALUE! naming the row and column of a bad setting', () => {
    const hf = workbook([['Key', 'Value'], ['Rule', 'Sometimes']], '=REBAL.DUE(Holdings!A1:E3, Targets!A1:B3, Settings!A1:B2)');
    const v = cell(hf, 'Review') as { type: string; message: string };
    expect(v.type).toBe('VALUE');
    expect(v.message).toBe('Settings, row 2, column Value: Rule: "Sometimes" is not one of Calendar, Threshold, Hybrid');
  });
});
