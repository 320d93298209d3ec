/**
 * Mix (Ticker | Class | Weight) → MixRow[]: how much of a fund that spans classes (a target-date,
 * balanced or all-in-one fund) is each class. As in Funds, each ticker's weights may be fractions,
 * percent strings or percent numbers — one form per ticker, told apart by the sum — and must add up
 * to 100% within ±0.5 percentage points (issuers round); they are then scaled to exactly 100%, so a
 * fund's value splits into its classes without a remainder.
 *
 * A row whose Weight is blank is a row still to be filled in (Setup writes them that way): it is left
 * out, and a ticker with no weights at all is not in Mix (a warning says so).
 */
import { percentToFraction } from './cells';
import { InputError, Warning, warning } from './errors';
import { formatPercent } from './format';
import { CASH_TICKER, keyOf } from './model';
import { FUNDS_COLUMNS } from './funds';
import { ColumnSpec, headerColumns, TableInput, TableReader } from './table';

type MixColumn = 'ticker' | 'class' | 'weight';

export const MIX_COLUMNS: readonly ColumnSpec<MixColumn>[] = [
  { key: 'ticker', label: 'Ticker', names: ['Ticker', 'Fund', 'Symbol', 'Fund Ticker'] },
  { key: 'class', label: 'Class', names: ['Class', 'Asset Class', 'Category', 'Sleeve'] },
  { key: 'weight', label: 'Weight', names: ['Weight', 'Weight %', '% of Fund', 'Allocation', 'Share'] },
];

/**
 * The names Mix is found by, in order (PRODUCT.md: Mix, Fund Mix, Asset Mix). An Excel table name
 * cannot hold a space, so the table may be FundMix or Fund_Mix; a sheet may be "Fund Mix".
 */
export const MIX_TABLE_NAMES = ['Mix', 'FundMix', 'Fund_Mix', 'Fund Mix', 'AssetMix', 'Asset_Mix', 'Asset Mix'] as const;

/**
 * The functions' `mix` argument may be the Mix table or the Funds table: given Funds (a Holding
 * column and no Class column), mixes are derived through it, as the pane and the command line do.
 */
export function isFundsTable(input: TableInput): boolean {
  const header = input.cells[0] ?? [];
  const mix = headerColumns(header, MIX_COLUMNS);
  const funds = headerColumns(header, FUNDS_COLUMNS);
  return mix.class === undefined && funds.fund !== undefined && (funds.ticker !== undefined || funds.name !== undefined);
}

/** A ticker's weights may add up to 100% ± this (issuers round to the tenth or half point). */
export const MIX_SUM_TOLERANCE = 0.005;

export interface MixRow {
  /** Excel row, for messages. */
  readonly row: number;
  /** Upper-case ticker. */
  readonly ticker: string;
  /** The class as written. */
  readonly assetClass: string;
  /** Fraction of the fund; a ticker's weights add up to exactly 1. */
  readonly weight: number;
}

export interface MixTable {
  readonly name: string;
  readonly rows: readonly MixRow[];
  readonly warnings: readonly Warning[];
}

interface RawMixRow {
  row: number;
  ticker: string;
  assetClass: string;
  amount: number;
  percentSign: boolean;
}

export function parseMix(input: TableInput): MixTable {
  const table = new TableReader(input, MIX_COLUMNS);
  table.require('ticker');
  table.require('class');
  table.require('weight');
  const byTicker = new Map<string, RawMixRow[]>();
  const blankOnly = new Map<string, number>();
  const seen = new Map<string, number>();
  table.forEachRow((row) => {
    const ticker = (row.text('ticker') ?? row.fail('ticker', 'the ticker is blank')).toUpperCase();
    if (ticker === CASH_TICKER) row.fail('ticker', 'CASH is cash, not a fund; list the fund whose classes these are');
    const assetClass = row.text('class') ?? row.fail('class', `the class of ${ticker} is blank`);
    const id = `${ticker}\u0000${keyOf(assetClass)}`;
    const previous = seen.get(id);
    if (previous !== undefined) row.fail('class', `${ticker} lists ${assetClass} twice (rows ${previous} and ${row.excelRow}); give each class one row`);
    seen.set(id, row.excelRow);
    const parts = row.percentParts('weight');
    if (parts === null) {
      if (!byTicker.has(ticker) && !blankOnly.has(ticker)) blankOnly.set(ticker, row.excelRow);
      return;
    }
    if (parts.amount < 0) row.fail('weight', `the weight of ${assetClass} in ${ticker} is negative`);
    blankOnly.delete(ticker);
    const list = byTicker.get(ticker) ?? [];
    list.push({ row: row.excelRow, ticker, assetClass, ...parts });
    byTicker.set(ticker, list);
  });
  const rows: MixRow[] = [];
  for (const [ticker, list] of byTicker) {
    const fractions = asFractions(list);
    const sum = fractions.reduce((s, w) => s + w, 0);
    if (Math.abs(sum - 1) > MIX_SUM_TOLERANCE + 1e-12) {
      throw new InputError(
        { table: table.name, row: list[0].row, column: table.columnName('weight') },
        `the weights of ${ticker} add up to ${formatPercent(sum, 2)}; a fund's classes must add up to 100% (±0.5 pp)`,
      );
    }
    list.forEach((r, i) => rows.push({ row: r.row, ticker, assetClass: r.assetClass, weight: fractions[i] / sum }));
  }
  const warnings = [...blankOnly].map(([ticker, row]) =>
    warning('mixIncomplete', { table: table.name, row, column: table.columnName('weight') }, `${ticker} has no weights in ${table.name} yet, so it counts in its Holdings class until they are filled in`),
  );
  return { name: table.name, rows, warnings };
}

/**
 * Plain numbers are fractions or percent numbers, whichever makes the ticker's sum closer to 100%
 * (0.44 + 0.36 + 0.25 is 105% of fractions, not 1.05% of percent numbers); percent strings are
 * fractions already.
 */
function asFractions(list: readonly RawMixRow[]): number[] {
  let plain = 0;
  let signed = 0;
  for (const r of list) {
    if (r.percentSign) signed += r.amount;
    else plain += r.amount;
  }
  const percentNumbers = Math.abs(signed + plain / 100 - 1) < Math.abs(signed + plain - 1);
  return list.map((r) => (r.percentSign || !percentNumbers ? r.amount : percentToFraction(r.amount)));
}
