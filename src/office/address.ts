/** Excel addresses as Office.js reports them: "Sheet1!A1:H20", "'My Sheet'!$B$7". */

export function sheetOfAddress(address: string): string {
  const bang = address.lastIndexOf('!');
  if (bang < 0) return '';
  const sheet = address.slice(0, bang);
  return sheet.startsWith("'") && sheet.endsWith("'") ? sheet.slice(1, -1).replace(/''/g, "'") : sheet;
}

/** The worksheet row of the first cell (1 when the address has none). */
export function firstRowOf(address: string): number {
  const m = /^\$?[A-Za-z]{1,3}\$?(\d+)/.exec(address.slice(address.lastIndexOf('!') + 1));
  return m ? Number(m[1]) : 1;
}

/** Pads ragged rows with blanks so they form the rectangle Excel expects. */
export function rectangle<T>(rows: readonly (readonly T[])[], blank: T): T[][] {
  const width = Math.max(1, ...rows.map((r) => r.length));
  return rows.map((r) => [...r, ...Array<T>(width - r.length).fill(blank)]);
}
