/**
 * REBAL.TRADES' inputs and its synchronous core. Excel runs the plan in a Web Worker (functions.ts);
 * a host that already holds a loaded solver — the HyperFormula test host — calls the core directly.
 */
import { localIsoDate, planTrades, readHousehold, tradesSpill, withAsOf } from '../engine';
import type { HouseholdTables, Solver } from '../engine';
import { inCell } from './errors';
import { mixArgument, optionalTableArgument, tableArgument } from './excel-input';

/* eslint-disable @typescript-eslint/no-explicit-any -- Excel passes ranges of any cell type */

/** The six ranges of REBAL.TRADES as the engine's tables (parameter addresses give Excel's rows). */
export function tradesTables(
  holdings: any[][],
  targets: any[][],
  accounts: any[][],
  settings: any[][],
  identical: any[][],
  mix: any[][],
  at: readonly string[],
): HouseholdTables {
  return {
    holdings: tableArgument('Holdings', holdings, at[0]),
    targets: tableArgument('Targets', targets, at[1]),
    accounts: optionalTableArgument('Accounts', accounts, at[2]),
    settings: optionalTableArgument('Settings', settings, at[3]),
    identical: optionalTableArgument('Identical', identical, at[4]),
    ...mixArgument(mix, at[5]),
  };
}

/** REBAL.TRADES solved on this thread with an already loaded solver. */
export function tradesWithSolver(solver: Solver, today: () => string = () => localIsoDate(new Date())) {
  return (holdings: any[][], targets: any[][], accounts: any[][], settings: any[][], identical: any[][], mix: any[][], invocation?: CustomFunctions.Invocation): any[][] =>
    inCell(() => {
      const tables = tradesTables(holdings, targets, accounts, settings, identical, mix, invocation?.parameterAddresses ?? []);
      const household = withAsOf(readHousehold(tables), null, today());
      return tradesSpill(planTrades(household, solver, { now: () => performance.now() }));
    });
}
