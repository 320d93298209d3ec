/**
 * Interactive Brokers Activity Statement CSV: every row is `Section,RowType,…`, and a `Header` (or
 * `Headers`) row names the columns of the `Data` rows after it, again each time the asset category
 * changes. Open Positions (or the older Long/Short Open Positions) has `Summary` rows and, when the
 * statement was run with lots, `Lot` rows carrying each lot's open date and cost: lots are imported
 * when a position has them, else its summary. Cash is `Cash Report`'s Ending Cash (the base-currency
 * summary when there is one), else `Net Asset Value`'s `Cash ` line.
 */
import { CsvRow } from './csv';
import { BrokerFormat } from './format';
import { ImportSink } from './sink';
import { Columns } from './values';
import { Cents } from '../money';

const ROW_TYPES = new Set(['header', 'headers', 'data', 'total', 'subtotal', 'notes']);
const isStatementRow = (row: CsvRow) => row.cells.length >= 2 && ROW_TYPES.has(row.cells[1].toLowerCase());
const POSITIONS = /^(long |short )?open positions$/i;
/** Stocks, ETFs, funds and bonds are rebalanced; options, futures and currencies are not. */
const NOT_REBALANCED = /option|future|forex|cfd|warrant|crypto/i;

interface Section {
  readonly name: string;
  readonly cols: Columns;
}

export const ibkrStatement: BrokerFormat = {
  broker: 'Interactive Brokers',
  // The first line is a `Statement,Header,…` (in whatever language the statement is in).
  recognise: (rows) => {
    const first = rows.find((r) => r.cells.length > 0);
    return (first !== undefined && isStatementRow(first) && /^headers?$/i.test(first.cells[1])) || rows.some((r) => isStatementRow(r) && POSITIONS.test(r.cells[0]));
  },
  read(rows, sink) {
    const sections = new Map<string, Section>();
    const info = new Map<string, string>();
    const positions: CsvRow[] = [];
    const cashRows: CsvRow[] = [];
    for (const row of rows) {
      if (!isStatementRow(row)) continue;
      const [section, type] = [row.cells[0], row.cells[1].toLowerCase()];
      if (type === 'header' || type === 'headers') {
        sections.set(section, { name: section, cols: new Columns(sink.file, row.cells) });
        continue;
      }
      if (/^account information$/i.test(section) && type === 'data') info.set(row.cells[2].toLowerCase(), row.cells[3] ?? '');
      else if (POSITIONS.test(section)) {
        if (type === 'data') positions.push(row);
        else sink.skip(row, `the ${row.cells[1]} line of ${section} is not a holding`);
      } else if (/^(cash report|net asset value)$/i.test(section) && type === 'data') cashRows.push(row);
    }
    if (positions.length === 0 && cashRows.length === 0) {
      const localised = rows.some((r) => isStatementRow(r) && /position/i.test(r.cells[0]));
      sink.fail(null, localised ? 'the statement is not in English (its sections are named in another language); run it again with English as the statement language' : 'the statement has no Open Positions section (run the Activity Statement with positions)');
    }
    const number = info.get('account') ?? null;
    const account = sink.account(info.get('account type') ?? info.get('name') ?? null, number);
    readPositions(positions, sections, account, sink);
    readCash(cashRows, sections, account, sink);
  },
};

function readPositions(rows: readonly CsvRow[], sections: ReadonlyMap<string, Section>, account: string, sink: ImportSink): void {
  // A position with lots is imported as its lots; the lots are told apart from the summary by DataDiscriminator.
  const withLots = new Set<string>();
  for (const row of rows) {
    const cols = sections.get(row.cells[0])!.cols;
    if (cols.text(row, cols.find('DataDiscriminator'))?.toLowerCase() === 'lot') withLots.add(cols.text(row, cols.find('Symbol')) ?? '');
  }
  for (const row of rows) {
    const section = sections.get(row.cells[0]);
    if (!section) sink.fail(row, `a ${row.cells[0]} line before its Header line`);
    const cols = section.cols;
    const kind = cols.text(row, cols.find('DataDiscriminator'))?.toLowerCase() ?? 'summary';
    const symbol = cols.text(row, cols.find('Symbol'));
    const category = cols.text(row, cols.find('Asset Category')) ?? '';
    if (symbol === null) sink.fail(row, 'the position has no symbol');
    if (NOT_REBALANCED.test(category)) {
      if (kind !== 'lot') sink.warn(row, `${symbol} (${category}) is not imported (options, futures and currencies are not rebalanced)`);
      continue;
    }
    if (kind === 'summary' && withLots.has(symbol)) continue; // its lots follow
    const currency = cols.text(row, cols.find('Currency'));
    if (currency !== null && currency.toUpperCase() !== 'USD' && kind !== 'lot') {
      sink.warn(row, `${symbol} is priced in ${currency}; its price and value are imported as written, not converted`);
    }
    const shares = cols.number(row, cols.find('Quantity'));
    sink.position(row, {
      account,
      ticker: symbol,
      shares,
      price: cols.number(row, cols.find('Close Price')),
      value: cols.cents(row, cols.find('Value')),
      costBasis: cols.cents(row, cols.find('Cost Basis')),
      acquired: kind === 'lot' ? cols.date(row, cols.find('Open', 'Date Acquired')) : null,
    });
  }
}

function readCash(rows: readonly CsvRow[], sections: ReadonlyMap<string, Section>, account: string, sink: ImportSink): void {
  const report: { row: CsvRow; currency: string; total: Cents | null }[] = [];
  let nav: { row: CsvRow; total: Cents | null } | null = null;
  for (const row of rows) {
    const cols = sections.get(row.cells[0])?.cols;
    if (!cols) continue;
    if (/^cash report$/i.test(row.cells[0])) {
      if (cols.text(row, cols.find('Currency Summary'))?.toLowerCase() !== 'ending cash') continue;
      report.push({ row, currency: cols.text(row, cols.find('Currency')) ?? '', total: cols.cents(row, cols.find('Total')) });
    } else if (cols.text(row, cols.find('Asset Class'))?.toLowerCase() === 'cash') {
      nav = { row, total: cols.cents(row, cols.find('Current Total', 'Total')) };
    }
  }
  const base = report.find((r) => /base currency/i.test(r.currency)) ?? (report.length === 1 ? report[0] : undefined);
  if (base && base.total !== null) return sink.cash(base.row, account, base.total);
  if (report.length > 1) {
    const usd = report.find((r) => r.currency.toUpperCase() === 'USD');
    sink.warn(report[0].row, `cash is held in ${report.map((r) => r.currency).join(', ')} with no base-currency summary; only the USD cash is imported`);
    if (usd?.total != null) sink.cash(usd.row, account, usd.total);
    return;
  }
  if (nav && nav.total !== null) sink.cash(nav.row, account, nav.total);
}
