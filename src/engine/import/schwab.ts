/**
 * Schwab positions, per account or All-Accounts, in each layout: legacy (every cell quoted, padded to
 * 17 cells, a title line then the header), 2024–25 abbreviated headers (`Qty (Quantity)`), 2026
 * customisable columns with a trailing comma (so every column is found by name). The title names
 * the account (`Positions for account Individual ...234 as of …`); in the All-Accounts file a label
 * row (`Individual ...321`) starts each account's block. `Cash & Cash Investments` is the cash;
 * `Account Total` and `Positions Total` are summaries.
 */
import { CsvRow, isBlankRow } from './csv';
import { BrokerFormat, findRow, requireCells } from './format';
import { ImportSink, isSummaryText, looksLikeOption } from './sink';
import { anyOf, Columns, rowHasColumns } from './values';

const TITLE = /^"?Positions for (?:account )?(.*?) as of /i;
const isHeader = (row: CsvRow) => rowHasColumns(row, 'Symbol', anyOf('Market Value', 'Mkt Val'));
const CASH_ROW = /^cash & cash investments$/i;
/** "Individual ...321", "Joint_Tenant ...987": a name and masked digits, alone on its row. */
const ACCOUNT_LABEL = /^(.*?)\s*(?:\.{3}|…|XXXX-?)(\d{3,})$/i;

function splitLabel(text: string): { name: string; number: string | null } {
  const m = ACCOUNT_LABEL.exec(text.trim());
  return m ? { name: m[1].trim(), number: `...${m[2]}` } : { name: text.trim(), number: null };
}

export const schwab: BrokerFormat = {
  broker: 'Schwab',
  recognise: (rows) => findRow(rows, (r) => TITLE.test(r.cells[0] ?? ''), 3) >= 0 && findRow(rows, isHeader, 12) >= 0,
  read(rows, sink) {
    const title = TITLE.exec(rows[findRow(rows, (r) => TITLE.test(r.cells[0] ?? ''), 3)].cells[0])!;
    const allAccounts = /^(all-accounts|custaccs)\b/i.test(title[1]);
    let current: string | null = allAccounts ? null : accountOf(sink, title[1]);
    let cols: Columns | null = null;
    let needed = 0;
    let c: Record<'symbol' | 'description' | 'quantity' | 'price' | 'value' | 'basis' | 'type', number | undefined> | null = null;
    for (let i = 1; i < rows.length; i++) {
      const row = rows[i];
      if (isBlankRow(row)) {
        cols = null; // a block ends at its blank line; the next starts with a label or a header
        continue;
      }
      if (isHeader(row)) {
        cols = new Columns(sink.file, row.cells);
        c = {
          symbol: cols.find('Symbol'),
          description: cols.find('Description'),
          quantity: cols.find('Quantity', 'Qty'),
          price: cols.find('Price'),
          value: cols.find('Market Value', 'Mkt Val'),
          basis: cols.find('Cost Basis'),
          type: cols.find('Security Type', 'Asset Type'),
        };
        needed = Math.max(...Object.values(c).filter((x): x is number => x !== undefined)) + 1;
        continue;
      }
      if (!cols || !c) {
        if (allAccounts && row.cells.length === 1) current = accountOf(sink, row.cells[0]);
        continue; // the title, or a footnote after the last block
      }
      const account = current ?? sink.fail(row, 'a position before any account label (an All-Accounts file whose account rows are missing)');
      const symbol = cols.text(row, c.symbol);
      if (symbol !== null && CASH_ROW.test(symbol)) {
        const value = cols.cents(row, c.value) ?? sink.fail(row, 'Cash & Cash Investments has no market value');
        sink.cash(row, account, value);
        continue;
      }
      if (isSummaryText(symbol)) {
        sink.skipTotal(row, symbol);
        continue;
      }
      requireCells(row, needed, sink);
      const type = cols.text(row, c.type);
      if (looksLikeOption(symbol) || (type !== null && /option/i.test(type))) {
        sink.skipOption(row, symbol);
        continue;
      }
      sink.position(row, {
        account,
        ticker: symbol ?? sink.fail(row, 'the row has no symbol'),
        shares: cols.number(row, c.quantity),
        price: cols.number(row, c.price),
        value: cols.cents(row, c.value),
        costBasis: cols.cents(row, c.basis),
      });
    }
  },
};

function accountOf(sink: ImportSink, text: string): string {
  const { name, number } = splitLabel(text);
  return sink.account(name, number);
}
