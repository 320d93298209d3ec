/**
 * The imported files as PRODUCT.md's `--json` shape: accounts, holdings (cash with ticker `CASH` and
 * only its value), skipped lines and warnings; money in dollars to the cent, missing numbers null.
 */
import { Cents, centsToNumber } from '../money';
import { CASH_TICKER } from '../model';
import { ImportedFile } from './model';

export interface PositionJson {
  account: string;
  ticker: string;
  shares: number | null;
  price: number | null;
  value: number | null;
  costBasis: number | null;
  acquired: string | null;
}

export interface CashJson {
  account: string;
  ticker: string;
  value: number | null;
}

export interface ImportJson {
  readonly accounts: { account: string; number: string | null; broker: string }[];
  /** A position has every field; cash has only account, ticker `CASH` and value. */
  readonly holdings: (PositionJson | CashJson)[];
  readonly skipped: { file: string; line: number; why: string }[];
  readonly warnings: string[];
}

const dollars = (c: Cents | null) => (c === null ? null : centsToNumber(c));

export function importJson(files: readonly ImportedFile[], extraWarnings: readonly string[] = []): ImportJson {
  return {
    accounts: files.flatMap((f) => f.accounts.map((a) => ({ account: a.account, number: a.number, broker: a.broker }))),
    holdings: files.flatMap((f) =>
      f.holdings.map((h) =>
        h.ticker === CASH_TICKER
          ? { account: h.account, ticker: h.ticker, value: dollars(h.value) }
          : { account: h.account, ticker: h.ticker, shares: h.shares, price: h.price, value: dollars(h.value), costBasis: dollars(h.costBasis), acquired: h.acquired },
      ),
    ),
    skipped: files.flatMap((f) => f.skipped.map((s) => ({ ...s }))),
    warnings: [...files.flatMap((f) => f.warnings), ...extraWarnings],
  };
}
