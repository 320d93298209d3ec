/**
 * Settings (Key | Value rows) → Settings with their defaults. Each key is one definition: its default,
 * how its value is read, and what it means. An unknown key is a warning; a bad value an error naming
 * the key.
 */
import { amountCents, Cents, cents, MAX_ROW_AMOUNT, ZERO_CENTS } from './money';
import { Cell, Parsed, readBoolean, readDate, readNumber, readPercent, readText } from './cells';
import { Warning, warning } from './errors';
import { Settings } from './model';
import { ColumnSpec, RowCursor, TableInput, TableReader } from './table';

type SettingColumn = 'key' | 'value';

export const SETTINGS_COLUMNS: readonly ColumnSpec<SettingColumn>[] = [
  { key: 'key', label: 'Key', names: ['Key', 'Setting', 'Name'] },
  { key: 'value', label: 'Value', names: ['Value'] },
];

export const DEFAULT_SETTINGS: Settings = {
  band: 0.05,
  relativeBand: 0.25,
  rule: 'Hybrid',
  frequency: 'Quarterly',
  lastRebalanced: null,
  asOf: null,
  mode: 'Full',
  rebalanceTo: 'Target',
  wholeShares: true,
  minTrade: cents(5000), // $50
  taxAware: true,
  shortTermRate: 0.37,
  longTermRate: 0.15,
  harvestLosses: false,
  commission: ZERO_CENTS,
  spreadBps: 0,
  sellUntargeted: false,
  timeLimit: 2,
  concentrationLimit: 0.1,
};

type Reader = (cell: Cell) => Parsed<unknown>;

function oneOf<T extends string>(...choices: T[]): Reader {
  return (cell) => {
    const text = readText(cell);
    if (!text.ok || text.value === null) return text;
    const found = choices.find((c) => c.toLowerCase() === text.value!.toLowerCase().replace(/[\s-]/g, ''));
    return found ? { ok: true, value: found } : { ok: false, problem: `"${text.value}" is not one of ${choices.join(', ')}` };
  };
}

function atLeast(min: number, read: (cell: Cell) => Parsed<number>, what: string): (cell: Cell) => Parsed<number> {
  return (cell) => {
    const n = read(cell);
    if (n.ok && n.value !== null && n.value < min) return { ok: false, problem: `${what} cannot be below ${min}` };
    return n;
  };
}

function fraction(read: (cell: Cell) => Parsed<number>): Reader {
  return (cell) => {
    const n = read(cell);
    if (n.ok && n.value !== null && (n.value < 0 || n.value > 1)) return { ok: false, problem: 'must be between 0% and 100%' };
    return n;
  };
}

/** An amount typed in dollars (MinTrade, Commission), read into cents. */
function money(cell: Cell): Parsed<Cents> {
  const n = readNumber(cell);
  if (!n.ok) return n;
  if (n.value === null) return { ok: true, value: null };
  if (n.value < 0) return { ok: false, problem: 'cannot be negative' };
  if (n.value > MAX_ROW_AMOUNT) return { ok: false, problem: `${n.value} is beyond $1 trillion; check the number` };
  return { ok: true, value: amountCents(n.value) };
}

function atMost(max: number, read: (cell: Cell) => Parsed<number>, what: string): Reader {
  return (cell) => {
    const n = read(cell);
    if (n.ok && n.value !== null && n.value > max) return { ok: false, problem: `${what} cannot be above ${max}` };
    return n;
  };
}

function positive(cell: Cell): Parsed<number> {
  const n = readNumber(cell);
  if (n.ok && n.value !== null && n.value <= 0) return { ok: false, problem: 'must be more than 0' };
  return n;
}

/** Lower-cased key without spaces → the Settings field and how to read its value. */
const DEFINITIONS: Readonly<Record<string, { field: keyof Settings; name: string; read: Reader }>> = Object.fromEntries(
  (
    [
      ['Band', 'band', fraction(readPercent)],
      ['RelativeBand', 'relativeBand', fraction(readPercent)],
      ['Rule', 'rule', oneOf('Calendar', 'Threshold', 'Hybrid')],
      ['Frequency', 'frequency', oneOf('Monthly', 'Quarterly', 'Semiannual', 'Annual')],
      ['LastRebalanced', 'lastRebalanced', readDate],
      ['AsOf', 'asOf', readDate],
      ['Mode', 'mode', oneOf('Full', 'BuyOnly')],
      ['RebalanceTo', 'rebalanceTo', oneOf('Target', 'BandEdge')],
      ['WholeShares', 'wholeShares', readBoolean],
      ['MinTrade', 'minTrade', money],
      ['TaxAware', 'taxAware', readBoolean],
      ['ShortTermRate', 'shortTermRate', fraction(readPercent)],
      ['LongTermRate', 'longTermRate', fraction(readPercent)],
      ['HarvestLosses', 'harvestLosses', readBoolean],
      ['Commission', 'commission', money],
      // 10,000 bps is the whole trade: anything above is a typo, and would swamp every other cost.
      ['SpreadBps', 'spreadBps', atMost(10_000, atLeast(0, readNumber, 'SpreadBps'), 'SpreadBps')],
      ['SellUntargeted', 'sellUntargeted', readBoolean],
      // A safety net, not a budget: ten minutes is more than any household needs, and no cell should wait longer.
      ['TimeLimit', 'timeLimit', atMost(600, positive, 'TimeLimit (seconds)')],
      ['ConcentrationLimit', 'concentrationLimit', fraction(readPercent)],
    ] as const
  ).map(([name, field, read]) => [name.toLowerCase(), { field, name, read }]),
);

export function settingKey(text: string): string {
  return text.toLowerCase().replace(/[\s_-]/g, '');
}

export interface SettingsTable {
  readonly settings: Settings;
  readonly warnings: Warning[];
}

export function parseSettings(input: TableInput | null): SettingsTable {
  if (input === null) return { settings: DEFAULT_SETTINGS, warnings: [] };
  const table = new TableReader(input, SETTINGS_COLUMNS);
  table.require('key');
  table.require('value');
  const values: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  const warnings: Warning[] = [];
  const seen = new Map<string, number>();
  table.forEachRow((row) => readSetting(row, values, seen, warnings));
  return { settings: values as unknown as Settings, warnings };
}

function readSetting(
  row: RowCursor<SettingColumn>,
  values: Record<string, unknown>,
  seen: Map<string, number>,
  warnings: Warning[],
): void {
  const key = row.text('key');
  if (key === null) row.fail('key', 'the setting has no name');
  const definition = DEFINITIONS[settingKey(key)];
  if (!definition) {
    const known = Object.values(DEFINITIONS).map((d) => d.name).join(', ');
    warnings.push(warning('unknownSetting', row.place('key'), `"${key}" is not a setting and is ignored (known: ${known})`));
    return;
  }
  const previous = seen.get(definition.name);
  if (previous !== undefined) row.fail('key', `${definition.name} is set twice (also row ${previous})`);
  seen.set(definition.name, row.excelRow);
  const parsed = definition.read(row.raw('value'));
  if (!parsed.ok) row.fail('value', `${definition.name}: ${parsed.problem}`);
  if (parsed.value !== null) values[definition.field] = parsed.value;
}
