/**
 * The one place a custom function's failure becomes what Excel shows: #VALUE! with the message
 * (only #VALUE! and #N/A carry a message into the cell).
 */
import { isInputError } from '../engine';

/**
 * What a cell says when the failure is not the user's input: a raw JavaScript or solver message
 * ("passModel failed with HiGHS status -1") would read as a problem with the workbook.
 */
export const INTERNAL_ERROR_MESSAGE =
  'Rebalance could not finish: an internal error in the add-in (not a problem with your workbook); please report it';

export function toCellError(e: unknown): CustomFunctions.Error {
  if (isInputError(e)) return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, e.message);
  // The detail goes to the console (the add-in's developer tools), never into the cell.
  console.error('Rebalance could not finish:', e);
  return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, INTERNAL_ERROR_MESSAGE);
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
