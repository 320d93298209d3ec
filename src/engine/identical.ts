/**
 * Identical (Ticker | Group) → ticker → group: tickers the user treats as substantially identical for
 * the wash-sale rule. A ticker not listed is identical only to itself.
 */
import { ColumnSpec, TableInput, TableReader } from './table';

type IdenticalColumn = 'ticker' | 'group';

export const IDENTICAL_COLUMNS: readonly ColumnSpec<IdenticalColumn>[] = [
  { key: 'ticker', label: 'Ticker', names: ['Ticker', 'Symbol'] },
  { key: 'group', label: 'Group', names: ['Group', 'Identical Group', 'Same As'] },
];

export function parseIdentical(input: TableInput): Map<string, string> {
  const table = new TableReader(input, IDENTICAL_COLUMNS);
  table.require('ticker');
  table.require('group');
  const groups = new Map<string, string>();
  table.forEachRow((row) => {
    const ticker = row.text('ticker')?.toUpperCase() ?? row.fail('ticker', 'the ticker is blank');
    const group = row.text('group') ?? row.fail('group', `the group of ${ticker} is blank`);
    const previous = groups.get(ticker);
    if (previous !== undefined && previous.toLowerCase() !== group.toLowerCase()) {
      row.fail('group', `${ticker} is already in group ${previous}`);
    }
    groups.set(ticker, group.trim().toLowerCase());
  });
  return groups;
}
