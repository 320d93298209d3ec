/**
 * Keeping the Trades tab's contributions for next quarter, in the household's Accounts table, without
 * ever writing a user's cell:
 *   - Accounts is the add-in's own (created by Setup, recorded as owned): the Contribution cells of the
 *     changed accounts' rows are written (each row checked to still hold its account), and an account
 *     the table does not list gets a row at its end — after the user confirms;
 *   - Accounts is the user's: nothing is written; the pane names each cell to type, with Go to cell;
 *   - there is no Accounts table: the pane offers to create it (as Setup would) holding them.
 */
import { ACCOUNTS_COLUMNS, amountCents, centsToNumber, headerColumns, inferAccountType, keyOf, MAX_ROW_AMOUNT, starterAccounts } from '../engine';
import type { Cell, Household } from '../engine';
import type { ColumnUpdate, WorkbookPort, WorkbookTable } from '../office/workbook-port';
import { tableRangeAddress } from './cell-place';
import type { HouseholdView } from './household-view';
import { createAccountsTable } from './setup-actions';

/** One account whose contribution in the pane is not the one in the workbook. */
export interface ChangedContribution {
  readonly account: string;
  readonly amount: number;
  /** Its row in Accounts (as Excel numbers it), null when Accounts does not list it. */
  readonly row: number | null;
}

export type ContributionsHome =
  /** The add-in's own Accounts: written on confirmation. */
  | { readonly kind: 'ours'; readonly table: WorkbookTable; readonly changed: readonly ChangedContribution[]; readonly contributionColumn: number }
  /** The user's Accounts: each cell to type (null address: the table has no Contribution column, or no row for the account). */
  | { readonly kind: 'theirs'; readonly table: WorkbookTable; readonly cells: readonly (ChangedContribution & { readonly address: string | null })[]; readonly contributionColumn: number }
  /** No Accounts table: one can be created holding them. */
  | { readonly kind: 'none'; readonly changed: readonly ChangedContribution[] };

/** The accounts whose contribution in the pane differs from the workbook's, to the cent. */
export function changedContributions(household: Household, amounts: ReadonlyMap<string, number>): ChangedContribution[] {
  return household.accounts.flatMap((a) => {
    const amount = amounts.get(a.name);
    if (amount === undefined || !(Math.abs(amount) <= MAX_ROW_AMOUNT) || amountCents(amount) === a.contribution) return [];
    return [{ account: a.name, amount: centsToNumber(amountCents(amount)), row: a.row }];
  });
}

/** Where the changed contributions would go, or null when nothing changed. */
export function contributionsHome(view: HouseholdView, household: Household, amounts: ReadonlyMap<string, number>): ContributionsHome | null {
  const changed = changedContributions(household, amounts);
  if (changed.length === 0) return null;
  const table = view.found.accounts;
  if (!table) return { kind: 'none', changed };
  const contributionColumn = headerColumns(table.values[0] ?? [], ACCOUNTS_COLUMNS).contribution ?? -1;
  if (table.ours) return { kind: 'ours', table, changed, contributionColumn };
  return {
    kind: 'theirs',
    table,
    contributionColumn,
    cells: changed.map((c) => ({ ...c, address: c.row !== null && contributionColumn >= 0 ? tableRangeAddress(table, c.row, contributionColumn) : null })),
  };
}

/**
 * Writes the changed contributions into the add-in's own Accounts: the Contribution cells of listed
 * accounts, a new row (Account, Type, Contribution) for each unlisted one. Refused, writing nothing,
 * when the table has no Account or Contribution column or a row no longer holds its account.
 */
export async function saveIntoOwnAccounts(workbook: WorkbookPort, home: Extract<ContributionsHome, { kind: 'ours' }>): Promise<void> {
  const { table, changed } = home;
  const header = table.values[0] ?? [];
  const columns = headerColumns(header, ACCOUNTS_COLUMNS);
  if (columns.account === undefined || columns.contribution === undefined) {
    throw new Error(`${table.name} has no ${columns.account === undefined ? 'Account' : 'Contribution'} column, so the contributions were not saved; add it, then save again`);
  }
  const listed = changed.filter((c) => c.row !== null);
  const update: ColumnUpdate = {
    table: table.name,
    column: String(header[columns.contribution]),
    keyColumn: String(header[columns.account]),
    rows: listed.map((c) => {
      const index = c.row! - table.headerRow - 1;
      return { index, key: table.values[index + 1]?.[columns.account!] ?? c.account, value: c.amount };
    }),
  };
  if (update.rows.length > 0) await workbook.updateOwnColumn(update);
  for (const c of changed.filter((x) => x.row === null)) {
    const row: Cell[] = header.map(() => null);
    row[columns.account] = c.account;
    if (columns.type !== undefined) row[columns.type] = inferAccountType(c.account);
    row[columns.contribution] = c.amount;
    await workbook.appendRow(table.name, row);
  }
}

/** Creates the Accounts table (as Setup does) with the pane's contributions in it. */
export async function createAccountsWithContributions(workbook: WorkbookPort, household: Household, amounts: ReadonlyMap<string, number>): Promise<string> {
  const rows = starterAccounts(household);
  const column = rows[0].indexOf('Contribution');
  const byKey = new Map([...amounts].map(([name, amount]) => [keyOf(name), amount]));
  const filled = rows.map((r, i) => (i === 0 ? r : r.map((cell, c) => (c === column && byKey.has(keyOf(String(r[0]))) ? centsToNumber(amountCents(byKey.get(keyOf(String(r[0])))!)) : cell))));
  return createAccountsTable(workbook, filled);
}
