/**
 * Vanguard `OfxDownload.csv`: holdings sections first (`Account Number,Investment Name,Symbol,Shares,
 * Share Price,Total Value,`; mutual-fund-only and 529 accounts `Fund Account Number,Fund Name,Price,
 * Shares,Total Value`; 401(k) plans `Plan Number,Plan Name,Fund Name,Shares,Price,Total Value`), each
 * account followed by a blank line, then the transactions, which are not read (a 401(k) plan's
 * holdings may follow them). The settlement fund
 * (VMFXX) is the account's cash. The file names no account and has no cost basis.
 */
import { CsvRow, isBlankRow } from './csv';
import { BrokerFormat, findRow, requireCells } from './format';
import { isSummaryText } from './sink';
import { anyOf, Columns, rowHasColumns } from './values';

const isHoldingsHeader = (row: CsvRow) =>
  rowHasColumns(row, anyOf('Account Number', 'Fund Account Number', 'Plan Number'), anyOf('Investment Name', 'Fund Name'), 'Shares', 'Total Value');
/** The transactions (and the 401(k) activity) follow the holdings: nothing after their header is a position. */
const isTransactionsHeader = (row: CsvRow) => rowHasColumns(row, 'Account Number', 'Trade Date');
const SETTLEMENT_FUND = 'VMFXX';
const SETTLEMENT_NAME = /federal money market/i;

type Column = 'number' | 'plan' | 'name' | 'symbol' | 'shares' | 'price' | 'value';

/** One holdings section's columns: each layout has its own header. */
interface Section {
  readonly cols: Columns;
  readonly c: Readonly<Record<Column, number | undefined>>;
  readonly needed: number;
}

function sectionOf(file: string, header: readonly string[]): Section {
  const cols = new Columns(file, header);
  const c = {
    number: cols.find('Account Number', 'Fund Account Number', 'Plan Number'),
    plan: cols.find('Plan Name'),
    name: cols.find('Investment Name', 'Fund Name'),
    symbol: cols.find('Symbol'),
    shares: cols.find('Shares'),
    price: cols.find('Share Price', 'Price'),
    value: cols.find('Total Value'),
  };
  return { cols, c, needed: Math.max(...Object.values(c).filter((x): x is number => x !== undefined)) + 1 };
}

export const vanguard: BrokerFormat = {
  broker: 'Vanguard',
  recognise: (rows) => findRow(rows, isHoldingsHeader, 5) >= 0,
  read(rows, sink) {
    let section: Section | null = null;
    let namedByFund = false;
    for (const row of rows) {
      if (isTransactionsHeader(row)) {
        section = null; // transactions, until the next holdings section (a 401(k) plan's comes after the brokerage's)
        continue;
      }
      if (isBlankRow(row)) continue;
      if (isHoldingsHeader(row)) {
        section = sectionOf(sink.file, row.cells);
        continue;
      }
      if (!section) continue;
      const { cols, c } = section;
      requireCells(row, section.needed, sink);
      const number = cols.text(row, c.number);
      const fundName = cols.text(row, c.name);
      if (isSummaryText(number) || isSummaryText(fundName)) {
        sink.skipTotal(row, number ?? fundName);
        continue;
      }
      // Only a 401(k) plan is named in the file; other accounts are known by their number alone.
      const account = sink.account(cols.text(row, c.plan), number ?? sink.fail(row, 'the row has no account number'));
      const symbol = cols.text(row, c.symbol);
      const value = cols.cents(row, c.value);
      if (symbol?.toUpperCase() === SETTLEMENT_FUND || (symbol === null && fundName !== null && SETTLEMENT_NAME.test(fundName))) {
        const shares = cols.number(row, c.shares);
        const cash = value ?? (shares === null ? null : cols.cents(row, c.shares)) ?? sink.fail(row, 'the settlement fund has no value');
        sink.cash(row, account, cash);
        continue;
      }
      // Mutual-fund-only, 529 and 401(k) layouts have no symbol: the fund is known by its name.
      const ticker = symbol ?? fundName ?? sink.fail(row, 'the row has neither a symbol nor a fund name');
      if (symbol === null && !namedByFund) {
        namedByFund = true;
        sink.warn(row, 'this layout has no ticker symbols, so its funds are named by their fund names (give them the same names in your Holdings and Targets, or replace them by tickers)');
      }
      sink.position(row, { account, ticker, shares: cols.number(row, c.shares), price: cols.number(row, c.price), value });
    }
  },
};
