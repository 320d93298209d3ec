/**
 * The one error type the engine throws for a user's mistake, and the warnings it returns as data.
 * Every adapter maps these: a cell shows `#VALUE!` with the message, the command line prints it
 * as one line on stderr, the task pane shows it in a message bar.
 */

/** Where in the workbook a problem is: the table, the row as Excel numbers it, the column. */
export interface Place {
  readonly table: string;
  /** The worksheet row number (1-based, as Excel shows it); null for a problem with the whole table. */
  readonly row: number | null;
  /** The column's header as the user wrote it, or the expected name when the column is missing. */
  readonly column: string | null;
}

export function describePlace(place: Place): string {
  const parts = [place.table];
  if (place.row !== null) parts.push(`row ${place.row}`);
  if (place.column !== null) parts.push(`column ${place.column}`);
  return parts.join(', ');
}

/** Line breaks as ⏎, other control characters as spaces: every message is one line wherever it is shown. */
export function oneLine(text: string): string {
  return text.replace(/\r\n|\r|\n|\u2028|\u2029/g, '⏎').replace(/[\u0000-\u001f\u007f]/g, ' ');
}

/** Bad input: the message names the table, row and column so the user can go straight to the cell. */
export class InputError extends Error implements Place {
  readonly table: string;
  readonly row: number | null;
  readonly column: string | null;
  readonly detail: string;

  constructor(place: Place, detail: string) {
    super(oneLine(`${describePlace(place)}: ${detail}`));
    this.name = 'InputError';
    this.table = place.table;
    this.row = place.row;
    this.column = place.column;
    this.detail = oneLine(detail);
  }
}

export type WarningKind =
  | 'valueMismatch'
  | 'inferredAccountType'
  | 'unknownSetting'
  | 'missingBasis'
  | 'missingAcquired'
  | 'derivedPrice'
  | 'derivedShares'
  | 'unknownAccount'
  | 'planNotProven'
  /** A plan proven within the tolerances, but drafted after the TimeLimit safety net cut a search short. */
  | 'timeLimitReached'
  | 'summaryRow'
  | 'acquiredAfterAsOf'
  | 'tableNotRead'
  /** Positions with only a Value: they count in drift but the planner leaves them as they are. */
  | 'valueOnly'
  /** An underweight class the planner cannot buy (no ticker or no price): left out of the plan. */
  | 'classNotBought'
  /** A position whose price or share count is beyond what the solver can work with exactly: left as it is. */
  | 'notTradable'
  /** A Mix ticker whose weights are all blank: it counts in its Holdings class until they are filled in. */
  | 'mixIncomplete'
  /** A class in Mix that Targets does not list: that share of the fund is untargeted. */
  | 'mixUntargeted'
  /** A holding whose Class says Mixed with no mix in Mix and none derivable from Funds. */
  | 'mixMissing';

/** Something the user should know that does not stop the calculation. */
export interface Warning extends Place {
  readonly kind: WarningKind;
  readonly message: string;
}

export function warning(kind: WarningKind, place: Place, detail: string): Warning {
  return { kind, ...place, message: oneLine(`${describePlace(place)}: ${detail}`) };
}

/**
 * Targets whose every Target cell is blank: not a mistake but a household that has not chosen its
 * targets yet (Setup lists the classes and leaves the numbers to the user). Adapters may show it as the
 * next step rather than as an error.
 */
export class TargetsNotChosen extends InputError {
  constructor(place: Place, detail: string) {
    super(place, detail);
    this.name = 'TargetsNotChosen';
  }
}

export function isInputError(e: unknown): e is InputError {
  return e instanceof InputError;
}
