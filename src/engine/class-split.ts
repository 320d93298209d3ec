/**
 * Which classes each holding counts toward. A ticker is one class (its Holdings Class, else its
 * ticker) unless it spans several: listed in Mix, or — when Mix does not list it, its Holdings Class
 * is blank or `Mixed`, and the Funds table gives its holdings — derived through the look-through,
 * provided every holding Funds gives it has a class (from Holdings, from Mix, or derived in turn)
 * and its weights add up to 100% (±0.5 pp). A fund whose listed weights cover less is not derived:
 * what the rest is made of is unknown, and guessing would be a silently wrong number.
 *
 * Values split by largest remainder over each ticker's household value (all its rows summed), so the
 * class values add up to the household's total to the cent and each class gets its exact share
 * within a cent.
 */
import { Warning, warning } from './errors';
import { FUND_OVERWEIGHT_TOLERANCE } from './funds';
import { MixTable } from './mix';
import { addCents, Cents, ZERO_CENTS } from './money';
import { CASH_CLASS, CASH_TICKER, ClassShare, FundMix, FundWeight, Holding, keyOf } from './model';
import { splitCents } from './split-cents';

/** The class Holdings may give a fund that spans classes; Mix (or Funds) says which. */
export const MIXED_CLASS = 'Mixed';

export interface ResolvedMixes {
  /** Ticker → its mix, for every held ticker that spans classes. */
  readonly mixes: ReadonlyMap<string, FundMix>;
  readonly warnings: readonly Warning[];
}

const MIXED_ID = keyOf(MIXED_CLASS);
const CASH_ID = keyOf(CASH_CLASS);

export function resolveMixes(holdings: readonly Holding[], mixTable: MixTable | null, funds: readonly FundWeight[]): ResolvedMixes {
  const typed = tableMixes(mixTable);
  const classOf = new Map<string, ClassShare>();
  const candidates = new Map<string, Holding>();
  for (const h of holdings) {
    if (h.isCash || typed.has(h.ticker)) continue;
    const unclassed = h.assetClass === null || keyOf(h.assetClass) === MIXED_ID;
    if (!unclassed && !classOf.has(h.ticker)) classOf.set(h.ticker, { key: h.key, keyId: h.keyId, weight: 1 });
    if (unclassed && !candidates.has(h.ticker)) candidates.set(h.ticker, h);
  }
  const fundRows = new Map<string, FundWeight[]>();
  for (const w of funds) {
    const list = fundRows.get(w.fund);
    if (list) list.push(w);
    else fundRows.set(w.fund, [w]);
  }
  const derived = new Map<string, readonly ClassShare[] | null>();
  // Funds' cycles are refused when the table is read, so the recursion ends.
  const sharesOf = (ticker: string): readonly ClassShare[] | null => {
    if (ticker === CASH_TICKER) return [{ key: CASH_CLASS, keyId: CASH_ID, weight: 1 }];
    const table = typed.get(ticker);
    if (table) return table.shares;
    const single = classOf.get(ticker);
    if (single) return [single];
    if (derived.has(ticker)) return derived.get(ticker)!;
    const rows = fundRows.get(ticker);
    const result = rows ? deriveShares(rows, sharesOf) : null;
    derived.set(ticker, result);
    return result;
  };
  const mixes = new Map<string, FundMix>();
  for (const h of holdings) if (!h.isCash && typed.has(h.ticker) && !mixes.has(h.ticker)) mixes.set(h.ticker, typed.get(h.ticker)!);
  const warnings: Warning[] = [];
  for (const [ticker, h] of candidates) {
    // A ticker some rows class and others leave blank keeps the class it was given.
    if (classOf.has(ticker)) continue;
    const shares = fundRows.has(ticker) ? sharesOf(ticker) : null;
    if (shares) mixes.set(ticker, { ticker, shares, source: 'derived', rows: new Map() });
    else if (h.assetClass !== null && keyOf(h.assetClass) === MIXED_ID) warnings.push(missingMixWarning(h, fundRows.has(ticker), mixTable?.name ?? 'Mix'));
  }
  return { mixes, warnings };
}

function tableMixes(mixTable: MixTable | null): Map<string, FundMix> {
  const out = new Map<string, { shares: ClassShare[]; rows: Map<string, number> }>();
  for (const r of mixTable?.rows ?? []) {
    const entry = out.get(r.ticker) ?? { shares: [], rows: new Map<string, number>() };
    const keyId = keyOf(r.assetClass);
    entry.shares.push({ key: r.assetClass, keyId, weight: r.weight });
    entry.rows.set(keyId, r.row);
    out.set(r.ticker, entry);
  }
  return new Map([...out].map(([ticker, e]) => [ticker, { ticker, shares: e.shares, source: 'table' as const, rows: e.rows }]));
}

