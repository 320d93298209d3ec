/**
 * Everything the command line computes for one workbook, in the JSON shape of PRODUCT.md. Trades stay
 * empty until the planner lands. Besides the contract's keys, `concentration` lists the holdings above
 * the ConcentrationLimit setting, and each `exposure` row says which funds it comes through (`via`).
 */
import { centsToNumber, computeDrift, computeExposure, driftJson, exposureJson, Household, IsoDate, roundWeight } from '../engine';
import type { DriftJson, DriftReport, ExposureJson, ExposureReport } from '../engine';

export interface RebalanceReport {
  readonly asOf: IsoDate;
  readonly household: Household;
  readonly drift: DriftReport;
  readonly exposure: ExposureReport;
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
  trades: unknown[];
  exposure: ExposureJson[];
  concentration: ConcentrationJson[];
  warnings: string[];
}

export function buildReport(household: Household, asOf: IsoDate): RebalanceReport {
  return { asOf, household, drift: computeDrift(household), exposure: computeExposure(household) };
}

export function reportJson(report: RebalanceReport): ReportJson {
  return {
    asOf: report.asOf,
    total: centsToNumber(report.drift.total),
    drift: driftJson(report.drift),
    trades: [],
    exposure: exposureJson(report.exposure),
    concentration: report.exposure.flags.map((f) => ({ holding: f.holding, weight: roundWeight(f.weight), limit: f.limit, message: f.message })),
    warnings: report.household.warnings.map((w) => w.message),
  };
}
