/**
 * The pane's import, apart from React: files chosen by the user (read in the browser, never
 * uploaded) → the engine's reading and merge over the workbook's own tables → a preview, the write
 * the user confirms, and the Review Log's line saying which files were imported.
 */
import { computeDrift, importFiles, isImportError, isInputError, mergeImport, readHousehold } from '../engine';
import type { Cell, DriftReport, ImportedFile, ImportPlan, TableInput } from '../engine';
import type { PositionsImport, WorkbookTable } from '../office/workbook-port';
import type { HouseholdView } from './household-view';

export interface ImportPreview {
  readonly files: readonly ImportedFile[];
  readonly plan: ImportPlan;
  /** The Holdings and Accounts tables the preview was made from (their names and rows). */
  readonly holdings: WorkbookTable;
  readonly accounts: WorkbookTable | null;
}

/** A file the user picked: its name and its text (File.text() in the browser). */
export interface ChosenFile {
  readonly name: string;
  readonly text: string;
}

const asInput = (t: WorkbookTable, name: string): TableInput => ({ name, cells: t.values, headerRow: t.headerRow });

/** The preview of importing `chosen` into the workbook the pane shows; throws the engine's one-line error for a bad file. */
export function previewImport(view: HouseholdView, chosen: readonly ChosenFile[]): ImportPreview {
  const holdings = view.holdingsTable;
  if (!holdings) throw new Error('No holdings table found: format your holdings as an Excel table (Insert > Table) first.');
  const accounts = view.found.accounts;
  const files = importFiles(chosen);
  const plan = mergeImport({ holdings: asInput(holdings, 'Holdings'), accounts: accounts ? asInput(accounts, 'Accounts') : null, files });
  return { files, plan, holdings, accounts };
}

/** The engine's message for a bad file or table, else null (a bug, shown as it is). */
export function importProblem(e: unknown): string | null {
  return isImportError(e) || isInputError(e) ? e.message : null;
}

/** What the port writes: the imported accounts' Holdings rows out (checked against the preview), the new rows and accounts in. */
export function positionsImport(preview: ImportPreview): PositionsImport {
  const { plan, holdings, accounts } = preview;
  return {
    holdings: { table: holdings.name, remove: plan.removedRows.map((i) => ({ index: i - 1, values: holdings.values[i] })), add: plan.addedRows.map((r) => [...r]) },
    accounts: accounts && plan.accountRows.length > 0 ? { table: accounts.name, add: plan.accountRows.map((r) => [...r]) } : null,
  };
}

/** "a.csv (Fidelity), b.csv (Schwab)" */
export function describeFiles(files: readonly ImportedFile[]): string {
  return files.map((f) => `${f.file} (${f.broker})`).join(', ');
}

/** The household's drift as it will be after the import, for the Review Log; null while it cannot be computed (no Targets yet). */
export function driftAfterImport(view: HouseholdView, preview: ImportPreview): DriftReport | null {
  if (!view.tables) return null;
  const accounts = preview.accounts ? { name: 'Accounts', cells: [...preview.accounts.values, ...preview.plan.accountRows] as Cell[][] } : view.tables.accounts;
  try {
    const household = readHousehold({ ...view.tables, holdings: { name: 'Holdings', cells: preview.plan.holdingsAfter as Cell[][] }, accounts });
    return household.targets.length > 0 ? computeDrift(household) : null;
  } catch (e) {
    if (isInputError(e)) return null;
    throw e;
  }
}
