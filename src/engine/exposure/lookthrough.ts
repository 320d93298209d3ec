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
import { InputError } from '../errors';
import { formatCents } from '../format';
import { addCents, Cents, cents, ZERO_CENTS } from '../money';
import { CASH_TICKER, FundWeight, Household } from '../model';
import { splitCents } from '../split-cents';
import { concentrationFlags } from './concentration';
import { ExposureKind, ExposureOptions, ExposureReport, ExposureRow, ExposureVia } from './types';

/** A listed weight remainder below this (1e-7 percentage points) is rounding noise, not `Other`. */
const REMAINDER_NOISE = 1e-9;

export function otherLabel(fund: string): string {
  return `Other (${fund})`;
}

/** One fund's look-through: parallel arrays of holding slots (see ExposureTable) and weights adding up to 1. */
interface Expansion {
  readonly slots: Int32Array;
  readonly weights: Float64Array;
}

/**
 * Each holding's direct and via-fund cents, by slot: a holding's name is looked up once per row read,
 * and everything after works on small integers and typed arrays (this is what keeps 100k Funds rows
 * within reach of a plain Map aggregation).
 */
class ExposureTable {
  readonly names: string[] = [];
  readonly kinds: ExposureKind[] = [];
  readonly direct: Float64Array;
  readonly viaFunds: Float64Array;
  /** How many held funds each holding comes through. */
  readonly viaCount: Int32Array;
  /** Held directly (a row in Holdings), so shown even at zero value. */
  readonly held: Uint8Array;
  private readonly index = new Map<string, number>();

  /** `capacity` bounds the number of distinct holdings. */
  constructor(readonly capacity: number) {
    this.direct = new Float64Array(capacity);
    this.viaFunds = new Float64Array(capacity);
    this.viaCount = new Int32Array(capacity);
    this.held = new Uint8Array(capacity);
  }

  slot(holding: string): number {
    const i = this.index.get(holding);
    return i === undefined ? this.add(holding, holding === CASH_TICKER ? 'cash' : 'holding') : i;
  }

  add(holding: string, kind: ExposureKind): number {
    const i = this.names.length;
    this.index.set(holding, i);
    this.names.push(holding);
    this.kinds.push(kind);
    return i;
  }

  addDirect(holding: string, value: Cents): void {
    const i = this.slot(holding);
    this.direct[i] += value;
    this.held[i] = 1;
  }

  addVia(i: number, value: Cents): void {
    this.viaFunds[i] += value;
    this.viaCount[i]++;
  }

  get size(): number {
    return this.names.length;
  }
}

class FundExpander {
  private readonly memo = new Map<string, Expansion>();
  private readonly expanding = new Set<string>();
  /** Scratch space shared by every expansion: weight per slot, and whether the slot is touched. */
  private readonly sum: Float64Array;
  private readonly touched: Uint8Array;

  constructor(
    private readonly rowsByFund: ReadonlyMap<string, readonly FundWeight[]>,
    private readonly table: ExposureTable,
  ) {
    this.sum = new Float64Array(table.capacity);
    this.touched = new Uint8Array(table.capacity);
  }

  isFund(ticker: string): boolean {
    return this.rowsByFund.has(ticker);
  }

  expansion(fund: string): Expansion {
    const known = this.memo.get(fund);
    if (known) return known;
    // parseFunds rejects circles with the user's row; this guards households built another way.
    if (this.expanding.has(fund)) throw new Error(`look-through: ${fund} holds itself`);
    this.expanding.add(fund);
    const rows = this.rowsByFund.get(fund) ?? [];
    // Nested funds first: the scratch arrays belong to one expansion at a time.
    for (const r of rows) if (this.rowsByFund.has(r.holding)) this.expansion(r.holding);
    let listed = 0;
    for (const r of rows) listed += r.weight;
    const remainder = 1 - listed;
    const scale = remainder > REMAINDER_NOISE ? 1 : 1 / listed;
    let bound = rows.length + 1;
    for (const r of rows) bound += this.memo.get(r.holding)?.slots.length ?? 0;
    const order = new Int32Array(bound);
    let count = 0;
    const add = (slot: number, w: number) => {
      if (this.touched[slot] === 0) {
        this.touched[slot] = 1;
        order[count++] = slot;
      }
      this.sum[slot] += w;
    };
    for (const r of rows) {
      const w = r.weight * scale;
      const nested = this.memo.get(r.holding);
      if (nested) for (let j = 0; j < nested.slots.length; j++) add(nested.slots[j], w * nested.weights[j]);
      else add(this.table.slot(r.holding), w);
    }
    if (remainder > REMAINDER_NOISE) add(this.table.add(otherLabel(fund), 'other'), remainder);
    const slots = order.slice(0, count);
    const weights = new Float64Array(count);
    for (let j = 0; j < count; j++) {
      weights[j] = this.sum[order[j]];
      this.sum[order[j]] = 0;
      this.touched[order[j]] = 0;
    }
    const expansion = { slots, weights };
    this.expanding.delete(fund);
    this.memo.set(fund, expansion);
    return expansion;
  }
}

