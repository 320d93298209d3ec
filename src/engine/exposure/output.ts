/**
 * Exposure as the adapters show it: the REBAL.EXPOSURE spill and the Exposure sheet
 * (Holding | Direct | Via funds | Total | Weight | Via), and the command line's JSON `exposure` rows.
 * Money in currency units to the cent; weights as fractions.
 */
import { Cell, readNumber } from '../cells';
import { InputError } from '../errors';
import { roundWeight } from '../json';
import { ExposureReport, ExposureVia } from './types';
import { formatCents } from '../format';
import { addCents, centsToNumber, subtractCents, ZERO_CENTS } from '../money';
import { Spill } from '../spill';

export const EXPOSURE_HEADER = ['Holding', 'Direct', 'Via funds', 'Total', 'Weight', 'Via'] as const;

/** "VTI $4,804.12, QQQ $1,284.03" — largest first. */
export function describeVia(via: readonly ExposureVia[]): string {
  return via.map((v) => `${v.fund} ${formatCents(v.value)}`).join(', ');
}

/** Every row (or the top ones, then `Others (n)`), then a Total row equal to the household's value. */
export function exposureSpill(report: ExposureReport): Spill {
  const n = centsToNumber;
  const rows: Spill = [[...EXPOSURE_HEADER]];
  for (const r of report.rows) rows.push([r.holding, n(r.direct), n(r.viaFunds), n(r.total), r.weight, describeVia(r.via)]);
  const rest = report.rest;
  if (rest) rows.push([`Others (${rest.count})`, n(rest.direct), n(rest.viaFunds), n(rest.total), rest.weight, '']);
  let direct = rest?.direct ?? ZERO_CENTS;
  for (const r of report.rows) direct = addCents(direct, r.direct);
  rows.push(['Total', n(direct), n(subtractCents(report.total, direct)), n(report.total), 1, '']);
  return rows;
}

export interface ExposureJson {
  holding: string;
  direct: number;
  viaFunds: number;
  total: number;
  weight: number;
  /** Fund → the part that comes through it, largest first. */
  via: { fund: string; value: number }[];
}

export function exposureJson(report: ExposureReport): ExposureJson[] {
  return report.rows.map((r) => ({
    holding: r.holding,
    direct: centsToNumber(r.direct),
    viaFunds: centsToNumber(r.viaFunds),
    total: centsToNumber(r.total),
    weight: roundWeight(r.weight),
    via: r.via.map((v) => ({ fund: v.fund, value: centsToNumber(v.value) })),
  }));
}

/** REBAL.EXPOSURE's optional `top`: blank (or the 0 older builds send for a blank) means every row. */
export function readTop(cell: Cell): number | null {
  const place = { table: 'REBAL.EXPOSURE', row: null, column: 'top' };
  const parsed = readNumber(cell);
  if (!parsed.ok) throw new InputError(place, `${parsed.problem}; top is how many holdings to show`);
  const top = parsed.value;
  if (top === null || top === 0) return null;
  if (!Number.isInteger(top) || top < 0) throw new InputError(place, `${top} is not a whole number of holdings to show`);
  return top;
}
