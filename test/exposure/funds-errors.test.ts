import { readHousehold } from '../../src/engine';
import type { Cell } from '../../src/engine';
import { holdingsTable, lot, table } from '../support/builders';

const read = (funds: Cell[][]) => () => readHousehold({ holdings: holdingsTable([lot('Joint', 'FUNDA', 1, 100)]), funds: table('Funds', funds) });

describe('a Funds table the engine refuses', () => {
  it('names a circle of funds and the row that closes it', () => {
    const funds = [
      ['Fund', 'Holding', 'Weight'],
      ['FUNDA', 'FUNDB', 0.5],
      ['FUNDA', 'AAPL', 0.5],
      ['FUNDB', 'FUNDA', 0.2],
    ];
    expect(read(funds)).toThrow('Funds, row 4, column Holding: FUNDA → FUNDB → FUNDA is a cycle');
  });

  it('names a longer circle whatever the case of its tickers', () => {
    const funds = [
      ['ETF', 'Ticker', 'Weight'],
      ['fundA', 'fundB', 0.5],
      ['FUNDB', 'FundC', 0.5],
      ['FUNDC', 'funda', 0.5],
    ];
    expect(read(funds)).toThrow('Funds, row 4, column Ticker: FUNDA → FUNDB → FUNDC → FUNDA is a cycle');
  });

  it('names a fund that holds itself', () => {
    expect(read([['Fund', 'Holding', 'Weight'], ['FUNDA', 'FUNDA', 0.1]])).toThrow('Funds, row 2, column Holding: FUNDA → FUNDA is a cycle');
  });

  it('names a fund whose weights add up to more than 100.5%', () => {
    expect(read([['Fund', 'Holding', 'Weight'], ['FUNDA', 'AAPL', '60%'], ['FUNDA', 'MSFT', '40.6%']])).toThrow(
      'Funds, row 2, column Weight: the weights of FUNDA add up to 100.60%, more than 100%',
    );
  });

  it('accepts weights up to 100.5% (issuers round)', () => {
    expect(read([['Fund', 'Holding', 'Weight'], ['FUNDA', 'AAPL', 60], ['FUNDA', 'MSFT', 40.5]])).not.toThrow();
  });

  it('names a blank weight, a negative one and a blank holding by row', () => {
    expect(read([['Fund', 'Holding', 'Weight'], ['FUNDA', 'AAPL', null]])).toThrow('Funds, row 2, column Weight: the weight of AAPL in FUNDA is blank');
    expect(read([['Fund', 'Holding', 'Weight'], ['FUNDA', 'AAPL', -0.1]])).toThrow('Funds, row 2, column Weight: the weight of AAPL in FUNDA is negative');
    expect(read([['Fund', 'Holding', 'Weight'], ['FUNDA', null, 0.1]])).toThrow('Funds, row 2, column Holding: a holding of FUNDA is blank');
  });

  it('says which column is missing', () => {
    expect(read([['Fund', 'Holding'], ['FUNDA', 'AAPL']])).toThrow('Funds, row 1, column Weight: no Weight column');
  });
});
