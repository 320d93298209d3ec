/**
 * Look-through exposure's vocabulary: the rows of REBAL.EXPOSURE, what `top` leaves out, and the
 * concentration flags. Types only, so the calculation, the flags and the output each depend on this
 * module and never on each other.
 */
import { Cents } from '../money';

export type ExposureKind = 'holding' | 'cash' | 'other';

/** The part of a holding's exposure that comes through one fund the household holds. */
export interface ExposureVia {
  /** The fund as held in Holdings (the outermost fund of a fund of funds). */
  readonly fund: string;
  readonly value: Cents;
}

export interface ExposureRow {
  /** Upper-case ticker (or name), `CASH`, or `Other (FUND)`. */
  readonly holding: string;
  readonly kind: ExposureKind;
  /** Held directly in Holdings, not through a fund. */
  readonly direct: Cents;
  /** Held through funds: the sum of `via`. */
  readonly viaFunds: Cents;
  readonly total: Cents;
  /** total ÷ the household's total. */
  readonly weight: number;
  /** Largest first. */
  readonly via: readonly ExposureVia[];
}

/** The rows left out by `top`, summed. */
export interface ExposureRest {
  readonly count: number;
  readonly direct: Cents;
  readonly viaFunds: Cents;
  readonly total: Cents;
  readonly weight: number;
}

export interface ExposureReport {
  /** The household's value: the sum of every row's total, to the cent. */
  readonly total: Cents;
  /** Largest total first (equal totals in the order they first appear); only the first `top` when asked. */
  readonly rows: readonly ExposureRow[];
  /** What `top` left out, or null when every row is shown. */
  readonly rest: ExposureRest | null;
  /** Single holdings above the concentration limit, largest first (over all rows, not only the top). */
  readonly flags: readonly ConcentrationFlag[];
  /** The ConcentrationLimit setting used, as a fraction. */
  readonly limit: number;
}

export interface ExposureOptions {
  /** Show only the largest `top` rows (the rest are summed in `rest`); null or absent for all. */
  readonly top?: number | null;
}

export interface ConcentrationFlag {
  readonly holding: string;
  /** Fraction of the household. */
  readonly weight: number;
  /** The limit it is above, as a fraction. */
  readonly limit: number;
  readonly direct: Cents;
  /** Largest first. */
  readonly via: readonly ExposureVia[];
  readonly total: Cents;
  readonly message: string;
}
