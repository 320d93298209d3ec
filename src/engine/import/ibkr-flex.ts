/**
 * Interactive Brokers Flex Query CSV: columns the user chose, by their attribute names. Each section
 * has its own header row; with trailer records on, rows are tagged (`"HEADER","POST",…`,
 * `"DATA","POST",…`, `BOF`/`BOS`/`EOS`/`EOF`) and the two tags are dropped. Open Positions is the
 * section with Symbol, Quantity and PositionValue or MarkPrice; LevelOfDetail tells `SUMMARY` from
 * `LOT` rows (lots are imported when a position has them); cash is the `CRTT` section's EndingCash.
 */
import { CsvRow, isBlankRow } from './csv';
import { BrokerFormat, requireCells } from './format';
import { ImportSink } from './sink';
import { anyOf, Columns, rowHasColumns } from './values';

const TAGS = new Set(['BOF', 'BOA', 'BOS', 'HEADER', 'DATA', 'EOS', 'EOA', 'EOF']);
const isPositionsHeader = (row: CsvRow) => rowHasColumns(row, 'Symbol', 'Quantity', anyOf('PositionValue', 'MarkPrice')) && !rowHasColumns(row, anyOf('TradeDate', 'DateTime'));
const isCashHeader = (row: CsvRow) => rowHasColumns(row, 'EndingCash');
const isAccountIdHeader = (cell: string) => cell.length === 15 && cell.toLowerCase() === 'clientaccountid';
const NOT_REBALANCED = new Set(['OPT', 'FOP', 'FUT', 'CASH', 'WAR', 'CFD', 'CRYPTO']);

/** A row without its trailer tags; tagged BOF/BOS/EOS/EOF rows carry no data and come back null. */
function untagged(row: CsvRow): CsvRow | null {
  const tag = row.cells[0]?.toUpperCase();
  if (!TAGS.has(tag)) return row;
  if (tag !== 'HEADER' && tag !== 'DATA') return null;
  return { line: row.line, cells: row.cells.slice(2), width: row.width - 2 };
}

export const ibkrFlex: BrokerFormat = {
  broker: 'Interactive Brokers',
  // A section's header names ClientAccountID (asked first: it rules out every other broker's rows cheaply).
  recognise: (rows) =>
    rows.some((r) => {
      const u = untagged(r);
      return u !== null && u.cells.some(isAccountIdHeader) && (isPositionsHeader(u) || isCashHeader(u));
    }),
  read(rows, sink) {
    let cols: Columns | null = null;
    let kind: 'positions' | 'cash' | 'other' = 'other';
    const positions: { row: CsvRow; cols: Columns }[] = [];
    const cash: { row: CsvRow; cols: Columns }[] = [];
    for (const raw of rows) {
      const row = untagged(raw);
      if (row === null || isBlankRow(row)) continue;
      if (row.cells.some(isAccountIdHeader) || isPositionsHeader(row) || isCashHeader(row)) {
        cols = new Columns(sink.file, row.cells);
        kind = isPositionsHeader(row) ? 'positions' : isCashHeader(row) ? 'cash' : 'other';
        continue;
      }
      if (cols && kind === 'positions') positions.push({ row, cols });
      else if (cols && kind === 'cash') cash.push({ row, cols });
    }
    if (positions.length === 0) sink.fail(null, 'the Flex Query has no Open Positions rows (add the Open Positions section to the query)');
    const lotted = new Set<string>();
    for (const { row, cols: c } of positions) {
      if (c.text(row, c.find('LevelOfDetail'))?.toUpperCase() === 'LOT') lotted.add(`${c.text(row, c.find('ClientAccountID'))}\u0000${c.text(row, c.find('Symbol'))}`);
    }
    for (const { row, cols: c } of positions) {
      requireCells(row, c.header.length, sink);
      const number = c.text(row, c.find('ClientAccountID'));
      const symbol = c.text(row, c.find('Symbol')) ?? sink.fail(row, 'the position has no Symbol');
      const detail = c.text(row, c.find('LevelOfDetail'))?.toUpperCase() ?? 'SUMMARY';
      const assetClass = c.text(row, c.find('AssetClass'))?.toUpperCase() ?? 'STK';
      if (NOT_REBALANCED.has(assetClass)) {
        if (detail !== 'LOT') sink.warn(row, `${symbol} (${assetClass}) is not imported (options, futures and currencies are not rebalanced)`);
        continue;
      }
      if (detail === 'SUMMARY' && lotted.has(`${number}\u0000${symbol}`)) continue;
      const account = sink.account(c.text(row, c.find('AccountAlias')), number);
      sink.position(row, {
        account,
        ticker: symbol,
        shares: c.number(row, c.find('Quantity')),
        price: c.number(row, c.find('MarkPrice')),
        value: c.cents(row, c.find('PositionValue')),
        costBasis: c.cents(row, c.find('CostBasisMoney')),
        acquired: detail === 'LOT' ? c.date(row, c.find('OpenDateTime', 'OpenDate', 'HoldingPeriodDateTime')) : null,
      });
    }
    readCash(cash, sink);
  },
};

/** One EndingCash per account: the BASE_SUMMARY row when the query has one, else the USD row. */
function readCash(rows: readonly { row: CsvRow; cols: Columns }[], sink: ImportSink): void {
  const byAccount = new Map<string, { row: CsvRow; cols: Columns; currency: string }[]>();
  for (const r of rows) {
    const number = r.cols.text(r.row, r.cols.find('ClientAccountID')) ?? '';
    const list = byAccount.get(number) ?? [];
    list.push({ ...r, currency: (r.cols.text(r.row, r.cols.find('CurrencyPrimary', 'Currency')) ?? '').toUpperCase() });
    byAccount.set(number, list);
  }
  for (const [number, list] of byAccount) {
    const chosen = list.find((r) => r.currency === 'BASE_SUMMARY') ?? list.find((r) => r.currency === 'USD') ?? (list.length === 1 ? list[0] : undefined);
    if (!chosen) {
      sink.warn(list[0].row, `account ${number} holds cash only in ${list.map((r) => r.currency).join(', ')}; it is not imported`);
      continue;
    }
    const value = chosen.cols.cents(chosen.row, chosen.cols.find('EndingCash'));
    if (value !== null) sink.cash(chosen.row, sink.account(chosen.cols.text(chosen.row, chosen.cols.find('AccountAlias')), number || null), value);
  }
}
