/**
 * Drift of today's holdings: each class's weight over today's total (before contributions and
 * trades) against its target, with the 5/25 band rule:
 *   band_c  = Band_c if Targets gives one, else min(Band, RelativeBand × target_c)
 *   drift_c = weight_c − target_c, out of band when |drift_c| > band_c.
 * Rows: one per target (in Targets' order), then Cash when it is implied (held, expected as a
 * contribution, or targeted — at 0% when Targets has no Cash row), then untargeted keys in order of
 * first appearance. A fund that spans classes (Mix, or derived through Funds) counts toward each of
 * its classes by weight (class-split.ts); each row says how much of it comes from such funds.
 */
import { classValues } from './class-split';
import { Cents, ZERO_CENTS } from './money';
import { InputError } from './errors';
import { formatCents } from './format';
import { CASH_CLASS, FundMix, Household, keyOf, Settings, Target } from './model';

export type DriftStatus = 'OK' | 'Over' | 'Under' | 'No target';

export interface DriftRow {
  /** Class or ticker as the user wrote it. */
  readonly label: string;
  readonly value: Cents;
  readonly weight: number;
  readonly target: number | null;
  readonly drift: number | null;
  readonly band: number | null;
  readonly status: DriftStatus;
  /** The part of `value` held in funds that span classes, per fund; empty when none is. */
  readonly viaMixes: readonly { readonly ticker: string; readonly value: Cents }[];
}

export interface DriftReport {
  readonly total: Cents;
  readonly rows: readonly DriftRow[];
  /** The held funds that span classes, as they were split (from Mix, or derived through Funds). */
  readonly mixes: readonly FundMix[];
}

/** Floating-point slack so that a drift exactly at the band's edge stays in band. */
const EDGE_EPSILON = 1e-12;

export function bandOf(target: Pick<Target, 'weight' | 'band'>, settings: Pick<Settings, 'band' | 'relativeBand'>): number {
  return target.band ?? Math.min(settings.band, settings.relativeBand * target.weight);
}

export function statusOf(drift: number, band: number): DriftStatus {
  if (drift > band + EDGE_EPSILON) return 'Over';
  if (drift < -band - EDGE_EPSILON) return 'Under';
  return 'OK';
}

export function computeDrift(household: Household): DriftReport {
  if (household.targets.length === 0) {
    throw new InputError({ table: 'Targets', row: null, column: null }, 'a Targets table is needed to compute drift');
  }
  const { total, byKey } = classValues(household.holdings, household.mixes);
  if (total <= 0) {
    throw new InputError({ table: 'Holdings', row: null, column: null }, `the household's total value is ${formatCents(total)}; drift needs a positive total`);
  }
  const rows: DriftRow[] = [];
  const targeted = new Set<string>();
  const addTargetRow = (label: string, target: Pick<Target, 'weight' | 'band'>, keyId: string) => {
    targeted.add(keyId);
    const value = byKey.get(keyId)?.value ?? ZERO_CENTS;
    const weight = value / total;
    const drift = weight - target.weight;
    const band = bandOf(target, household.settings);
    rows.push({ label, value, weight, target: target.weight, drift, band, status: statusOf(drift, band), viaMixes: byKey.get(keyId)?.viaMixes ?? [] });
  };
  for (const t of household.targets) addTargetRow(t.key, t, keyOf(t.key));
  const cashId = keyOf(CASH_CLASS);
  const cashImplied = byKey.has(cashId) || household.accounts.some((a) => a.contribution > 0);
  if (!targeted.has(cashId) && cashImplied) addTargetRow(CASH_CLASS, { weight: 0, band: null }, cashId);
  for (const [keyId, c] of byKey) {
    if (targeted.has(keyId)) continue;
    rows.push({ label: c.key, value: c.value, weight: c.value / total, target: null, drift: null, band: null, status: 'No target', viaMixes: c.viaMixes });
  }
  return { total, rows, mixes: [...household.mixes.values()] };
}
