/**
 * The REBAL custom functions: each reads its ranges through the shared readers, calls one engine
 * function, and returns the engine's 2-D result. No maths here. functions.json is generated from
 * these JSDoc comments at build time.
 */
import { computeDrift, driftSpill, readHousehold } from '../engine';
import { inCell } from './errors';
import { optionalTableArgument, tableArgument } from './excel-input';

/* eslint-disable @typescript-eslint/no-explicit-any -- Excel passes ranges of any cell type */

/**
 * Drift of each asset class from its target weight, with the 5/25 bands (Class | Value | Weight | Target | Drift | Band | Status).
 * @customfunction DRIFT
 * @param holdings The Holdings table with its header row, e.g. Holdings[#All].
 * @param targets The Targets table with its header row, e.g. Targets[#All].
 * @param [settings] The Settings table (Key | Value) with its header row, e.g. Settings[#All].
 * @param invocation Invocation details (Excel supplies them).
 * @requiresParameterAddresses
 * @returns One row per target, untargeted holdings, then a Total row.
 */
export function drift(holdings: any[][], targets: any[][], settings: any[][], invocation: CustomFunctions.Invocation): any[][] {
  return inCell(() => {
    const at = invocation?.parameterAddresses ?? [];
    const household = readHousehold({
      holdings: tableArgument('Holdings', holdings, at[0]),
      targets: tableArgument('Targets', targets, at[1]),
      settings: optionalTableArgument('Settings', settings, at[2]),
    });
    return driftSpill(computeDrift(household));
  });
}
