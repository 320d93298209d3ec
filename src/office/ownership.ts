/**
 * Which sheets and tables the add-in created, kept in the workbook's own settings (saved with the
 * file) by Excel's stable ids, so a rename does not confuse it and a user's sheet is never mistaken
 * for ours. Everything else in the workbook is the user's and is never written.
 */

export const OWNERSHIP_SETTING = 'RebalanceInExcel.owned';

export interface Ownership {
  readonly sheets: string[];
  readonly tables: string[];
}

export function parseOwnership(json: unknown): Ownership {
  if (typeof json !== 'string' || json === '') return { sheets: [], tables: [] };
  const parsed: unknown = JSON.parse(json);
  const list = (x: unknown) => (Array.isArray(x) ? x.filter((s): s is string => typeof s === 'string') : []);
  const o = (typeof parsed === 'object' && parsed !== null ? parsed : {}) as Record<string, unknown>;
  return { sheets: list(o.sheets), tables: list(o.tables) };
}

export function withOwned(o: Ownership, sheetId: string | null, tableId: string | null): Ownership {
  return {
    sheets: sheetId && !o.sheets.includes(sheetId) ? [...o.sheets, sheetId] : o.sheets,
    tables: tableId && !o.tables.includes(tableId) ? [...o.tables, tableId] : o.tables,
  };
}
