/**
 * Everything the command line computes for one workbook, in the JSON shape of PRODUCT.md. Trades and
 * exposure stay empty until the planner and look-through land.
 */
import { centsToNumber, computeDrift, driftJson, Household, IsoDate } from '../engine';
import type { DriftJson, DriftReport } from '../engine';

export interface RebalanceReport {
  readonly asOf: IsoDate;
  readonly household: Household;
  readonly drift: DriftReport;
}

export interface ReportJson {
  asOf: IsoDate;
  total: number;
  drift: DriftJson[];
  trades: unknown[];
  exposure: unknown[];
  warnings: string[];
}

export function buildReport(household: Household, asOf: IsoDate): RebalanceReport {
  return { asOf, household, drift: computeDrift(household) };
}

export function reportJson(report: RebalanceReport): ReportJson {
  return {
    asOf: report.asOf,
    total: centsToNumber(report.drift.total),
    drift: driftJson(report.drift),
    trades: [],
    exposure: [],
    warnings: report.household.warnings.map((w) => w.message),
  };
}
