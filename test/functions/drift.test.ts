import { drift } from '../../src/functions/functions';
import { firstRowOfAddress } from '../../src/functions/excel-input';
import { formulaWorkbook } from '../support/hyperformula-host';

type CellError = Error & { code: string };

/** Calls the function as Excel would and returns the #VALUE! error it throws. */
function cellError(call: () => unknown): CellError {
  try {
    call();
  } catch (e) {
    return e as CellError;
  }
  throw new Error('expected a cell error');
}

const HOLDINGS = [
  ['Account', 'Ticker', 'Class', 'Shares', 'Price', 'Value'],
  ['Joint', 'VTI', 'US Stocks', 24, 250, null],
  ['IRA', 'BND', 'Bonds', 40, 100, null],
];

describe('REBAL.DRIFT called directly', () => {
  const targets = [['Class', 'Target'], ['US Stocks', 0.6], ['Bonds', 0.4]];

  it('spills Class | Value | Weight | Target | Drift | Band | Status with a Total row', () => {
    const result = drift(HOLDINGS, targets, null as never, null as never, { parameterAddresses: [] } as never);
    expect(result).toEqual([
      ['Class', 'Value', 'Weight', 'Target', 'Drift', 'Band', 'Status'],
      ['US Stocks', 6000, 0.6, 0.6, 0, 0.05, 'OK'],
      ['Bonds', 4000, 0.4, 0.4, 0, 0.05, 'OK'],
      ['Total', 10000, 1, 1, '', '', ''],
    ]);
  });

  it('reads blank cells sent as null, as "" and as 0 alike', () => {
    const blanks = (blank: null | '' | 0) => [
      ['Account', 'Ticker', 'Class', 'Shares', 'Price', 'Value', 'Cost Basis', 'Acquired'],
      ['Joint', 'VTI', 'US Stocks', 24, 250, blank, blank, blank],
      ['IRA', 'FXNAX', 'Bonds', blank, blank, 4000, blank, blank],
      [blank, blank, blank, blank, blank, blank, blank, blank],
    ];
    const settings = (blank: null | '' | 0) => [['Key', 'Value'], ['Band', 0.05], [blank, blank]];
    const expected = drift(blanks(null), targets, settings(null), null as never, { parameterAddresses: [] } as never);
    expect(expected[1]).toEqual(['US Stocks', 6000, 0.6, 0.6, 0, 0.05, 'OK']);
    expect(expected[2]).toEqual(['Bonds', 4000, 0.4, 0.4, 0, 0.05, 'OK']);
    expect(drift(blanks(''), targets, settings(''), null as never, {} as never)).toEqual(expected);
    expect(drift(blanks(0), targets, settings(0), null as never, {} as never)).toEqual(expected);
  });

  it('reads a Stocks cell’s Price field, and refuses a Stocks cell as the ticker, naming the row', () => {
    const apple = { type: 'LinkedEntity', text: 'Apple Inc.', properties: { Price: { type: 'Double', basicValue: 271.35 } } };
    const result = drift(
      [['Ticker', 'Shares', 'Price'], ['AAPL', 10, apple], ['BND', 10, 72.35]],
      [['Ticker', 'Target'], ['AAPL', 0.8], ['BND', 0.2]],
      null as never,
      null as never,
      {} as never,
    );
    expect(result.slice(1, 3).map((r) => r.slice(0, 2))).toEqual([['AAPL', 2713.5], ['BND', 723.5]]);
    expect(result[3][1]).toBe(3437);
    const e = cellError(() => drift([['Ticker', 'Shares', 'Price'], [apple, 10, apple]], [['Ticker', 'Target'], ['AAPL', 1]], null as never, null as never, {} as never));
    expect(e.message).toMatch(/^Holdings, row 2, column Ticker: the data-type value "Apple Inc\." is not plain text/);
  });

  it('takes an omitted optional settings argument (null or undefined) as the defaults', () => {
    const withNull = drift(HOLDINGS, targets, null as never, null as never, {} as never);
    const withUndefined = drift(HOLDINGS, targets, undefined as never, undefined as never, undefined as never);
    expect(withUndefined).toEqual(withNull);
    expect(withNull[1][5]).toBe(0.05);
  });

  it('names the real worksheet row from the parameter addresses', () => {
    const bad = [['Ticker', 'Shares', 'Price'], ['VTI', 10, 250], ['BND', 'ten', 100]];
    const e = cellError(() => drift(bad, targets, null as never, null as never, { parameterAddresses: ["'My Sheet'!$B$7:$D$9", 'Sheet1!A1:B3', ''] } as never));
    expect(e.code).toBe('#VALUE!');
    expect(e.message).toBe('Holdings, row 9, column Shares: "ten" is not a number');
  });

  it('names the Targets row too', () => {
    const badTargets = [['Class', 'Target'], ['US Stocks', 0.6], ['Bonds', 'lots']];
    const e = cellError(() => drift(HOLDINGS, badTargets, null as never, null as never, { parameterAddresses: ['Sheet1!A1', 'Sheet2!$F$20:$G$22'] } as never));
    expect(e.message).toBe('Targets, row 22, column Target: "lots" is not a percentage');
  });

  it('refuses a single-cell argument, saying it needs the header row', () => {
    const e = cellError(() => drift('VTI' as never, targets, null as never, null as never, { parameterAddresses: ['Sheet1!C5'] } as never));
    expect(e.code).toBe('#VALUE!');
    expect(e.message).toMatch(/^Holdings, row 5: the first row has no recognisable header .*Holdings\[#All\]/);
  });

  it('reads the addresses Excel passes', () => {
    expect(firstRowOfAddress("'Q1 2026'!$A$12:$H$40")).toBe(12);
    expect(firstRowOfAddress('Sheet1!B7')).toBe(7);
    expect(firstRowOfAddress('Sheet1!$3:$40')).toBe(3);
    expect(firstRowOfAddress("'Whole columns'!A:H")).toBe(1);
    expect(firstRowOfAddress('')).toBeUndefined();
    expect(firstRowOfAddress(undefined)).toBeUndefined();
  });

  it('turns an unexpected failure into #VALUE! too, never an unhandled throw', () => {
    const e = cellError(() => drift([['Ticker', 'Shares', 'Price'], ['VTI', 1, 1]], [['Class', 'Target'], ['VTI', 1]], [['Key', 'Value'], ['Band', 'x']], null as never, {} as never));
    expect(e.code).toBe('#VALUE!');
    expect(e.message).toMatch(/^Settings, row 2, column Value: Band:/);
  });
});

describe('REBAL.DRIFT in formulas (HyperFormula)', () => {
  function workbook() {
    return formulaWorkbook({
      Holdings: [
        ['Account', 'Ticker', 'Class', 'Shares', 'Price'],
        ['Joint', 'VTI', 'US Stocks', 24, 250],
        ['IRA', 'BND', 'Bonds', 40, 100],
      ],
      Targets: [['Class', 'Target'], ['US Stocks', '60%'], ['Bonds', '40%']],
      Report: [['=REBAL.DRIFT(Holdings!A1:E3, Targets!A1:B3)']],
    });
  }
  const report = (hf: ReturnType<typeof workbook>) => hf.getSheetValues(hf.getSheetId('Report')!);

  it('spills the drift table from cells', () => {
    const hf = workbook();
    expect(report(hf)).toEqual([
      ['Class', 'Value', 'Weight', 'Target', 'Drift', 'Band', 'Status'],
      ['US Stocks', 6000, 0.6, 0.6, 0, 0.05, 'OK'],
      ['Bonds', 4000, 0.4, 0.4, 0, 0.05, 'OK'],
      ['Total', 10000, 1, 1, '', '', ''],
    ]);
  });

  it('recalculates the spill when a price changes', () => {
    const hf = workbook();
    hf.setCellContents({ sheet: hf.getSheetId('Holdings')!, row: 1, col: 4 }, 350); // VTI 24 × 350 = 8,400
    const values = report(hf);
    expect(values[1][0]).toBe('US Stocks');
    expect(values[1][1]).toBe(8400);
    expect(values[1][2]).toBeCloseTo(8400 / 12400, 10); // HyperFormula rounds results to 14 significant digits
    expect(values[1][6]).toBe('Over'); // 67.7% vs 60% ± 5 pp
    expect(values[2][6]).toBe('Under');
    expect(values[3][1]).toBe(12400);
  });

  it('takes a Settings range as the optional third argument', () => {
    const hf = workbook();
    hf.addSheet('Settings');
    hf.setSheetContent(hf.getSheetId('Settings')!, [['Key', 'Value'], ['Band', '1%']]);
    hf.setCellContents({ sheet: hf.getSheetId('Report')!, row: 0, col: 0 }, '=REBAL.DRIFT(Holdings!A1:E3, Targets!A1:B3, Settings!A1:B2)');
    expect(report(hf)[1][5]).toBe(0.01);
  });

  it('shows #VALUE! with the message, naming the sheet row, when a cell is bad', () => {
    const hf = workbook();
    hf.setCellContents({ sheet: hf.getSheetId('Holdings')!, row: 2, col: 3 }, 'forty');
    const value = hf.getCellValue({ sheet: hf.getSheetId('Report')!, row: 0, col: 0 }) as { type: string; message: string };
    expect(value.type).toBe('VALUE');
    expect(value.message).toBe('Holdings, row 3, column Shares: "forty" is not a number');
  });

  it('shows #VALUE! for targets that do not add up, giving the sum', () => {
    const hf = workbook();
    hf.setCellContents({ sheet: hf.getSheetId('Targets')!, row: 2, col: 1 }, '30%');
    const value = hf.getCellValue({ sheet: hf.getSheetId('Report')!, row: 0, col: 0 }) as { type: string; message: string };
    expect(value.type).toBe('VALUE');
    expect(value.message).toContain('the targets add up to 90%');
  });
});
