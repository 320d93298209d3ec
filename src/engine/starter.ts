/**
 * What the task pane needs to set a household up: which Holdings columns were recognised, and the
 * Targets, Accounts and Settings tables pre-filled from today's holdings (2-D, header first) so the
 * add-in can create them as ordinary visible tables. Pure: no Office here.
 */
import { Cell } from './cells';
import { InputError } from './errors';
import { HOLDINGS_COLUMNS } from './holdings';
import { DriftReport } from './drift';
import { AccountType, Household, keyOf } from './model';
import { DEFAULT_SETTINGS } from './settings';
import { headerColumns } from './table';
import { classValues } from './class-split';
import { centsToNumber } from './money';

export interface DetectedColumn {
  /** The header as written in the table. */
  readonly header: string;
  /** The Holdings column it is read as (Account, Ticker, …), or null when it is ignored. */
  readonly readAs: string | null;
}

/** Each header of a Holdings table and what the engine reads it as (the first synonym wins). */
export function detectHoldingsColumns(header: readonly Cell[]): DetectedColumn[] {
  const index = headerColumns(header, HOLDINGS_COLUMNS);
  const readAs = new Map<number, string>();
  for (const spec of HOLDINGS_COLUMNS) {
    const i = index[spec.key];
    if (i !== undefined) readAs.set(i, spec.label);
  }
  return header.map((cell, i) => ({
    header: typeof cell === 'string' ? cell.trim() : cell === null || cell === undefined ? '' : String(cell),
    readAs: readAs.get(i) ?? null,
  }));
}

export const TARGETS_STARTER_HEADER = ['Class', 'Target', 'Band', 'Buy', 'Note'] as const;
export const ACCOUNTS_STARTER_HEADER = ['Account', 'Type', 'Owner', 'Contribution', 'Reserve', 'Trade', 'Number'] as const;
export const SETTINGS_STARTER_HEADER = ['Key', 'Value', 'Meaning'] as const;

/** Where a new Targets table starts: blank (the user types every target), or today's weights. */
export type TargetsStart = 'blank' | 'today';

/**
 * Targets to start from: one row per class the household holds. Blank by default — copying today's
 * weights would make drift say "within band" before the user has chosen anything (issue 13). Today's
 * weights, when asked for, are fractions rounded to 0.1 percentage point (the largest row absorbs the
 * rounding so they add to 100%), each marked in the Note column as a weight to change.
 */
export function starterTargets(household: Household, start: TargetsStart = 'blank'): Cell[][] {
  // A fund that spans classes (Mix) starts each of its classes, by weight, as drift counts them.
  const { total, byKey } = classValues(household.holdings, household.mixes);
  const valueByKey = new Map([...byKey].map(([k, c]) => [k, { label: c.key, cents: c.value }]));
  if (start === 'blank') return [[...TARGETS_STARTER_HEADER], ...[...valueByKey.values()].map((e) => [e.label, null, null, null, 'type your target'])];
  if (total <= 0) throw new InputError({ table: 'Holdings', row: null, column: null }, 'the total value is not positive, so there are no weights to start Targets from');
  const rows = [...valueByKey.values()].map((e) => ({ label: e.label, tenths: Math.round((e.cents / total) * 1000) }));
  const largest = rows.reduce((a, b) => (b.tenths > a.tenths ? b : a));
  largest.tenths += 1000 - rows.reduce((s, r) => s + r.tenths, 0);
  return [[...TARGETS_STARTER_HEADER], ...rows.map((r) => [r.label, r.tenths / 1000, null, null, "today's weight: change it to your target"])];
}

/** How far a target may be from today's weight and still read as "started from today's weights". */
const STARTED_FROM_TODAY = 0.0025;

/**
 * True when every target is today's weight to within a quarter of a percentage point (Setup rounds
 * to a tenth, the largest row taking the rest): the targets were started from today's weights and
 * not yet changed, so "within band" means nothing yet.
 */
export function targetsAreTodaysWeights(drift: DriftReport): boolean {
  const targeted = drift.rows.filter((r) => r.target !== null && r.target > 0);
  return targeted.length > 0 && drift.rows.every((r) => r.target === null || Math.abs(r.weight - r.target) <= STARTED_FROM_TODAY);
}

/** One row per account with its type (inferred, or as the user corrected it), no contribution, tradable. */
export function starterAccounts(household: Household, typeOverrides: ReadonlyMap<string, AccountType> = new Map()): Cell[][] {
  return [
    [...ACCOUNTS_STARTER_HEADER],
    ...household.accounts.map((a) => [
      a.name,
      typeOverrides.get(keyOf(a.name)) ?? a.type,
      a.owner,
      centsToNumber(a.contribution),
      centsToNumber(a.reserve),
      a.tradable ? 'Yes' : 'No',
      null,
    ]),
  ];
}

const SETTING_MEANINGS: readonly [string, Cell, string][] = [
  ['Band', DEFAULT_SETTINGS.band, 'absolute band, in percentage points'],
  ['RelativeBand', DEFAULT_SETTINGS.relativeBand, 'relative band: out of band when |drift| > min(Band, RelativeBand × target)'],
  ['Rule', DEFAULT_SETTINGS.rule, 'Calendar, Threshold or Hybrid (check on the calendar, trade only if out of band)'],
  ['Frequency', DEFAULT_SETTINGS.frequency, 'Monthly, Quarterly, Semiannual or Annual'],
  ['LastRebalanced', null, 'date of the last rebalance'],
  ['AsOf', null, 'blank means today'],
  ['Mode', DEFAULT_SETTINGS.mode, 'Full, or BuyOnly (no sells)'],
  ['RebalanceTo', DEFAULT_SETTINGS.rebalanceTo, 'Target, or BandEdge (move only to the band edge)'],
  ['WholeShares', DEFAULT_SETTINGS.wholeShares, 'trade whole shares'],
  ['MinTrade', centsToNumber(DEFAULT_SETTINGS.minTrade), 'smallest trade amount; selling a whole position is exempt'],
  ['TaxAware', DEFAULT_SETTINGS.taxAware, 'estimate taxes and prefer the cheapest plan'],
  ['ShortTermRate', DEFAULT_SETTINGS.shortTermRate, 'tax rate on short-term gains'],
  ['LongTermRate', DEFAULT_SETTINGS.longTermRate, 'tax rate on long-term gains'],
  ['HarvestLosses', DEFAULT_SETTINGS.harvestLosses, 'count a realised loss as a tax saving'],
  ['Commission', centsToNumber(DEFAULT_SETTINGS.commission), 'cost per trade'],
  ['SpreadBps', DEFAULT_SETTINGS.spreadBps, 'cost per trade, in basis points of its amount'],
  ['SellUntargeted', DEFAULT_SETTINGS.sellUntargeted, 'may the plan sell holdings that have no target'],
  ['TimeLimit', DEFAULT_SETTINGS.timeLimit, 'seconds the trade planner may search'],
  ['ConcentrationLimit', DEFAULT_SETTINGS.concentrationLimit, 'flag a single holding whose look-through weight exceeds this'],
];

/** Every setting with its default and what it means, so the spouse reading the sheet knows too. */
export function starterSettings(): Cell[][] {
  return [[...SETTINGS_STARTER_HEADER], ...SETTING_MEANINGS.map(([k, v, m]) => [k, v, m])];
}



