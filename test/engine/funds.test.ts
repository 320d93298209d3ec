import { InputError } from '../../src/engine';
import type { Cell } from '../../src/engine';
import { parseFunds } from '../../src/engine/funds';
import { parseIdentical } from '../../src/engine/identical';
import { table } from '../support/builders';

const funds = (rows: Cell[][], header: Cell[] = ['Fund', 'Holding', 'Weight']) => parseFunds(table('Funds', [header, ...rows]));

describe('Funds', () => {
  it('reads each fund’s weights as fractions, percent strings or percent numbers, told apart per fund', () => {
    const w = funds([
      ['qqq', 'aapl', '8.9%'],
      ['QQQ', 'MSFT', '8.1%'],
      ['VTI', 'AAPL', 6.5],
      ['VTI', 'MSFT', 6],
      ['VTI', 'NVDA', 87.5],
      ['SPY', 'AAPL', 0.07],
    ]);
    const expected: [string, string, number][] = [
      ['QQQ', 'AAPL', 0.089],
      ['QQQ', 'MSFT', 0.081],
      ['VTI', 'AAPL', 0.065],
      ['VTI', 'MSFT', 0.06],
      ['VTI', 'NVDA', 0.875],
      ['SPY', 'AAPL', 0.07],
    ];
    expect(w.map((x) => [x.fund, x.holding, x.weight])).toEqual(expected.map(([f, h, weight]) => [f, h, expect.closeTo(weight, 15)]));
  });

  it('accepts an issuer’s header and rounding up to 100.5%', () => {
    const w = funds([['VXUS', 'TSM', 60.3], ['VXUS', 'ASML', 40.1]], ['ETF', 'Holding Ticker', '% of Net Assets']);
    expect(w.map((x) => x.weight)).toEqual([expect.closeTo(0.603, 15), expect.closeTo(0.401, 15)]);
  });

  it('refuses weights over 100.5%, naming the fund and its first row', () => {
    expect(() => funds([['VTI', 'AAPL', 60], ['VTI', 'MSFT', 41]])).toThrow(
      new InputError({ table: 'Funds', row: 2, column: 'Weight' }, 'the weights of VTI add up to 101.00%, more than 100%'),
    );
  });

  it.each<[Cell[][], string]>([
    [[['VTI', null, 0.5]], 'Funds, row 2, column Holding: a holding of VTI is blank'],
    [[['VTI', 'AAPL', null]], 'Funds, row 2, column Weight: the weight of AAPL in VTI is blank'],
    [[['VTI', 'AAPL', -0.1]], 'Funds, row 2, column Weight: the weight of AAPL in VTI is negative'],
  ])('names the row and column of a bad row', (rows, message) => {
    expect(() => funds(rows)).toThrow(message);
  });
});

describe('Identical', () => {
  it('maps tickers to their group, case-insensitively', () => {
    const g = parseIdentical(table('Identical', [['Ticker', 'Group'], ['voo', 'S&P 500'], ['IVV', 's&p 500'], ['VOO', 'S&P 500']]));
    expect([...g]).toEqual([['VOO', 's&p 500'], ['IVV', 's&p 500']]);
  });

  it('refuses a ticker put in two groups', () => {
    expect(() => parseIdentical(table('Identical', [['Symbol', 'Same As'], ['VOO', 'S&P 500'], ['VOO', 'Total Market']]))).toThrow(
      /^Identical, row 3, column Same As: VOO is already in group s&p 500$/,
    );
  });
});
