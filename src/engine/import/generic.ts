/**
 * Any CSV whose header row names the Holdings columns (Ticker or Symbol, with Shares and Price or a
 * Value; Account, Cost Basis and Acquired when present): the user's own export, or a broker this
 * importer does not know by name. The header may follow a few title lines; the rows end at the first
 * blank line. Account names are kept as written (`Portfolio` when there is no Account column).
 */
import { HOLDINGS_COLUMNS } from '../holdings';
import { headerColumns } from '../table';
import { CASH_TICKER } from '../model';
import { CsvRow, isBlankRow } from './csv';
import { BrokerFormat, findRow, requireCells } from './format';
import { isSummaryText, looksLikeOption } from './sink';
import { Columns } from './values';

function holdingsHeader(row: CsvRow): boolean {
  const found = headerColumns(row.cells, HOLDINGS_COLUMNS);
  return found.ticker !== undefined && (found.value !== undefined || (found.shares !== undefined && found.price !== undefined));
}

export const genericCsv: BrokerFormat = {
  broker: 'CSV',
  recognise: (rows) => findRow(rows, holdingsHeader, 20) >= 0,
  read(rows, sink) {
    const h = findRow(rows, holdingsHeader, 20);
    const found = headerColumns(rows[h].cells, HOLDINGS_COLUMNS);
    const cols = new Columns(sink.file, rows[h].cells);
    const number = cols.find('Account Number', 'Number');
    const needed = Math.max(...Object.values(found).filter((x): x is number => x !== undefined)) + 1;
    for (let i = h + 1; i < rows.length && !isBlankRow(rows[i]); i++) {
      const row = rows[i];
      const ticker = cols.text(row, found.ticker);
      const accountName = cols.text(row, found.account);
      const assetClass = cols.text(row, found.assetClass);
      if (isSummaryText(ticker) || isSummaryText(accountName)) {
        sink.skipTotal(row, ticker ?? accountName);
        continue;
      }
      requireCells(row, needed, sink);
      if (looksLikeOption(ticker)) {
        sink.skipOption(row, ticker);
        continue;
      }
      const isCash = ticker?.toUpperCase() === CASH_TICKER || (ticker === null && assetClass?.toLowerCase() === 'cash');
      if (ticker === null && !isCash) sink.fail(row, 'the row has no ticker');
      if (found.account !== undefined && accountName === null) sink.fail(row, 'the account is blank');
      const account = sink.account(accountName, cols.text(row, number));
      const shares = cols.number(row, found.shares);
      const price = cols.number(row, found.price);
      if (isCash) {
        const value = cols.cents(row, found.value) ?? (shares === null ? null : cols.cents(row, found.shares)) ?? sink.fail(row, 'the cash row has no value');
        sink.cash(row, account, value);
        continue;
      }
      sink.position(row, {
        account,
        ticker: ticker!,
        shares,
        price,
        value: cols.cents(row, found.value),
        costBasis: cols.cents(row, found.costBasis),
        acquired: cols.date(row, found.acquired),
      });
    }
  },
};
