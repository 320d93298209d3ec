/**
 * E*TRADE / Morgan Stanley `PortfolioDownload.csv`: an `Account Summary` preamble whose row names
 * the account (`Individual Brokerage -1234`, the only place it is named), the filters, then the
 * positions header (`Symbol,Last Price $,…,Quantity,Price Paid $,…,Value $`). `CASH` is the cash; the
 * `TOTAL` row after it (its columns shifted) is a summary; then `Generated at …`. Price Paid is per
 * share, so a position's cost basis is Quantity × Price Paid, with no date.
 */
import { CsvRow, isBlankRow } from './csv';
import { BrokerFormat, findRow, requireCells } from './format';
import { isSummaryText, looksLikeOption } from './sink';
import { Columns, rowHasColumns, totalCents } from './values';

const isPositionsHeader = (row: CsvRow) => rowHasColumns(row, 'Symbol', 'Quantity', 'Price Paid', 'Value');
const isSummaryHeader = (row: CsvRow) => (row.cells[0] ?? '').toLowerCase() === 'account' && row.cells.length > 2;

export const etrade: BrokerFormat = {
  broker: 'E*TRADE',
  recognise: (rows) => findRow(rows, isPositionsHeader, 30) >= 0,
  read(rows, sink) {
    const h = findRow(rows, isPositionsHeader, 30);
    const summary = findRow(rows, isSummaryHeader, h);
    const named: CsvRow[] = [];
    if (summary >= 0) for (let i = summary + 1; i < h && !isBlankRow(rows[i]); i++) named.push(rows[i]);
    if (named.length > 1) {
      sink.fail(named[1], `the summary lists ${named.length} accounts but the positions do not say whose they are; download each account's positions on its own`);
    }
    const label = named[0]?.cells[0] ?? null;
    const digits = label === null ? null : (/-?\s*(\d{3,})\s*$/.exec(label)?.[1] ?? null);
    const number = digits === null ? null : `...${digits}`;
    if (label === null) sink.warn(null, 'the file has no Account Summary naming the account; its positions are imported as "E*TRADE"');
    const account = sink.account(label, number);
    const cols = new Columns(sink.file, rows[h].cells);
    const c = { symbol: cols.find('Symbol')!, quantity: cols.find('Quantity'), paid: cols.find('Price Paid'), price: cols.find('Last Price'), value: cols.find('Value')! };
    const needed = Math.max(...Object.values(c).filter((x): x is number => x !== undefined)) + 1;
    for (let i = h + 1; i < rows.length && !isBlankRow(rows[i]); i++) {
      const row = rows[i];
      const symbol = cols.text(row, c.symbol);
      if (symbol !== null && symbol.toUpperCase() === 'CASH') {
        const value = cols.cents(row, c.value) ?? sink.fail(row, 'the CASH row has no value');
        sink.cash(row, account, value);
        continue;
      }
      if (isSummaryText(symbol)) {
        sink.skipTotal(row, symbol);
        continue;
      }
      if (looksLikeOption(symbol)) {
        sink.skipOption(row, symbol);
        continue;
      }
      requireCells(row, needed, sink);
      const ticker = symbol ?? sink.fail(row, 'the row has no symbol');
      const shares = cols.number(row, c.quantity);
      sink.position(row, {
        account,
        ticker,
        shares,
        price: cols.number(row, c.price),
        value: cols.cents(row, c.value),
        costBasis: totalCents(shares, cols.number(row, c.paid)),
        basisFromPrice: true,
      });
    }
  },
};
