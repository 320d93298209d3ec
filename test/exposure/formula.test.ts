import { formulaWorkbook } from '../support/hyperformula-host';

/** A workbook as a user lays it out: Holdings and Funds on their own sheets, the formula on a third. */
function workbook(formula: string) {
  return formulaWorkbook({
    Holdings: [
      ['Account', 'Ticker', 'Shares', 'Price', 'Value'],
      ['Joint', 'AAPL', 10, 200, null],
      ['Joint', 'qqq', 4, 500, null],
      ['IRA', 'CASH', null, null, 300],
    ],
    Funds: [
      ['ETF', 'Ticker', 'Weight (%)'],
      ['QQQ', 'AAPL', 10],
      ['QQQ', 'MSFT', 9],
    ],
    Report: [[formula]],
  });
}

const report = (hf: ReturnType<typeof workbook>) => hf.getSheetValues(hf.getSheetId('Report')!);

describe('=REBAL.EXPOSURE in a formula engine', () => {
  it('spills Holding | Direct | Via funds | Total | Weight | Via, largest first, with a Total row', () => {
    const hf = workbook('=REBAL.EXPOSURE(Holdings!A1:E4, Funds!A1:C3)');
    expect(report(hf)).toEqual([
      ['Holding', 'Direct', 'Via funds', 'Total', 'Weight', 'Via'],
      ['AAPL', 2000, 200, 2200, expect.closeTo(2200 / 4300, 10), 'QQQ $200.00'],
      ['Other (QQQ)', 0, 1620, 1620, expect.closeTo(1620 / 4300, 10), 'QQQ $1,620.00'],
      ['CASH', 300, 0, 300, expect.closeTo(300 / 4300, 10), ''],
      ['MSFT', 0, 180, 180, expect.closeTo(180 / 4300, 10), 'QQQ $180.00'],
      ['Total', 2300, 2000, 4300, 1, ''],
    ]);
  });

  it('shows only the top rows and sums the others', () => {
    const hf = workbook('=REBAL.EXPOSURE(Holdings!A1:E4, Funds!A1:C3, 2)');
    expect(report(hf).map((row) => [row[0], row[3]])).toEqual([
      ['Holding', 'Total'],
      ['AAPL', 2200],
      ['Other (QQQ)', 1620],
      ['Others (2)', 480],
      ['Total', 4300],
    ]);
  });

  it('recalculates the spill when a price changes', () => {
    const hf = workbook('=REBAL.EXPOSURE(Holdings!A1:E4, Funds!A1:C3)');
    hf.setCellContents({ sheet: hf.getSheetId('Holdings')!, row: 2, col: 3 }, 1000);
    expect(report(hf)[1]).toEqual(['Other (QQQ)', 0, 3240, 3240, expect.closeTo(3240 / 6300, 10), 'QQQ $3,240.00']);
  });

  it('shows #VALUE! naming the row of a circle of funds', () => {
    const hf = workbook('=REBAL.EXPOSURE(Holdings!A1:E4, Funds!A1:C3)');
    hf.setCellContents({ sheet: hf.getSheetId('Funds')!, row: 2, col: 1 }, 'QQQ');
    const cell = hf.getCellValue({ sheet: hf.getSheetId('Report')!, row: 0, col: 0 }) as { type: string; message: string };
    expect(cell.type).toBe('VALUE');
    expect(cell.message).toBe('Funds, row 3, column Ticker: QQQ → QQQ is a cycle: a fund cannot hold itself, directly or through other funds');
  });

  it('refuses a top that is not a whole number', () => {
    const hf = workbook('=REBAL.EXPOSURE(Holdings!A1:E4, Funds!A1:C3, 1.5)');
    const cell = hf.getCellValue({ sheet: hf.getSheetId('Report')!, row: 0, col: 0 }) as { type: string; message: string };
    expect(cell.message).toBe('REBAL.EXPOSURE, column top: 1.5 is not a whole number of holdings to show');
  });
});
