/**
 * The one place a custom function's failure becomes what Excel shows: #VALUE! with the message
 * (only #VALUE! and #N/A carry a message into the cell).
 */
import { isInputError } from '../engine';

export function toCellError(e: unknown): CustomFunctions.Error {
  if (isInputError(e)) return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, e.message);
  const detail = e instanceof Error ? e.message : String(e);
  return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, `Rebalance could not finish: ${detail}`);
}

/** Runs a function body; any error becomes the cell error Excel displays. */
export function inCell<T>(body: () => T): T {
  try {
    return body();
  } catch (e) {
    throw toCellError(e);
  }
}

/** The async form of inCell, for functions whose work runs off Excel's thread. */
export async function inCellAsync<T>(body: () => Promise<T>): Promise<T> {
  try {
    return await body();
  } catch (e) {
    throw toCellError(e);
  }
}
