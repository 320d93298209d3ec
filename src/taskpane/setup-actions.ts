/**
 * Setup's writes: the missing Targets, Accounts and Settings tables (pre-filled from today's
 * holdings, on sheets the add-in creates) and a sheet of example formulas. Nothing here touches a
 * table the user made.
 */
import { AccountType, Cell, Household, starterAccounts, starterSettings, starterTargets } from '../engine';
import type { WorkbookPort } from '../office/workbook-port';
import { HouseholdView, Role, ROLE_NAMES } from './household-view';

const STARTERS: Record<'targets' | 'accounts' | 'settings', { build: (h: Household, types: ReadonlyMap<string, AccountType>) => Cell[][]; formats: (string | null)[] }> = {
  targets: { build: (h) => starterTargets(h), formats: [null, '0.0%', '0.0%', null] },
  accounts: { build: (h, types) => starterAccounts(h, types), formats: [null, null, null, '$#,##0.00', '$#,##0.00', null] },
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
): Promise<string[]> {
  const created: string[] = [];
  for (const role of missingStarters(view)) {
    const { table, sheet } = ROLE_NAMES[role];
    await workbook.createTable({ sheet, table, values: STARTERS[role].build(household, types), numberFormats: STARTERS[role].formats });
    created.push(table);
  }
  return created;
}

export const FORMULAS_SHEET = 'Rebalance Formulas';

/** The example sheet: the review status and the drift table, as live formulas over the user's tables. */
export function exampleFormulaRows(view: HouseholdView): Cell[][] {
  const ref = (name: string | undefined) => (name ? `${name}[#All]` : null);
  const holdings = ref(view.holdingsTable?.name);
  const targets = ref(view.found.targets?.name);
  const settings = ref(view.found.settings?.name);
  const args = [holdings, targets, settings].filter((a): a is string => a !== null).join(', ');
  return [
    ['Examples written by Rebalance in Excel: live formulas over your tables. Copy them anywhere.'],
    ['Review status', `=REBAL.DUE(${args})`],
    [],
    ['Drift (spills below)'],
    [`=REBAL.DRIFT(${args})`],
  ];
}
