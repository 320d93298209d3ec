/**
 * Targets → Target[]. Weights are fractions adding to 1, percent numbers adding to 100, or percent
 * strings; which one is told apart by the column's sum (±0.01 percentage points).
 */
import { percentToFraction } from './cells';
import { InputError, TargetsNotChosen } from './errors';
import { formatPercentUpTo } from './format';
import { keyOf, Target } from './model';
import { ColumnSpec, TableInput, TableReader } from './table';

type TargetColumn = 'key' | 'weight' | 'band' | 'buy';

export const TARGETS_COLUMNS: readonly ColumnSpec<TargetColumn>[] = [
  {
    key: 'key',
    label: 'Class',
    names: ['Class', 'Asset Class', 'Category', 'Sleeve', 'Ticker', 'Symbol', 'Key'],
  },
  {
    key: 'weight',
    label: 'Target',
    names: ['Target', 'Target %', 'Target Weight', 'Target Allocation', 'Allocation', 'Weight'],
  },
  { key: 'band', label: 'Band', names: ['Band', 'Tolerance'] },
  { key: 'buy', label: 'Buy', names: ['Buy', 'Buy Ticker', 'Buy With'] },
];

/** Targets must add to 100% within ±0.01 percentage points. */
const SUM_TOLERANCE = 0.0001;

interface RawTarget {
  row: number;
  key: string;
  amount: number;
  percentSign: boolean;
  band: number | null;
  buy: string | null;
}

export function parseTargets(input: TableInput): Target[] {
  const table = new TableReader(input, TARGETS_COLUMNS);
  table.require('key');
  table.require('weight');
  const raw: RawTarget[] = [];
  const seen = new Map<string, number>();
  const blank: { row: number; key: string }[] = [];
  table.forEachRow((row) => {
    const key = row.text('key') ?? row.fail('key', 'the class is blank');
    const previous = seen.get(keyOf(key));
    if (previous !== undefined) row.fail('key', `${key} is listed twice (also row ${previous})`);
    seen.set(keyOf(key), row.excelRow);
    const parts = row.percentParts('weight');
    if (parts === null) {
      blank.push({ row: row.excelRow, key });
      return;
    }
    if (parts.amount < 0) row.fail('weight', `the target for ${key} is negative`);
    if (parts.amount > (parts.percentSign ? 1 : 100)) row.fail('weight', `the target for ${key} is more than 100%`);
    const band = row.percent('band');
    if (band !== null && band < 0) row.fail('band', `the band for ${key} is negative`);
    // As in Settings: a band beyond 100% would make every drift "OK" without a word.
    if (band !== null && band > 1) row.fail('band', `the band for ${key} must be between 0% and 100%`);
    raw.push({ row: row.excelRow, key, ...parts, band, buy: row.text('buy')?.toUpperCase() ?? null });
  });
  // Every target blank: the classes are listed (Setup writes them so) and the choice is the user's.
  if (raw.length === 0 && blank.length > 0) {
    throw new TargetsNotChosen(table.place(blank[0].row, table.columnName('weight')), `no target is filled in yet: type the share you want of each class (${blank.map((b) => b.key).join(', ')}); together they make 100%`);
  }
  if (blank.length > 0) throw new InputError(table.place(blank[0].row, table.columnName('weight')), `the target for ${blank[0].key} is blank`);
  if (raw.length === 0) throw new InputError(table.place(null, null), 'has no rows below its header');
  const scale = chooseScale(raw);
  if (scale === null) {
    const signed = raw.filter((t) => t.percentSign).reduce((s, t) => s + t.amount, 0);
    const plain = raw.filter((t) => !t.percentSign).reduce((s, t) => s + t.amount, 0);
    const percentNumbers = plain > 1.5;
    const shown = formatPercentUpTo(signed + (percentNumbers ? plain / 100 : plain), 4);
    throw new InputError(
      table.place(null, table.columnName('weight')),
      `the targets add up to ${shown}; they must add up to 100% (fractions adding to 1, or percent numbers adding to 100)`,
    );
  }
  return raw.map((t) => ({
    row: t.row,
    key: t.key,
    weight: t.percentSign || scale === 1 ? t.amount : percentToFraction(t.amount),
    band: t.band,
    buy: t.buy,
  }));
}

/** 1 when plain numbers are fractions, 0.01 when they are percent numbers, null when neither adds up. */
function chooseScale(raw: readonly RawTarget[]): number | null {
  const signed = raw.filter((t) => t.percentSign).reduce((s, t) => s + t.amount, 0);
  const plain = raw.filter((t) => !t.percentSign).reduce((s, t) => s + t.amount, 0);
  for (const scale of [1, 0.01]) {
    if (Math.abs(signed + plain * scale - 1) <= SUM_TOLERANCE) return scale;
  }
  return null;
}
