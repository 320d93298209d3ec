/**
 * The Exposure sheet: every underlying holding, largest first, then the Total row; holdings above the
 * ConcentrationLimit are shaded, and the flags are written under the table as sentences.
 */
import type { Workbook, Worksheet } from 'exceljs';
import { exposureSpill, formatPercentUpTo } from '../engine';
import type { ExposureReport } from '../engine';
import { MONEY_FORMAT, ownSheet, PERCENT_FORMAT, writeTable } from './sheets';

const FLAG_FILL = { type: 'pattern' as const, pattern: 'solid' as const, fgColor: { argb: 'FFFCE4D6' } };

export function writeExposureSheet(workbook: Workbook, exposure: ExposureReport, note: string): Worksheet {
  const sheet = ownSheet(workbook, 'Exposure');
  const money = { width: 16, numFmt: MONEY_FORMAT };
  const spill = exposureSpill(exposure);
  writeTable(sheet, spill, [{ width: 24 }, money, money, money, { width: 10, numFmt: PERCENT_FORMAT }, { width: 60 }], note);
  const flagged = new Set(exposure.flags.map((f) => f.holding));
  sheet.eachRow((row, r) => {
    if (r === 1) return;
    const holding = String(row.getCell(1).value);
    if (flagged.has(holding)) row.eachCell((cell) => (cell.fill = FLAG_FILL));
    if (holding === 'Total') row.font = { bold: true };
  });
  if (exposure.flags.length > 0) {
    const at = spill.length + 2;
    sheet.getCell(at, 1).value = `Above the ${formatPercentUpTo(exposure.limit)} concentration limit:`;
    sheet.getCell(at, 1).font = { bold: true };
    exposure.flags.forEach((f, i) => (sheet.getCell(at + 1 + i, 1).value = f.message));
  }
  return sheet;
}
