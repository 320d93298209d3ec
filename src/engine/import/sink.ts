/**
 * Where a broker module puts what it reads, with the rules every broker shares: an account's name
 * (the broker's name for it and the last digits of its number), summary lines and short or empty
 * positions set aside with a note, bond prices quoted per $100 of face value brought to per unit,
 * cash as `CASH` with only its value.
 */
import { CASH_TICKER } from '../model';
import { formatCents } from '../format';
import { cents, Cents, productCents } from '../money';
import type { IsoDate } from '../dates';
import { CsvRow } from './csv';
import { BrokerName, ImportedAccount, ImportedFile, ImportedHolding, ImportError, SkippedLine } from './model';

/** What a broker's summary line says where a symbol or account should be. */
const SUMMARY_TEXT = /^(?:(?:account|accounts|positions?|portfolio|grand|sub)[\s-]*)?totals?:?$/i;

export function isSummaryText(text: string | null): boolean {
  return text !== null && SUMMARY_TEXT.test(text.trim());
}

/**
 * Options as each broker writes them: Fidelity's `-NFLX260821C100`, the OCC symbol
 * `NFLX  260821C00100000`, Schwab's `AAPL 01/17/2025 150.00 C`, E*TRADE's `QQQ Dec 31 '26 $600 Put`.
 */
export function looksLikeOption(symbol: string | null, description: string | null = null): boolean {
  const s = (symbol ?? '').trim();
  if (/^-[A-Z.]+\d{6}[CP][\d.]+$/i.test(s)) return true;
  if (/^[A-Z.]{1,6}\s*\d{6}[CP]\d{8}$/i.test(s)) return true;
  if (/\s\d{2}\/\d{2}\/\d{4}\s+[\d.]+\s+[CP]$/i.test(s)) return true;
  if (/\s(call|put)$/i.test(s)) return true;
  return s === '' && description !== null && /\b(call|put)\b/i.test(description);
}

export interface Position {
  readonly account: string;
  readonly ticker: string;
  readonly shares: number | null;
  readonly price: number | null;
  readonly value: Cents | null;
  readonly costBasis?: Cents | null;
  readonly acquired?: IsoDate | null;
  /** The basis was computed from a per-share price paid, so it is quoted the way the price is (per $100 for a bond). */
  readonly basisFromPrice?: boolean;
}

/** A value may differ from shares × price by this much (rounding, a stale price) before it means something. */
const VALUE_TOLERANCE = 0.01;

export class ImportSink {
  private readonly accounts = new Map<string, ImportedAccount>();
  private readonly holdings: ImportedHolding[] = [];
  private readonly skipped: SkippedLine[] = [];
  private readonly warnings: string[] = [];

  constructor(
    readonly file: string,
    readonly broker: BrokerName,
  ) {}

  /**
   * Registers the account and returns the name its rows carry: `Individual …5678` from the
   * broker's name for it and the last four digits of its number; the broker's own name when the
   * file gives the account none. A plain CSV's account names are the user's own and kept as written.
   */
  account(name: string | null, number: string | null): string {
    const label = this.broker === 'CSV' ? (name ?? 'Portfolio') : accountLabel(name ?? this.broker, number);
    if (!this.accounts.has(label)) this.accounts.set(label, { account: label, number, broker: this.broker });
    return label;
  }

  position(row: CsvRow, p: Position): void {
    if (p.shares !== null && p.shares < 0) {
      this.warn(row, `${p.ticker} is a short position (${p.shares} shares); it is not imported, since the rebalancer does not trade short positions`);
      return;
    }
    if (p.shares === 0 && (p.value === null || p.value === 0)) {
      this.skip(row, `${p.ticker} has no shares (a position sold out), so it is not a holding`);
      return;
    }
    if (p.shares === null && p.price === null && p.value === null) {
      throw new ImportError(this.file, row.line, `${p.ticker} has no quantity, price or value`);
    }
    let price = p.price;
    let costBasis = p.costBasis ?? null;
    if (p.shares !== null && price !== null && p.value !== null && p.value !== 0) {
      const computed = productCents(p.shares, price);
      const off = (c: number) => Math.abs(c - p.value!) > VALUE_TOLERANCE * Math.abs(p.value!);
      if (off(computed) && !off(productCents(p.shares, price / 100))) {
        price = Number((price / 100).toPrecision(15));
        if (p.basisFromPrice && costBasis !== null) costBasis = cents(Math.round(costBasis / 100));
        this.warn(row, `${p.ticker} is priced per $100 of face value (a bond or CD); its price is read as ${price} per unit so that ${p.shares} × price is its value`);
      }
    }
    this.holdings.push({
      account: p.account,
      ticker: p.ticker.toUpperCase(),
      shares: p.shares,
      price,
      value: p.value,
      costBasis,
      acquired: p.acquired ?? null,
      line: row.line,
    });
  }

  cash(row: CsvRow, account: string, value: Cents): void {
    if (value < 0) this.warn(row, `the cash in ${account} is negative (${formatCents(value)}): a margin loan, imported as negative cash`);
    this.holdings.push({ account, ticker: CASH_TICKER, shares: null, price: null, value, costBasis: null, acquired: null, line: row.line });
  }

  /** A line that is deliberately not a holding (a total, pending activity): the user sees it in `skipped`. */
  skip(row: CsvRow, why: string): void {
    this.skipped.push({ file: this.file, line: row.line, why });
  }

  /** A totals or summary line, named by what it says. */
  skipTotal(row: CsvRow, said: string | null): void {
    this.skip(row, `"${said}" is a total, not a holding`);
  }

  /** An option position: read, never rebalanced. */
  skipOption(row: CsvRow, symbol: string | null): void {
    this.warn(row, `the option ${symbol} is not imported (options are not rebalanced)`);
  }

  /** Something read but not imported, or read with a caveat: the user should look. */
  warn(row: CsvRow | null, message: string): void {
    this.warnings.push(`${this.file}${row ? `, line ${row.line}` : ''}: ${message}`);
  }

  fail(row: CsvRow | null, detail: string): never {
    throw new ImportError(this.file, row?.line ?? null, detail);
  }

  result(): ImportedFile {
    if (this.holdings.length === 0 && this.skipped.length === 0) {
      this.fail(null, `a ${this.broker} file with no positions in it; it may be cut off, or be another of the broker's downloads (download the positions again)`);
    }
    return {
      file: this.file,
      broker: this.broker,
      accounts: [...this.accounts.values()],
      holdings: this.holdings,
      skipped: this.skipped,
      warnings: this.warnings,
    };
  }
}

/** The digits of an account number ("Z12345678" → "12345678", "...234" → "234"). */
export function numberDigits(number: string | null): string {
  return (number ?? '').replace(/\D/g, '');
}

/** "Individual" and "Z12345678" → "Individual …5678"; a name that already ends in its masked digits loses them first. */
export function accountLabel(name: string, number: string | null): string {
  const digits = numberDigits(number).slice(-4);
  // Schwab writes "Joint_Tenant": the words matter (a "Roth" in them makes the account tax-free).
  const words = name.replace(/_/g, ' ').trim();
  const bare = words.replace(/\s*(?:\.{3}|…|-|x+|\*+)\s*\d{2,}$/i, '').trim() || words;
  return digits === '' ? bare : `${bare} …${digits}`;
}
