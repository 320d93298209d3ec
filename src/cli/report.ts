/**
 * Everything the command line computes for one workbook, in the JSON shape of PRODUCT.md. Besides the
 * contract's keys, `concentration` lists the holdings above the ConcentrationLimit setting, and each
 * `exposure` row says which funds it comes through (`via`).
 *
 * Partial results (PRODUCT.md): when the plan cannot be drafted because of the input (an InputError),
 * drift and exposure are still reported; the plan's message is kept as `planError`, the JSON has
 * `trades: []` and the message as its last warning, and the command exits 1.
 */
import { centsToNumber, computeDrift, computeExposure, driftJson, exposureJson, Household, InputError, isInputError, IsoDate, planTrades, roundWeight, tradesJson } from '../engine';
import type { DriftJson, DriftReport, ExposureJson, ExposureReport, Plan, Solver, TradeJson, Warning } from '../engine';

export interface RebalanceReport {
  readonly asOf: IsoDate;
  readonly household: Household;
  readonly drift: DriftReport;
  readonly exposure: ExposureReport;
  /** Null when the plan could not be drafted (planError says why). */
  readonly plan: Plan | null;
  readonly planError: InputError | null;
  /** What the reader found (tables left unread): shown before the household's and the planner's warnings. */
  readonly readerWarnings: readonly Warning[];
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
  const exposure = computeExposure(household);
  try {
    const plan = planTrades(household, solver, { now: () => performance.now() });
    return { asOf, household, drift, exposure, plan, planError: null, readerWarnings };
  } catch (e) {
    // Only a problem with the input is a partial result; anything else is the planner's bug (exit 2).
    if (!isInputError(e)) throw e;
    return { asOf, household, drift, exposure, plan: null, planError: e, readerWarnings };
  }
}

/** The reader's warnings, then the plan's (which include the household's) — or the household's when there is no plan. */
export function shownWarnings(report: RebalanceReport): Warning[] {
  return [...report.readerWarnings, ...(report.plan ?? report.household).warnings];
}

/** The JSON's warnings: those shown, and last the reason no plan was drafted (the same line as on stderr). */
export function reportWarnings(report: RebalanceReport): string[] {
  return [...shownWarnings(report).map((w) => w.message), ...(report.planError ? [report.planError.message] : [])];
}

export function reportJson(report: RebalanceReport): ReportJson {
  return {
    asOf: report.asOf,
    total: centsToNumber(report.drift.total),
    drift: driftJson(report.drift),
    trades: report.plan ? tradesJson(report.plan) : [],
    exposure: exposureJson(report.exposure),
    concentration: report.exposure.flags.map((f) => ({ holding: f.holding, weight: roundWeight(f.weight), limit: f.limit, message: f.message })),
    warnings: reportWarnings(report),
  };
}
