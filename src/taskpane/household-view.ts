/**
 * The workbook's tables → what the pane shows: which table is which (by Excel table name, then by
 * sheet name, as the functions do), the household, its drift and the review verdict. Any user
 * mistake becomes `problem` (the engine's message naming table, row and column), never a crash.
 */
import {
  computeDrift,
  DriftReport,
  DueVerdict,
  Household,
  HouseholdTables,
  IsoDate,
  isInputError,
  keyOf,
  MIX_TABLE_NAMES,
  readHousehold,
  reviewDue,
  TargetsNotChosen,
  TableInput,
  withAsOf,
} from '../engine';
import type { Place } from '../engine';
import type { WorkbookTable } from '../office/workbook-port';

export type Role = 'targets' | 'accounts' | 'settings' | 'funds' | 'identical' | 'mix' | 'reviewLog';

/** The table name the add-in gives each table it creates, and the sheet it puts it on. */
export const ROLE_NAMES: Readonly<Record<Role, { table: string; sheet: string }>> = {
  targets: { table: 'Targets', sheet: 'Targets' },
  accounts: { table: 'Accounts', sheet: 'Accounts' },
  settings: { table: 'Settings', sheet: 'Settings' },
  funds: { table: 'Funds', sheet: 'Funds' },
  identical: { table: 'Identical', sheet: 'Identical' },
  mix: { table: 'Mix', sheet: 'Mix' },
  reviewLog: { table: 'ReviewLog', sheet: 'Review Log' },
};

/** A role's table, or why it cannot be chosen. */
interface Lookup {
  readonly table: WorkbookTable | null;
  readonly problem: string | null;
}

/**
 * By table name first, then by sheet name. A sheet with several tables, none named for the role, is
 * the user's to resolve: reading the first would be a guess (a kid's account in a second table).
 */
function lookup(tables: readonly WorkbookTable[], tableName: string, sheetName: string): Lookup {
  const named = tables.find((t) => keyOf(t.name) === keyOf(tableName));
  if (named) return { table: named, problem: null };
  const onSheet = tables.filter((t) => keyOf(t.sheet) === keyOf(sheetName));
  if (onSheet.length <= 1) return { table: onSheet[0] ?? null, problem: null };
  const list = onSheet.map((t) => `${t.name} at ${t.address.slice(t.address.lastIndexOf('!') + 1)}`).join(', ');
  return {
    table: null,
    problem: `The sheet ${onSheet[0].sheet} has ${onSheet.length} tables (${list}) and none is named ${tableName}; name the one to read "${tableName}" (Table Design > Table Name).`,
  };
}

function roleLookup(tables: readonly WorkbookTable[], role: Role): Lookup {
  if (role === 'mix') {
    // Mix goes by several names (Mix, FundMix, "Fund Mix" …): the first that finds a table, or a problem.
    for (const name of MIX_TABLE_NAMES) {
      const found = lookup(tables, name, name);
      if (found.table || found.problem) return found;
    }
    return { table: null, problem: null };
  }
  const { table, sheet } = ROLE_NAMES[role];
  return lookup(tables, table, sheet);
}

export function findTable(tables: readonly WorkbookTable[], role: Role): WorkbookTable | null {
  return roleLookup(tables, role).table;
}

/** Holdings by name (table, then sheet), else the first table with a Ticker-like header. */
function holdingsLookup(tables: readonly WorkbookTable[]): Lookup {
  const byName = lookup(tables, 'Holdings', 'Holdings');
  if (byName.table || byName.problem) return byName;
  const guess = tables.find((t) => (t.values[0] ?? []).some((h) => typeof h === 'string' && /^(ticker|symbol)$/i.test(h.trim())));
  return { table: guess ?? null, problem: null };
}

/** The table the pane proposes as Holdings: one named so, else the first with a Ticker-like header. */
export function guessHoldings(tables: readonly WorkbookTable[]): WorkbookTable | null {
  return holdingsLookup(tables).table;
}

const asInput = (t: WorkbookTable | null, name: string): TableInput | null => (t ? { name, cells: t.values, headerRow: t.headerRow } : null);

export interface HouseholdView {
  readonly holdingsTable: WorkbookTable | null;
  readonly found: Readonly<Record<Role, WorkbookTable | null>>;
  readonly tables: HouseholdTables | null;
  readonly household: Household | null;
  readonly drift: DriftReport | null;
  readonly due: DueVerdict | null;
  readonly asOf: IsoDate;
  /** The engine's message for bad input, or why there is nothing to show yet. */
  readonly problem: string | null;
  /** Where the problem is, when it is in a cell or table (Go to cell). */
  readonly problemPlace: Place | null;
  /** The problem is a first-run step, not a mistake: which one. */
  readonly nextStep: NextStep | null;
}

/**
 * A household not set up yet: no holdings table, no Targets table, or Targets listing the classes
 * with no target typed. Shown as what to do next, not as an error.
 */
export type NextStep = 'holdings' | 'targets' | 'chooseTargets';

export function viewHousehold(all: readonly WorkbookTable[], holdingsName: string | null, today: IsoDate): HouseholdView {
  const roles: Role[] = ['targets', 'accounts', 'settings', 'funds', 'identical', 'mix', 'reviewLog'];
  const lookups = roles.map((r) => roleLookup(all, r));
  const found = Object.fromEntries(roles.map((r, i) => [r, lookups[i].table])) as Record<Role, WorkbookTable | null>;
  const chosen = holdingsName ? all.find((t) => t.name === holdingsName) : undefined;
  const holdings: Lookup = chosen ? { table: chosen, problem: null } : holdingsLookup(all);
  const holdingsTable = holdings.table;
  const empty = { holdingsTable, found, tables: null, household: null, drift: null, due: null, asOf: today, problemPlace: null, nextStep: null };
  const ambiguous = [holdings, ...lookups].find((l) => l.problem !== null);
  if (ambiguous) return { ...empty, problem: ambiguous.problem };
  if (!holdingsTable) {
    return {
      ...empty,
      problem: 'No holdings table yet. Format your holdings as an Excel table (Insert > Table) with a header row: Account, Ticker, Shares, Price, and Class if you have it.',
      nextStep: 'holdings',
    };
  }
  const tables: HouseholdTables = {
    holdings: asInput(holdingsTable, 'Holdings')!,
    targets: asInput(found.targets, 'Targets'),
    accounts: asInput(found.accounts, 'Accounts'),
    settings: asInput(found.settings, 'Settings'),
    funds: asInput(found.funds, 'Funds'),
    identical: asInput(found.identical, 'Identical'),
    mix: asInput(found.mix, found.mix?.name ?? 'Mix'),
  };
  try {
    const household = withAsOf(readHousehold(tables), null, today);
    const asOf = household.settings.asOf!;
    if (household.targets.length === 0) return { ...empty, tables, household, asOf, problem: 'There is no Targets table yet. Create it in Setup.', nextStep: 'targets' };
    const drift = computeDrift(household);
    return { holdingsTable, found, tables, household, drift, due: reviewDue(drift, household.settings, asOf), asOf, problem: null, problemPlace: null, nextStep: null };
  } catch (e) {
    const problemPlace: Place | null = isInputError(e) ? { table: e.table, row: e.row, column: e.column } : null;
    if (e instanceof TargetsNotChosen) return { ...empty, tables, problem: e.message, problemPlace, nextStep: 'chooseTargets' };
    if (isInputError(e)) return { ...empty, tables, problem: e.message, problemPlace };
    throw e;
  }
}
