/**
 * What a broker's positions export becomes: the accounts it holds, one row per position or lot, the
 * lines that were deliberately not read (totals, pending activity) and what the user should know.
 * Money is integer cents; shares and prices are the numbers the file wrote; a missing number is null.
 */
import type { IsoDate } from '../dates';
import { oneLine } from '../errors';
import type { Cents } from '../money';

export type BrokerName = 'Fidelity' | 'Schwab' | 'Vanguard' | 'E*TRADE' | 'Interactive Brokers' | 'CSV';

export interface ImportedAccount {
  /** The name shown and written for a new account: the broker's name for it and the last digits (`Individual …5678`). */
  readonly account: string;
  /** The account number as the file gives it (possibly masked, `...234`); null when it has none. */
  readonly number: string | null;
  readonly broker: BrokerName;
}

export interface ImportedHolding {
  /** ImportedAccount.account of the account holding it. */
  readonly account: string;
  /** `CASH` for the broker's core cash; a bond or CD keeps its CUSIP. */
  readonly ticker: string;
  readonly shares: number | null;
  readonly price: number | null;
  readonly value: Cents | null;
  /** The total cost of the row (the lot, or the whole position when the file has no lots). */
  readonly costBasis: Cents | null;
  readonly acquired: IsoDate | null;
  /** The file's line the row comes from (1-based). */
  readonly line: number;
}

export interface SkippedLine {
  readonly file: string;
  readonly line: number;
  readonly why: string;
}

export interface ImportedFile {
  readonly file: string;
  readonly broker: BrokerName;
  readonly accounts: readonly ImportedAccount[];
  readonly holdings: readonly ImportedHolding[];
  readonly skipped: readonly SkippedLine[];
  readonly warnings: readonly string[];
}

/**
 * A file that cannot be imported (no known format, truncated, a cell that is not a number, the wrong
 * account): one line naming the file and, where there is one, the line and column. Nothing is written.
 */
export class ImportError extends Error {
  constructor(
    readonly file: string,
    readonly line: number | null,
    detail: string,
    readonly column: string | null = null,
  ) {
    const where = [file, line === null ? null : `line ${line}`, column === null ? null : `column ${column}`].filter((p) => p !== null).join(', ');
    super(oneLine(`${where}: ${detail}`));
    this.name = 'ImportError';
  }
}

export function isImportError(e: unknown): e is ImportError {
  return e instanceof ImportError;
}
