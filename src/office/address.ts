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

/** 0 → "A", 25 → "Z", 26 → "AA": Excel's letters for a column index. */
export function columnLetters(index: number): string {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** "AA" → 26: the index of the first cell's column (0 when the address has none). */
export function firstColumnOf(address: string): number {
  const m = /^\$?([A-Za-z]{1,3})\$?\d/.exec(address.slice(address.lastIndexOf('!') + 1));
  if (!m) return 0;
  return [...m[1].toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
}

/** A sheet name as an address needs it: quoted (with '' for ') unless plain letters, digits and underscores. */
export function quoteSheet(sheet: string): string {
  // A name that reads as a cell (A1, R1C1) must be quoted too.
  const plain = /^[A-Za-z_][A-Za-z0-9_]*$/.test(sheet) && !/^[A-Za-z]{1,3}\d+$/.test(sheet) && !/^R\d*C\d*$/i.test(sheet);
  return plain ? sheet : `'${sheet.replace(/'/g, "''")}'`;
}
