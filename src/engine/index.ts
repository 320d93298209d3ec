/**
 * The engine's face: everything an adapter (functions, office, task pane, command line) may call.
 * Pure TypeScript — no Office, no DOM, no file IO, no clock: AsOf is passed in.
 */
export type { Cell, EntityCell } from './cells';
export { excelErrorOf, ExcelErrorCell, quoteText, UnsavedFormulaCell } from './cells';
export type { IsoDate } from './dates';
export { addDays, addMonths, daysBetween, excelSerialToIso, isoToExcelSerial, localIsoDate, parseIsoDate } from './dates';
export { describePlace, InputError, isInputError, oneLine, TargetsNotChosen, warning } from './errors';
export type { Place, Warning, WarningKind } from './errors';
export type { Cents } from './money';
export { absCents, addCents, amountCents, cents, centsToNumber, MAX_ROW_AMOUNT, Money, negateCents, subtractCents, sumCents, ZERO_CENTS } from './money';
export {
  formatCents,
  formatDollarAmount,
  formatList,
  formatPercent,
  formatPercentUpTo,
  formatPlainNumber,
  formatPoints,
  formatPrice,
  formatShares,
  formatWholeDollars,
  MINUS,
} from './format';
export type {
  Account,
  AccountType,
  FundWeight,
  Holding,
  Household,
  Settings,
  Target,
  TaxTreatment,
} from './model';
export { CASH_CLASS, CASH_TICKER, keyOf } from './model';
export type { TableInput } from './table';
export { headerColumns } from './table';
export { ACCOUNTS_COLUMNS, inferAccountType } from './accounts';
export { SETTINGS_COLUMNS, settingKey } from './settings';
export { readHousehold, withAsOf } from './household';
export { isFundsTable, MIX_COLUMNS, MIX_TABLE_NAMES } from './mix';
export { MIXED_CLASS } from './class-split';
export { MIX_STARTER_HEADER, mixNotes, mixWeight, starterMix } from './mix-notes';
export type { MixNotes } from './mix-notes';
export type { ClassShare, FundMix } from './model';
export type { HouseholdTables } from './household';
export { DEFAULT_SETTINGS } from './settings';
export { bandOf, computeDrift } from './drift';
export type { DriftReport, DriftRow, DriftStatus } from './drift';
export { DRIFT_HEADER, driftSpill } from './spill';
export type { Spill, SpillValue } from './spill';
export { driftJson, roundWeight } from './json';
export type { DriftJson } from './json';
export { largestDrift, MONTHS_OF_FREQUENCY, outOfBand, reviewDue } from './due';
export type { DueVerdict } from './due';
export { detectHoldingsColumns, starterAccounts, starterSettings, starterTargets, targetsAreTodaysWeights } from './starter';
export type { DetectedColumn, TargetsStart } from './starter';
export type { PlanMode } from './model';
export { computeExposure, otherLabel, topExposure } from './exposure/lookthrough';
export type { ConcentrationFlag, ExposureKind, ExposureOptions, ExposureReport, ExposureRest, ExposureRow, ExposureVia } from './exposure/types';
export { describeVia, EXPOSURE_HEADER, exposureJson, exposureSpill, readTop } from './exposure/output';
export type { ExposureJson } from './exposure/output';
export { planTrades } from './planner/plan';
export type { Plan, PlanOptions } from './planner/plan';
export type { Solver, SolveProgress } from './planner/solve';
export type { Trade, TradeAction, TradeLot } from './planner/trades';
export type { ClassChange, PlanGap, PlanSummary } from './planner/summary';
export { TRADES_HEADER, tradesJson, tradesSpill, whyNothingIsDue } from './planner/output';
export type { TradeJson, TradeLotJson } from './planner/output';
export { ImportError, importFile, importFiles, importJson, isImportError, KNOWN_FORMATS, mergeImport } from './import';
export type {
  AccountMatch,
  BrokerName,
  CashJson,
  ImportedAccount,
  ImportedFile,
  ImportedHolding,
  ImportJson,
  ImportPlan,
  MergeInput,
  NewAccount,
  PositionChange,
  PositionJson,
  PositionState,
  SkippedLine,
} from './import';
