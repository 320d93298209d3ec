/**
 * Setup's writes: the missing Targets, Accounts and Settings tables (pre-filled from today's
 * holdings, on sheets the add-in creates) and a sheet of example formulas. Nothing here touches a
 * table the user made.
 */
import { AccountType, Cell, Household, starterAccounts, starterMix, starterSettings, starterTargets, TargetsStart } from '../engine';
import type { WorkbookPort } from '../office/workbook-port';
import { HouseholdView, Role, ROLE_NAMES } from './household-view';

interface StarterChoices {
  readonly types: ReadonlyMap<string, AccountType>;
  readonly targetsStart: TargetsStart;
}

const STARTERS: Record<'targets' | 'accounts' | 'settings', { build: (h: Household, choices: StarterChoices) => Cell[][]; formats: (string | null)[] }> = {
  targets: { build: (h, c) => starterTargets(h, c.targetsStart), formats: [null, '0.0%', '0.0%', null, null] },
  accounts: { build: (h, c) => starterAccounts(h, c.types), formats: [null, null, null, '$#,##0.00', '$#,##0.00', null, '@'] },
  settings: { build: () => starterSettings(), formats: [] },
};

export type StarterRole = keyof typeof STARTERS;

export function missingStarters(view: HouseholdView): StarterRole[] {
  return (Object.keys(STARTERS) as StarterRole[]).filter((r) => view.found[r as Role] === null);
}

/** Creates each missing table in turn; returns the names created. */
export async function createStarterTables(
  workbook: WorkbookPort,
  view: HouseholdView,
  household: Household,
  types: ReadonlyMap<string, AccountType>,
  targetsStart: TargetsStart = 'blank',
): Promise<string[]> {
  const created: string[] = [];
  for (const role of missingStarters(view)) {
    const { table, sheet } = ROLE_NAMES[role];
    await workbook.createTable({ sheet, table, values: STARTERS[role].build(household, { types, targetsStart }), numberFormats: STARTERS[role].formats });
    created.push(table);
  }
  return created;
}

/** Creates the Accounts table from rows the caller built (the Trades tab's contributions in them). */
export async function createAccountsTable(workbook: WorkbookPort, rows: Cell[][]): Promise<string> {
  const { table, sheet } = ROLE_NAMES.accounts;
  await workbook.createTable({ sheet, table, values: rows, numberFormats: STARTERS.accounts.formats });
  return table;
}

/**
 * Offered when the household holds funds that look multi-class (a Class of Mixed, or none) and there
 * is no Mix table: rows for each such fund — derived weights where Funds gives them, else one row per
 * targeted class with the weight to fill in (a row without a weight changes nothing until it is).
 */
export function mixOffer(view: HouseholdView): Cell[][] | null {
  if (view.found.mix !== null || !view.household) return null;
  return starterMix(view.household);
}

export async function createMixTable(workbook: WorkbookPort, rows: Cell[][]): Promise<string> {
  const { table, sheet } = ROLE_NAMES.mix;
  await workbook.createTable({ sheet, table, values: rows, numberFormats: [null, null, '0.0%'] });
  return table;
}

export const FORMULAS_SHEET = 'Rebalance Formulas';

/** The example sheet: the review status and the drift table, as live formulas over the user's tables. */
export function exampleFormulaRows(view: HouseholdView): Cell[][] {
  const ref = (name: string | undefined) => (name ? `${name}[#All]` : null);
  const holdings = ref(view.holdingsTable?.name);
  const targets = ref(view.found.targets?.name);
  const settings = ref(view.found.settings?.name);
  const mix = ref(view.found.mix?.name);
  // Mix is the fourth argument: an absent Settings leaves its place empty.
  const args = [holdings, targets, mix ? (settings ?? '') : settings, mix].filter((a): a is string => a !== null).join(', ');
  return [
    ['Examples written by Rebalance in Excel: live formulas over your tables. Copy them anywhere.'],
    ['Review status', `=REBAL.DUE(${args})`],
    [],
    ['Drift (spills below)'],
    [`=REBAL.DRIFT(${args})`],
  ];
}
