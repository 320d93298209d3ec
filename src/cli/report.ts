/**
 * Everything the command line computes for one workbook, in the JSON shape of PRODUCT.md. Besides the
 * contract's keys, `concentration` lists the holdings above the ConcentrationLimit setting, and each
 * `exposure` row says which funds it comes through (`via`).
 */
import { centsToNumber, computeDrift, computeExposure, driftJson, exposureJson, Household, IsoDate, planTrades, roundWeight, tradesJson } from '../engine';
import type { DriftJson, DriftReport, ExposureJson, ExposureReport, Plan, Solver, TradeJson, Warning } from '../engine';

export interface RebalanceReport {
  readonly asOf: IsoDate;
  readonly household: Household;
  readonly drift: DriftReport;
  readonly exposure: ExposureReport;
  readonly plan: Plan;
  /** What the reader found (tables left unread), then the household's and the planner's warnings. */
  readonly warnings: readonly Warning[];
}

/** A single holding above the ConcentrationLimit, as the JSON shows it. */
export interface ConcentrationJson {
  holding: string;
  weight: number;
  limit: number;
  message: string;
}

export interface ReportJson {
  asOf: IsoDate;
  total: number;
  drift: DriftJson[];
  trades: TradeJson[];
  exposure: ExposureJson[];
  concentration: ConcentrationJson[];
  warnings: string[];
}

export function buildReport(household: Household, asOf: IsoDate, solver: Solver, readerWarnings: readonly Warning[] = []): RebalanceReport {
  const drift = computeDrift(household);
  const plan = planTrades(household, solver, { now: () => performance.now() });
  return { asOf, household, drift, exposure: computeExposure(household), plan, warnings: [...readerWarnings, ...plan.warnings] };
}

export function reportJson(report: RebalanceReport): ReportJson {
  return {
    asOf: report.asOf,
    total: centsToNumber(report.drift.total),
    drift: driftJson(report.drift),
    trades: tradesJson(report.plan),
    exposure: exposureJson(report.exposure),
    concentration: report.exposure.flags.map((f) => ({ holding: f.holding, weight: roundWeight(f.weight), limit: f.limit, message: f.message })),
    warnings: report.warnings.map((w) => w.message),
  };
}
