/**
 * Look-through exposure: what the household really owns once every fund in the Funds table is
 * replaced by what it holds. Pure calculation over a parsed Household — no IO, no clock.
 *
 *   exposure(h) = direct(h) + Σ over held funds F of split(value(F), w_F(h))
 *
 * where w_F(h) is F's look-through weight in h: its listed weight, or for a holding that is itself a
 * fund G, weight(G in F) × w_G(h), recursively. The part of a fund its listed weights leave out is the
 * holding `Other (F)`; cash (direct, or a fund's cash line) is `CASH`. Each held fund's value (all its
 * lots in all accounts, summed in cents) is split over its look-through holdings once, by largest
 * remainder (split-cents.ts), so the exposures add up to the household's value to the cent.
 * A fund's listed weights between 100% and 100.5% (issuers round) are scaled down to 100%.
 */
import { concentrationFlags, ConcentrationFlag } from './concentration';
import { InputError } from './errors';
import { Cents } from './money';
import { CASH_TICKER, FundWeight, Household } from './model';
import { splitCents } from './split-cents';

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
  /** Largest total first (ties by name); only the first `top` when asked. */
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

/** A listed weight remainder below this (1e-7 percentage points) is rounding noise, not `Other`. */
const REMAINDER_NOISE = 1e-9;

export function otherLabel(fund: string): string {
  return `Other (${fund})`;
}

/** One fund's look-through: parallel arrays of holdings and weights adding up to 1. */
interface Expansion {
  readonly holdings: readonly string[];
  readonly weights: Float64Array;
}

class FundExpander {
  private readonly rowsByFund = new Map<string, FundWeight[]>();
  private readonly memo = new Map<string, Map<string, number>>();
  private readonly expanding = new Set<string>();

  constructor(weights: readonly FundWeight[]) {
    for (const w of weights) {
      const list = this.rowsByFund.get(w.fund);
      if (list) list.push(w);
      else this.rowsByFund.set(w.fund, [w]);
    }
  }

  isFund(ticker: string): boolean {
    return this.rowsByFund.has(ticker);
  }

  expansion(fund: string): Expansion {
    const map = this.weightsOf(fund);
    return { holdings: [...map.keys()], weights: Float64Array.from(map.values()) };
  }

  private weightsOf(fund: string): Map<string, number> {
    const known = this.memo.get(fund);
    if (known) return known;
    // parseFunds rejects circles with the user's row; this guards households built another way.
    if (this.expanding.has(fund)) throw new Error(`look-through: ${fund} holds itself`);
    this.expanding.add(fund);
    const rows = this.rowsByFund.get(fund) ?? [];
    let listed = 0;
    for (const r of rows) listed += r.weight;
    const remainder = 1 - listed;
    const scale = remainder > REMAINDER_NOISE ? 1 : 1 / listed;
    const out = new Map<string, number>();
    for (const r of rows) {
      const w = r.weight * scale;
      if (this.rowsByFund.has(r.holding)) {
        for (const [leaf, lw] of this.weightsOf(r.holding)) out.set(leaf, (out.get(leaf) ?? 0) + w * lw);
      } else {
        out.set(r.holding, (out.get(r.holding) ?? 0) + w);
      }
    }
    if (remainder > REMAINDER_NOISE) {
      const other = otherLabel(fund);
      out.set(other, (out.get(other) ?? 0) + remainder);
    }
    this.expanding.delete(fund);
    this.memo.set(fund, out);
    return out;
  }
}

/** Accumulates each holding's direct and via-fund cents. */
class ExposureTable {
  readonly names: string[] = [];
  readonly direct: number[] = [];
  readonly viaFunds: number[] = [];
  readonly via: (ExposureVia[] | undefined)[] = [];
  private readonly index = new Map<string, number>();

  slot(holding: string): number {
    let i = this.index.get(holding);
    if (i === undefined) {
      i = this.names.length;
      this.index.set(holding, i);
      this.names.push(holding);
      this.direct.push(0);
      this.viaFunds.push(0);
      this.via.push(undefined);
    }
    return i;
  }

  addVia(holding: string, fund: string, value: Cents): void {
    const i = this.slot(holding);
    this.viaFunds[i] += value;
    const list = this.via[i];
    if (list) list.push({ fund, value });
    else this.via[i] = [{ fund, value }];
  }
}

function kindOf(holding: string, others: ReadonlySet<string>): ExposureKind {
  if (holding === CASH_TICKER) return 'cash';
  return others.has(holding) ? 'other' : 'holding';
}

const byValue = (a: ExposureVia, b: ExposureVia) => b.value - a.value || (a.fund < b.fund ? -1 : a.fund > b.fund ? 1 : 0);

export function computeExposure(household: Household, options: ExposureOptions = {}): ExposureReport {
  const expander = new FundExpander(household.funds);
  const table = new ExposureTable();
  const fundValue = new Map<string, Cents>();
  let total = 0;
  for (const h of household.holdings) {
    total += h.value;
    const ticker = h.isCash ? CASH_TICKER : h.ticker;
    if (!h.isCash && expander.isFund(ticker)) fundValue.set(ticker, (fundValue.get(ticker) ?? 0) + h.value);
    else table.direct[table.slot(ticker)] += h.value;
  }
  if (total <= 0) {
    throw new InputError({ table: 'Holdings', row: null, column: null }, `the household's total value is ${(total / 100).toFixed(2)}; exposure needs a positive total`);
  }
  const others = new Set<string>();
  for (const [fund, value] of fundValue) {
    const { holdings, weights } = expander.expansion(fund);
    const parts = splitCents(value, weights);
    for (let i = 0; i < holdings.length; i++) {
      if (parts[i] === 0) continue;
      if (holdings[i].startsWith('Other (')) others.add(holdings[i]);
      table.addVia(holdings[i], fund, parts[i]);
    }
  }
  const rows: ExposureRow[] = table.names.map((holding, i) => {
    const rowTotal = table.direct[i] + table.viaFunds[i];
    const via = table.via[i] ?? [];
    via.sort(byValue);
    return { holding, kind: kindOf(holding, others), direct: table.direct[i], viaFunds: table.viaFunds[i], total: rowTotal, weight: rowTotal / total, via };
  });
  rows.sort((a, b) => b.total - a.total || (a.holding < b.holding ? -1 : a.holding > b.holding ? 1 : 0));
  const limit = household.settings.concentrationLimit;
  const flags = concentrationFlags(rows, limit, total);
  return topExposure({ total, rows, rest: null, flags, limit }, options.top ?? null);
}

/** The report with only its largest `top` rows; the others are summed into `rest`. Flags are kept. */
export function topExposure(report: ExposureReport, top: number | null): ExposureReport {
  if (top === null || top >= report.rows.length) return report;
  const left = report.rows.slice(top);
  let count = left.length;
  let direct = 0;
  let viaFunds = 0;
  for (const r of left) {
    direct += r.direct;
    viaFunds += r.viaFunds;
  }
  if (report.rest) {
    count += report.rest.count;
    direct += report.rest.direct;
    viaFunds += report.rest.viaFunds;
  }
  const rest = { count, direct, viaFunds, total: direct + viaFunds, weight: (direct + viaFunds) / report.total };
  return { ...report, rows: report.rows.slice(0, top), rest };
}
