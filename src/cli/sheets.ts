/**
 * The sheets rebal writes into the output workbook. Each is marked (a note on A1) so a later run can
 * replace its own earlier sheet; a user's sheet that happens to have the same name is never touched —
 * ours gets a numbered name instead.
 */
import type { Workbook, Worksheet } from 'exceljs';
import { DRIFT_HEADER, driftSpill, mixNotes, TRADES_HEADER, tradesSpill } from '../engine';
import type { DriftReport, Plan, Spill } from '../engine';

export const MARK = 'Written by rebal';

export const MONEY_FORMAT = '"$"#,##0.00;[Red]-"$"#,##0.00';
export const PERCENT_FORMAT = '0.00%;[Red]-0.00%';
const HEADER_FILL = { type: 'pattern' as const, pattern: 'solid' as const, fgColor: { argb: 'FF1F4E79' } };
const STATUS_FILL: Record<string, string> = { Over: 'FFFCE4D6', Under: 'FFDDEBF7', 'No target': 'FFF2F2F2' };

function isOurs(sheet: Worksheet): boolean {
  const note = sheet.getCell('A1').note;
  const text = typeof note === 'string' ? note : (note?.texts ?? []).map((t) => t.text).join('');
  return text.startsWith(MARK);
}

/** A fresh sheet called `name`, replacing rebal's own earlier one; never a user's sheet. */
export function ownSheet(workbook: Workbook, name: string): Worksheet {
  const existing = workbook.getWorksheet(name);
  if (existing && isOurs(existing)) workbook.removeWorksheet(existing.id);
  else if (existing) {
    let n = 2;
    while (workbook.getWorksheet(`${name} (${n})`)) n++;
    name = `${name} (${n})`;
  }
  return workbook.addWorksheet(name);
}

export interface ColumnFormat {
  readonly width: number;
  readonly numFmt?: string;
}

export function writeTable(sheet: Worksheet, spill: Spill, formats: readonly ColumnFormat[], note: string): void {
  spill.forEach((values, i) => {
    const row = sheet.addRow(values.map((v) => (v === '' ? null : v)));
    if (i === 0) {
      row.font = { bold: true, color: { argb: 'FFFFFFFF' } };
      row.fill = HEADER_FILL;
    }
  });
  formats.forEach((f, i) => {
    const column = sheet.getColumn(i + 1);
    column.width = f.width;
    if (f.numFmt) column.numFmt = f.numFmt;
  });
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: formats.length } };
  sheet.getCell('A1').note = `${MARK}: ${note}`;
}

export function writeDriftSheet(workbook: Workbook, drift: DriftReport, note: string): Worksheet {
  const sheet = ownSheet(workbook, 'Drift');
  const percent = { width: 10, numFmt: PERCENT_FORMAT };
  writeTable(sheet, driftSpill(drift), [{ width: 22 }, { width: 16, numFmt: MONEY_FORMAT }, percent, percent, percent, percent, { width: 11 }], note);
  const statusColumn = DRIFT_HEADER.indexOf('Status') + 1;
  sheet.eachRow((row, r) => {
    if (r === 1) return;
    const fill = STATUS_FILL[String(row.getCell(statusColumn).value)];
    if (fill) row.getCell(statusColumn).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: fill } };
    if (row.getCell(1).value === 'Total') row.font = { bold: true };
  });
  const notes = mixNotes(drift);
  if (notes.funds.length > 0) {
    // Below the table, so the sheet reads on its own: how much of each class is in funds that span classes.
    sheet.addRow([]);
    sheet.addRow(['Funds that span classes']).font = { bold: true };
    for (const line of [...notes.classes.map((n) => n.text), ...notes.funds]) sheet.addRow([line]);
  }
  return sheet;
}

/**
 * Trades: the drafted plan with an empty Approved column for the user to tick before placing the
 * trades at their broker (rebal never trades). An empty plan is one row saying why.
 */
const TRADE_MONEY = { width: 14, numFmt: MONEY_FORMAT };
/** Account | Ticker | Action | Shares | Price | Amount | Est. tax | Reason | Approved */
const TRADE_COLUMNS = [{ width: 20 }, { width: 9 }, { width: 8 }, { width: 10, numFmt: '#,##0.######' }, TRADE_MONEY, TRADE_MONEY, TRADE_MONEY, { width: 90 }, { width: 10 }];

export function writeTradesSheet(workbook: Workbook, plan: Plan, note: string): Worksheet {
  const sheet = ownSheet(workbook, 'Trades');
  const spill = tradesSpill(plan).map((row, i) => [...row, i === 0 ? 'Approved' : '']);
  writeTable(sheet, spill, TRADE_COLUMNS, note);
  sheet.getColumn(8).alignment = { wrapText: true, vertical: 'top' };
  return sheet;
}

/**
 * Trades when no plan could be drafted: one `No plan` row with the reason, so a stale Trades sheet
 * from an earlier run never survives in the output as if it were this run's plan.
 */
export function writeNoPlanSheet(workbook: Workbook, reason: string, note: string): Worksheet {
  const sheet = ownSheet(workbook, 'Trades');
  const spill = [[...TRADES_HEADER], ['No plan', '', '', '', '', '', '', `No trades were drafted: ${reason}`]];
  writeTable(sheet, spill, TRADE_COLUMNS.slice(0, TRADES_HEADER.length), note);
  return sheet;
}
