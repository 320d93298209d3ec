/**
 * The REBAL custom functions: each reads its ranges through the shared readers, calls one engine
 * function, and returns the engine's 2-D result. No maths here. functions.json is generated from
 * these JSDoc comments at build time.
 */
import {
  computeDrift,
  computeExposure,
  driftSpill,
  exposureSpill,
  localIsoDate,
  readHousehold,
  readTop,
  reviewDue,
  tradesSpill,
  withAsOf,
} from '../engine';
import { PlannerClient } from '../worker/planner-client';
import { inCell, inCellAsync } from './errors';
import { mixArgument, optionalTableArgument, tableArgument } from './excel-input';
import { finiteSpill } from './spill-guard';
import { tradesTables } from './trades-core';

/* eslint-disable @typescript-eslint/no-explicit-any -- Excel passes ranges of any cell type */

/** The household that DRIFT and DUE read: Holdings, Targets and the optional Settings and Mix. */
function driftHousehold(holdings: any[][], targets: any[][], settings: any[][], mix: any[][], invocation: CustomFunctions.Invocation) {
  const at = invocation?.parameterAddresses ?? [];
  return readHousehold({
    holdings: tableArgument('Holdings', holdings, at[0]),
    targets: tableArgument('Targets', targets, at[1]),
    settings: optionalTableArgument('Settings', settings, at[2]),
    ...mixArgument(mix, at[3]),
  });
}

/**
 * Drift of each asset class from its target weight, with the 5/25 bands (Class | Value | Weight | Target | Drift | Band | Status).
 * @customfunction DRIFT
 * @param holdings The Holdings table with its header row, e.g. Holdings[#All].
 * @param targets The Targets table with its header row, e.g. Targets[#All].
 * @param [settings] The Settings table (Key | Value) with its header row, e.g. Settings[#All].
 * @param [mix] The Mix table (Ticker | Class | Weight) for funds that span classes, e.g. Mix[#All]; or the Funds table, to derive them.
 * @param invocation Invocation details (Excel supplies them).
 * @requiresParameterAddresses
 * @returns One row per target, untargeted holdings, then a Total row.
 */
export function drift(holdings: any[][], targets: any[][], settings: any[][], mix: any[][], invocation: CustomFunctions.Invocation): any[][] {
  return inCell(() => {
    const household = driftHousehold(holdings, targets, settings, mix, invocation);
    return finiteSpill(driftSpill(computeDrift(household)));
  });
}

/**
 * Whether the Settings' rule (Calendar, Threshold or Hybrid) calls for a rebalance today: "Due: …" or "Not due: …" with the reason and the next check date.
 * @customfunction DUE
 * @param holdings The Holdings table with its header row, e.g. Holdings[#All].
 * @param targets The Targets table with its header row, e.g. Targets[#All].
 * @param [settings] The Settings table (Key | Value) with its header row; its Rule, Frequency, LastRebalanced and AsOf decide.
 * @param [mix] The Mix table (Ticker | Class | Weight) for funds that span classes, e.g. Mix[#All]; or the Funds table, to derive them.
 * @param invocation Invocation details (Excel supplies them).
 * @requiresParameterAddresses
 * @volatile
 * @returns "Due: …" or "Not due: …", the reason, and the next check date, in one cell.
 */
export function due(holdings: any[][], targets: any[][], settings: any[][], mix: any[][], invocation: CustomFunctions.Invocation): string[][] {
  return inCell(() => {
    const household = driftHousehold(holdings, targets, settings, mix, invocation);
    // AsOf from Settings, else today as the person at the keyboard knows it (the cell is volatile so it moves with the date).
    const { settings: rule } = withAsOf(household, null, localIsoDate(new Date()));
    // A 1×1 matrix: the docs allow requiresParameterAddresses (messages naming worksheet rows) only
    // with a matrix result, and one row of one column spills into the formula's own cell.
    return [[reviewDue(computeDrift(household), rule, rule.asOf!).text]];
  });
}

/**
 * Look-through exposure: each holding held directly and through the funds in Funds, largest first, with a Total row (Holding | Direct | Via funds | Total | Weight | Via).
 * @customfunction EXPOSURE
 * @param holdings The Holdings table with its header row, e.g. Holdings[#All].
 * @param funds The Funds table (Fund | Holding | Weight) with its header row, e.g. Funds[#All].
 * @param [top] Show only this many of the largest holdings; the rest are summed in one row.
 * @param invocation Invocation details (Excel supplies them).
 * @requiresParameterAddresses
 * @returns One row per underlying holding, then Others (when top is given) and a Total row.
 */
export function exposure(holdings: any[][], funds: any[][], top: number, invocation: CustomFunctions.Invocation): any[][] {
  return inCell(() => {
    const at = invocation?.parameterAddresses ?? [];
    const household = readHousehold({
      holdings: tableArgument('Holdings', holdings, at[0]),
      funds: tableArgument('Funds', funds, at[1]),
    });
    return finiteSpill(exposureSpill(computeExposure(household, { top: readTop(top) })));
  });
}

/** One planner worker for the workbook, started by the first REBAL.TRADES. */
let planner: PlannerClient | null = null;

/**
 * Drafts the household's trades: closest to target, then least tax and cost, then fewest trades (Account | Ticker | Action | Shares | Price | Amount | Est. tax | Reason).
 * @customfunction TRADES
 * @param holdings The Holdings table with its header row, e.g. Holdings[#All].
 * @param targets The Targets table with its header row, e.g. Targets[#All].
 * @param [accounts] The Accounts table with its header row, e.g. Accounts[#All].
 * @param [settings] The Settings table (Key | Value) with its header row, e.g. Settings[#All].
 * @param [identical] The Identical table (Ticker | Group) with its header row, for wash sales.
 * @param [mix] The Mix table (Ticker | Class | Weight) for funds that span classes, e.g. Mix[#All]; or the Funds table, to derive them.
 * @param invocation Invocation details (Excel supplies them).
 * @requiresParameterAddresses
 * @returns One row per trade, sells before buys in each account; one row saying why when nothing is due.
 */
export async function trades(
  holdings: any[][],
  targets: any[][],
  accounts: any[][],
  settings: any[][],
  identical: any[][],
  mix: any[][],
  invocation: CustomFunctions.Invocation,
): Promise<any[][]> {
  return inCellAsync(async () => {
    const tables = tradesTables(holdings, targets, accounts, settings, identical, mix, invocation?.parameterAddresses ?? []);
    planner ??= new PlannerClient();
    return finiteSpill(tradesSpill(await planner.draftPlan(tables, localIsoDate(new Date()))));
  });
}
