/**
 * Writing one of the add-in's own sheets without ever touching the user's: a user's sheet with the
 * wanted name is stepped around ("Trades 2026-11-21 (2)"); the add-in's own earlier sheet is
 * replaced only when the user says so.
 */
import type { Cell } from '../engine';
import type { SheetLayout, WorkbookPort } from '../office/workbook-port';

export interface OwnSheet extends SheetLayout {
  readonly name: (attempt: number) => string;
  readonly rows: Cell[][];
  readonly content: 'values' | 'formulas';
}

export type Ask = (title: string, body: string, confirm: string) => Promise<boolean>;

const MAX_ATTEMPTS = 20;

/** Resolves to the sheet written, or null when the user declined to replace the earlier one. */
export async function writeOwnSheet(workbook: WorkbookPort, sheet: OwnSheet, ask: Ask): Promise<string | null> {
  const { name: nameFor, ...content } = sheet;
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    const name = nameFor(attempt);
    const state = await workbook.sheetState(name);
    if (state === 'theirs') continue;
    if (state === 'ours') {
      const yes = await ask(`Replace ${name}?`, `${name} holds what Rebalance wrote earlier. Replace it with the new version?`, 'Replace');
      if (!yes) return null;
    }
    await workbook.writeSheet({ ...content, sheet: name, replace: state === 'ours' });
    return name;
  }
  throw new Error(`Sheets called ${nameFor(1)} up to ${nameFor(MAX_ATTEMPTS)} all exist; rename or delete some first.`);
}
