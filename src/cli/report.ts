/**
 * Everything the command line computes for one workbook, in the JSON shape of PRODUCT.md. Exposure stays
 * empty until look-through lands.
 */
import { centsToNumber, computeDrift, driftJson, Household, IsoDate, planTrades, tradesJson } from '../engine';
import type { DriftJson, DriftReport, Plan, Solver, TradeJson } from '../engine';

export interface RebalanceReport {
  readonly asOf: IsoDate;
  readonly household: Household;
  readonly drift: DriftReport;
  readonly plan: Plan;
}

export interface ReportJson {
  asOf: IsoDate;
  total: number;
  drift: DriftJson[];
  trades: TradeJson[];
  exposure: unknown[];
  warnings: string[];
}

export function buildReport(household: Household, asOf: IsoDate, solver: Solver): RebalanceReport {
  const drift = computeDrift(household);
  const plan = planTrades(household, solver, { now: () => performance.now() });
  return { asOf, household, drift, plan };
}

export function reportJson(report: RebalanceReport): ReportJson {
  return {
    asOf: report.asOf,
    total: centsToNumber(report.drift.total),
    drift: driftJson(report.drift),
    trades: tradesJson(report.plan),
    exposure: [],
    warnings: report.plan.warnings.map((w) => w.message),
  };
}