/** A fund's classes through its Funds rows, or null when one of its holdings has no class or the rows do not cover the fund. */
function deriveShares(rows: readonly FundWeight[], sharesOf: (ticker: string) => readonly ClassShare[] | null): ClassShare[] | null {
  const sum = rows.reduce((s, r) => s + r.weight, 0);
  if (Math.abs(sum - 1) > FUND_OVERWEIGHT_TOLERANCE + 1e-12) return null;
  const byClass = new Map<string, { key: string; weight: number }>();
  for (const r of rows) {
    const inner = sharesOf(r.holding);
    if (inner === null) return null;
    for (const s of inner) {
      const entry = byClass.get(s.keyId) ?? { key: s.key, weight: 0 };
      entry.weight += (r.weight / sum) * s.weight;
      byClass.set(s.keyId, entry);
    }
  }
  const shares = [...byClass].map(([keyId, e]) => ({ key: e.key, keyId, weight: e.weight }));
  // Largest first reads like an issuer's fact sheet; a stable sort keeps ties in look-through order.
  return shares.sort((a, b) => b.weight - a.weight);
}

function missingMixWarning(h: Holding, inFunds: boolean, mixName: string): Warning {
  const why = inFunds ? `and not every holding Funds gives it has a class (or its Funds weights do not add up to 100%)` : `and Funds does not list its holdings`;
  return warning(
    'mixMissing',
    { table: 'Holdings', row: h.row, column: 'Class' },
    `${h.ticker}'s Class is ${MIXED_CLASS} but ${mixName} does not list it ${why}, so it counts as the untargeted class ${MIXED_CLASS}; add its classes to ${mixName}`,
  );
}

/** The classes a holding counts toward: its mix, else its own class at 100%. */
export function classSharesOf(mixes: ReadonlyMap<string, FundMix>, h: Pick<Holding, 'ticker' | 'key' | 'keyId' | 'isCash'>): readonly ClassShare[] {
  const mix = h.isCash ? undefined : mixes.get(h.ticker);
  return mix ? mix.shares : [{ key: h.key, keyId: h.keyId, weight: 1 }];
}

export interface ClassValue {
  readonly key: string;
  readonly keyId: string;
  readonly value: Cents;
  /** Of which in funds that span classes, per fund (in order of first appearance). */
  readonly viaMixes: readonly { readonly ticker: string; readonly value: Cents }[];
}

export interface ClassValues {
  readonly total: Cents;
  /** keyId → value, in order of first appearance in Holdings (a mixed fund's classes in its mix's order). */
  readonly byKey: ReadonlyMap<string, ClassValue>;
}

/** Each class's value today: single-class rows summed, each mixed ticker's household value split once. */
export function classValues(holdings: readonly Holding[], mixes: ReadonlyMap<string, FundMix>): ClassValues {
  const order = new Map<string, string>();
  const single = new Map<string, Cents>();
  const mixed = new Map<string, Cents>();
  let total = ZERO_CENTS;
  for (const h of holdings) {
    total = addCents(total, h.value);
    const mix = h.isCash ? undefined : mixes.get(h.ticker);
    if (mix) {
      mixed.set(h.ticker, addCents(mixed.get(h.ticker) ?? ZERO_CENTS, h.value));
      for (const s of mix.shares) if (!order.has(s.keyId)) order.set(s.keyId, s.key);
    } else {
      single.set(h.keyId, addCents(single.get(h.keyId) ?? ZERO_CENTS, h.value));
      if (!order.has(h.keyId)) order.set(h.keyId, h.key);
    }
  }
  const byKey = new Map<string, { key: string; keyId: string; value: Cents; viaMixes: { ticker: string; value: Cents }[] }>();
  for (const [keyId, key] of order) byKey.set(keyId, { key, keyId, value: single.get(keyId) ?? ZERO_CENTS, viaMixes: [] });
  for (const [ticker, value] of mixed) {
    const shares = mixes.get(ticker)!.shares;
    const parts = splitCents(value, shares.map((s) => s.weight));
    shares.forEach((s, i) => {
      const entry = byKey.get(s.keyId)!;
      const part = parts[i] as Cents;
      entry.value = addCents(entry.value, part);
      entry.viaMixes.push({ ticker, value: part });
    });
  }
  return { total, byKey };
}
