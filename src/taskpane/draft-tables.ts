/**
 * The pane's draft choices (new cash per account, mode, whole shares, minimum trade, tax-aware) laid
 * over the workbook's own tables, as the planner reads them. Nothing is written to the workbook: the
 * choices live in copies. The user's rows keep their worksheet row numbers (so a message still names
 * the right cell); a setting the pane overrides is blanked in the copy and restated in a row below.
 * An account the Accounts table does not list (or every account, when there is no Accounts table) gets
 * a row below with its type stated — the type read from its name, as without the row — so no message
 * cites a row that is not in the workbook: the inference is said once, by the household read from the
 * workbook itself, citing Holdings or Accounts as they are.
 */
import { ACCOUNTS_COLUMNS, headerColumns, inferAccountType, keyOf, SETTINGS_COLUMNS, settingKey } from '../engine';
import type { Cell, HouseholdTables, TableInput } from '../engine';
import type { DraftRequest } from './ports';

function overrideSettings(settings: TableInput | null | undefined, values: Record<string, Cell>): TableInput {
  const rows = Object.entries(values).map(([key, value]) => [key, value]);
  if (!settings || settings.cells.length === 0) return { name: 'Settings', cells: [['Key', 'Value'], ...rows] };
  const columns = headerColumns(settings.cells[0], SETTINGS_COLUMNS);
  const keyColumn = columns.key ?? -1;
  const valueColumn = columns.value ?? -1;
  const width = settings.cells[0].length;
  const overridden = new Set(Object.keys(values).map(settingKey));
  const kept = settings.cells.map((row, i) =>
    i > 0 && keyColumn >= 0 && typeof row[keyColumn] === 'string' && overridden.has(settingKey(row[keyColumn] as string)) ? row.map(() => null) : [...row],
  );
  const appended = rows.map(([key, value]) => {
    const row: Cell[] = new Array(width).fill(null);
    row[Math.max(keyColumn, 0)] = key;
    row[valueColumn >= 0 ? valueColumn : 1] = value;
    return row;
  });
  return { ...settings, cells: [...kept, ...appended] };
}

function overrideContributions(accounts: TableInput | null | undefined, contributions: DraftRequest['contributions']): TableInput {
  const amounts = new Map(contributions.map((c) => [keyOf(c.account), c.amount]));
  if (!accounts || accounts.cells.length === 0) {
    return { name: 'Accounts', cells: [['Account', 'Type', 'Contribution'], ...contributions.map((c) => [c.account, inferAccountType(c.account), c.amount])] };
  }
  const columns = headerColumns(accounts.cells[0], ACCOUNTS_COLUMNS);
  const accountColumn = columns.account ?? -1;
  let contributionColumn = columns.contribution ?? -1;
  let typeColumn = columns.type ?? -1;
  let cells = accounts.cells.map((row) => [...row]);
  for (const [missing, header] of [
    [contributionColumn < 0, 'Contribution'],
    [typeColumn < 0, 'Type'],
  ] as const) {
    if (!missing) continue;
    cells = cells.map((row, i) => [...row, i === 0 ? header : null]);
    if (header === 'Contribution') contributionColumn = cells[0].length - 1;
    else typeColumn = cells[0].length - 1;
  }
  const listed = new Set<string>();
  for (let i = 1; i < cells.length; i++) {
    const name = cells[i][accountColumn];
    if (typeof name !== 'string' || !amounts.has(keyOf(name))) continue;
    listed.add(keyOf(name));
    cells[i][contributionColumn] = amounts.get(keyOf(name))!;
  }
  for (const c of contributions) {
    if (listed.has(keyOf(c.account))) continue;
    const row: Cell[] = new Array(cells[0].length).fill(null);
    row[Math.max(accountColumn, 0)] = c.account;
    row[typeColumn] = inferAccountType(c.account);
    row[contributionColumn] = c.amount;
    cells.push(row);
  }
  return { ...accounts, cells };
}

/** The tables the planner should read for this draft. */
export function draftTables(request: DraftRequest): HouseholdTables {
  const { tables } = request;
  return {
    ...tables,
    accounts: overrideContributions(tables.accounts, request.contributions),
    settings: overrideSettings(tables.settings, {
      Mode: request.mode,
      WholeShares: request.wholeShares,
      MinTrade: request.minTrade,
      TaxAware: request.taxAware,
    }),
  };
}

/**
 * What a draft was made from, as text: the tables with its contributions laid over them. Saving those
 * contributions into Accounts leaves it the same (the draft still holds); any other change does not.
 */
export function draftInputsKey(tables: HouseholdTables, asOf: string, contributions: DraftRequest['contributions']): string {
  return JSON.stringify([{ ...tables, accounts: overrideContributions(tables.accounts, contributions) }, asOf]);
}
