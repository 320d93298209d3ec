/**
 * Fidelity `Portfolio_Positions_Mmm-DD-YYYY.csv`: the header on line 1 (any of its three
 * generations: ≤2021 `Cost Basis`, 2023–26 `Cost Basis Total`, mid-2026 sentence case), one row per
 * position keyed by account number, then a blank line and the disclaimers and "Date downloaded".
 * Core cash is a symbol ending `**` (`SPAXX**`) or `***` (`USD***`); `Pending activity` (in Symbol or,
 * from December 2025, in Description) is not a holding; options have a leading `-` or a blank symbol.
 */
import { CsvRow, isBlankRow } from './csv';
import { BrokerFormat, findRow, requireCells } from './format';
import { isSummaryText, looksLikeOption } from './sink';
import { anyOf, Columns, rowHasColumns } from './values';

const isHeader = (row: CsvRow) => rowHasColumns(row, 'Symbol', 'Current Value', 'Last Price');
const PENDING = /^pending activity$/i;

export const fidelity: BrokerFormat = {
  broker: 'Fidelity',
  recognise: (rows) => findRow(rows, isHeader, 10) >= 0 && findRow(rows, (r) => rowHasColumns(r, anyOf('Account Number', 'Account Name', 'Description')), 10) >= 0,
  read(rows, sink) {
    const h = findRow(rows, isHeader, 10);
    const cols = new Columns(sink.file, rows[h].cells);
    const c = {
      number: cols.find('Account Number'),
      name: cols.find('Account Name'),
      symbol: cols.find('Symbol')!,
      description: cols.find('Description'),
      quantity: cols.find('Quantity'),
      price: cols.find('Last Price'),
      value: cols.find('Current Value')!,
      // ≤2021 "Cost Basis" is the total, beside "Cost Basis Per Share"; later files say "Cost Basis Total".
      basis: cols.find('Cost Basis Total', 'Cost Basis'),
    };
    const needed = Math.max(...Object.values(c).filter((i): i is number => i !== undefined)) + 1;
    for (let i = h + 1; i < rows.length && !isBlankRow(rows[i]); i++) {
      const row = rows[i];
      if (row.cells.length === 1) break; // a disclaimer or "Date downloaded" line without the blank line before it
      requireCells(row, needed, sink);
      const symbol = cols.text(row, c.symbol);
      const description = cols.text(row, c.description);
      if ((symbol !== null && PENDING.test(symbol)) || (description !== null && PENDING.test(description))) {
        sink.skip(row, `pending activity (${cols.text(row, c.value) ?? 'no amount'}) is not a holding`);
        continue;
      }
      if (looksLikeOption(row.cells[c.symbol] ?? '', description)) {
        sink.skipOption(row, symbol ?? description);
        continue;
      }
      const ticker = symbol ?? sink.fail(row, 'the row has no symbol');
      const numberText = cols.text(row, c.number);
      if (isSummaryText(ticker) || isSummaryText(numberText)) {
        sink.skipTotal(row, ticker);
        continue;
      }
      const account = sink.account(cols.text(row, c.name), numberText);
      if (/\*\*+$/.test(ticker)) {
        // Core cash: 2025–26 rows fill only the value; 2023 rows carry a quantity at $1.00 as well.
        const value = cols.cents(row, c.value) ?? cols.cents(row, c.quantity) ?? sink.fail(row, `the core cash ${ticker} has no value`);
        sink.cash(row, account, value);
        continue;
      }
      sink.position(row, {
        account,
        ticker,
        shares: cols.number(row, c.quantity),
        price: cols.number(row, c.price),
        value: cols.cents(row, c.value),
        costBasis: cols.cents(row, c.basis),
      });
    }
  },
};
