import { importFile, importFiles } from '../../src/engine';
import { exactCents } from '../../src/engine/import/values';
import { decimalToCents } from '../../src/engine/money';
import { fixtureText, readFixture } from './support';

describe('files that are refused, with one line naming the file (and line)', () => {
  it.each([
    ['bad/bank-statement.csv', /^bank-statement\.csv: not a positions export this importer knows \(Fidelity, Schwab/],
    ['bad/cut-in-quote.csv', /^cut-in-quote\.csv, line 3: the file ends inside a quoted cell that starts here; it looks cut off/],
    ['bad/cut-row.csv', /^cut-row\.csv, line 3: the row has 6 cells where 14 are expected; the file looks cut off/],
    ['bad/ibkr-german.csv', /^ibkr-german\.csv: the statement is not in English/],
    ['bad/statement.html', /^statement\.html, line 1: this is a web page \(HTML\), not a CSV/],
    ['bad/junk-number.csv', /^junk-number\.csv, line 2, column Quantity: "12 shares" is not a number$/],
  ])('%s', (name, message) => {
    expect(() => readFixture(name)).toThrow(message);
  });

  it('an empty file, and a broker header with no rows under it', () => {
    expect(() => importFile('empty.csv', '\ufeff\n\n')).toThrow('empty.csv: the file is empty');
    const headerOnly = fixtureText('fidelity-2026-08.csv').split('\n')[0];
    expect(() => importFile('header.csv', `${headerOnly}\n`)).toThrow(/^header\.csv: a Fidelity file with no positions in it/);
  });

  it('the same account in two files', () => {
    const text = fixtureText('schwab-2026.csv');
    expect(() => importFiles([{ name: 'a.csv', text }, { name: 'b.csv', text }])).toThrow('b.csv: Individual …678 is also in a.csv; import one file per account');
  });

  it('money in every form the brokers write it', () => {
    const header = 'Account,Ticker,Shares,Price,Value,Cost Basis';
    const rows = ['A,X1,1,"$1,234.56",,"$1,234.56 "', 'A,X2,1,+$1.00,,($1.00)', 'A,X3,1,.0066,,-$1.00', 'A,X4,1,2,,--', 'A,X5,1,2,,n/a', 'A,X6,1,2,,Incomplete'];
    const file = importFile('money.csv', [header, ...rows].join('\n'));
    expect(file.holdings.map((h) => [h.price, h.costBasis])).toEqual([
      [1234.56, 123456],
      [1, -100],
      [0.0066, -100],
      [2, null],
      [2, null],
      [2, null],
    ]);
  });
});

describe('amounts to the cent', () => {
  it('two decimals by integer arithmetic, finer ones rounded half-up, as decimal.js rounds them', () => {
    for (const text of ['0', '0.5', '12.34', '-12.34', '-0.00', '1234567890123.99', '0.005', '2.675', '-2.675', '12345678901234.5', '.0066']) {
      expect(exactCents(text)).toBe(decimalToCents(text));
    }
    expect(exactCents('2.675')).toBe(268);
    expect(exactCents('1234567890123.99')).toBe(123456789012399);
  });
});

describe('files whose positions cannot be put in one account', () => {
  it('an E*TRADE download whose summary lists two accounts (its positions do not say whose they are)', () => {
    const text = fixtureText('etrade-individual.csv').replace(
      '"Individual Brokerage -1234",26329.20,1735.98,7.07,-433.00,-1.62,12.20,12.20',
      '"Individual Brokerage -1234",26329.20,1735.98,7.07,-433.00,-1.62,12.20,12.20\n"Roth IRA -9876",1000.00,0,0,0,0,0,0',
    );
    expect(() => importFile('PortfolioDownload.csv', text)).toThrow(
      "PortfolioDownload.csv, line 4: the summary lists 2 accounts but the positions do not say whose they are; download each account's positions on its own",
    );
  });
});
