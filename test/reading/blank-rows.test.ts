/**
 * A blank row inside a range passed to a REBAL function — a spacer row, a deleted holding — is skipped,
 * as the command line skips it, whichever way Excel sends the blanks (null, "" or the 0 of older
 * builds): every function gives the same answer as for the range without it.
 */
import { formulaWorkbook, loadFormulaSolver } from '../support/hyperformula-host';

type Blank = null | '' | 0;

function sheets(blank: Blank | 'none') {
  const gap = (width: number) => (blank === 'none' ? [] : [Array.from({ length: width }, () => blank)]);
  return {
    Holdings: [
      ['Account', 'Ticker', 'Class', 'Shares', 'Price', 'Value', 'Cost Basis', 'Acquired'],
      ['Joint', 'VTI', 'US Stocks', 24, 250, null, 5000, '2020-01-02'],
      ...gap(8),
      ['IRA', 'BND', 'Bonds', 40, 100, null, null, null],
      ['IRA', 'CASH', 'Cash', null, null, 500, null, null],
      ...gap(8),
    ],
    Targets: [['Class', 'Target', 'Band'], ['US Stocks', 0.6, null], ...gap(3), ['Bonds', 0.4, null]],
    Accounts: [['Account', 'Type', 'Contribution'], ['Joint', 'Taxable', null], ...gap(3), ['IRA', 'IRA', 100]],
    Settings: [['Key', 'Value'], ['Band', 0.05], ...gap(2), ['MinTrade', 10], ['AsOf', '2026-11-21']],
    Funds: [['Fund', 'Holding', 'Weight'], ['VTI', 'AAPL', 0.06], ...gap(3), ['VTI', 'MSFT', 0.05]],
  };
}

const ref = (rows: unknown[][], name: string) => `${name}!A1:${String.fromCharCode(64 + rows[0].length)}${rows.length}`;

function results(blank: Blank | 'none') {
  const s = sheets(blank);
  const [h, t, a, st, f] = [ref(s.Holdings, 'Holdings'), ref(s.Targets, 'Targets'), ref(s.Accounts, 'Accounts'), ref(s.Settings, 'Settings'), ref(s.Funds, 'Funds')];
  const formulas: Record<string, string> = {
    drift: `=REBAL.DRIFT(${h}, ${t}, ${st})`,
    exposure: `=REBAL.EXPOSURE(${h}, ${f})`,
    trades: `=REBAL.TRADES(${h}, ${t}, ${a}, ${st})`,
    due: `=REBAL.DUE(${h}, ${t}, ${st})`,
  };
  const hf = formulaWorkbook({ ...s, ...Object.fromEntries(Object.entries(formulas).map(([k, f]) => [k, [[f]]])) });
  return Object.fromEntries(Object.keys(formulas).map((k) => [k, hf.getSheetValues(hf.getSheetId(k)!)]));
}

describe('a blank row inside a range', () => {
  beforeAll(() => loadFormulaSolver('2026-11-21'));

  it.each([['null', null], ['""', ''], ['0', 0]] as const)('sent as %s is skipped by every function', (_name, blank) => {
    const without = results('none');
    expect(without.drift[0][0]).toBe('Class');
    expect(without.trades[0][0]).toBe('Account');
    expect(String(without.due[0][0])).toMatch(/^(Not due|Due):/);
    expect(results(blank)).toEqual(without);
  });
});