const byValue = (a: ExposureVia, b: ExposureVia) => b.value - a.value || (a.fund < b.fund ? -1 : a.fund > b.fund ? 1 : 0);

export function computeExposure(household: Household, options: ExposureOptions = {}): ExposureReport {
  const rowsByFund = new Map<string, FundWeight[]>();
  for (const w of household.funds) {
    const list = rowsByFund.get(w.fund);
    if (list) list.push(w);
    else rowsByFund.set(w.fund, [w]);
  }
  // Every holding is a listed one, an Other (FUND) or a direct one: this bounds how many there are.
  const table = new ExposureTable(household.funds.length + rowsByFund.size + household.holdings.length);
  const expander = new FundExpander(rowsByFund, table);
  const fundValue = new Map<string, Cents>();
  let total = ZERO_CENTS;
  for (const h of household.holdings) {
    total = addCents(total, h.value);
    const ticker = h.isCash ? CASH_TICKER : h.ticker;
    if (!h.isCash && expander.isFund(ticker)) fundValue.set(ticker, addCents(fundValue.get(ticker) ?? ZERO_CENTS, h.value));
    else table.addDirect(ticker, h.value);
  }
  if (total <= 0) {
    throw new InputError({ table: 'Holdings', row: null, column: null }, `the household's total value is ${formatCents(total)}; exposure needs a positive total`);
  }
  // Each fund's parts, kept flat until every holding's count is known, so each `via` list is
  // allocated once at its final size.
  const held = [...fundValue];
  const expansions = held.map(([fund]) => expander.expansion(fund));
  const parts = held.map(([, value], k) => splitCents(value, expansions[k].weights));
  for (let k = 0; k < held.length; k++) {
    const { slots } = expansions[k];
    for (let j = 0; j < slots.length; j++) if (parts[k][j] !== 0) table.addVia(slots[j], cents(parts[k][j]));
  }
  const via: ExposureVia[][] = new Array(table.size);
  for (let i = 0; i < table.size; i++) via[i] = new Array<ExposureVia>(table.viaCount[i]);
  const filled = new Int32Array(table.size);
  for (let k = 0; k < held.length; k++) {
    const fund = held[k][0];
    const { slots } = expansions[k];
    for (let j = 0; j < slots.length; j++) {
      const value = parts[k][j];
      if (value !== 0) via[slots[j]][filled[slots[j]]++] = { fund, value: cents(value) };
    }
  }
  const rows: ExposureRow[] = [];
  for (let i = 0; i < table.size; i++) {
    if (table.viaCount[i] === 0 && !table.held[i]) continue; // listed by a fund, but less than a cent of it is held
    if (table.viaCount[i] > 1) via[i].sort(byValue);
    const direct = cents(table.direct[i]);
    const viaFunds = cents(table.viaFunds[i]);
    const rowTotal = addCents(direct, viaFunds);
    rows.push({ holding: table.names[i], kind: table.kinds[i], direct, viaFunds, total: rowTotal, weight: rowTotal / total, via: via[i] });
  }
  const sorted = largestFirst(rows);
  const limit = household.settings.concentrationLimit;
  const flags = concentrationFlags(sorted, limit, total);
  return topExposure({ total, rows: sorted, rest: null, flags, limit }, options.top ?? null);
}

/**
 * Rows by total, largest first; equal totals keep the order the holdings first appear in (Holdings,
 * then Funds) — deterministic, and no string comparisons, though a fund's long tail of tiny positions
 * has many equal totals. Totals are whole cents, so when (spread of totals) × (row count) fits in a
 * double's 53 bits each row becomes one exact number ((largest total − its total) × count + its index)
 * and a native numeric sort of a Float64Array does the work, several times faster than a comparator.
 */
export function largestFirst<R extends { readonly total: Cents }>(rows: readonly R[]): R[] {
  const n = rows.length;
  let max = -Infinity;
  let min = Infinity;
  for (const r of rows) {
    if (r.total > max) max = r.total;
    if (r.total < min) min = r.total;
  }
  if (n === 0 || (max - min + 1) * n >= Number.MAX_SAFE_INTEGER) return [...rows].sort((a, b) => b.total - a.total);
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) keys[i] = (max - rows[i].total) * n + i;
  keys.sort();
  const out = new Array<R>(n);
  for (let j = 0; j < n; j++) out[j] = rows[keys[j] % n];
  return out;
}

/** The report with only its largest `top` rows; the others are summed into `rest`. Flags are kept. */
export function topExposure(report: ExposureReport, top: number | null): ExposureReport {
  if (top === null || top >= report.rows.length) return report;
  const left = report.rows.slice(top);
  let count = left.length;
  let direct = ZERO_CENTS;
  let viaFunds = ZERO_CENTS;
  for (const r of left) {
    direct = addCents(direct, r.direct);
    viaFunds = addCents(viaFunds, r.viaFunds);
  }
  if (report.rest) {
    count += report.rest.count;
    direct = addCents(direct, report.rest.direct);
    viaFunds = addCents(viaFunds, report.rest.viaFunds);
  }
  const rest = { count, direct, viaFunds, total: addCents(direct, viaFunds), weight: (direct + viaFunds) / report.total };
  return { ...report, rows: report.rows.slice(0, top), rest };
}
