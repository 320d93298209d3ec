/**
 * Drift of today's holdings: each class's weight over today's total (before contributions and
 * trades) against its target, with the 5/25 band rule:
 *   band_c  = Band_c if Targets gives one, else min(Band, RelativeBand × target_c)
 *   drift_c = weight_c − target_c, out of band when |drift_c| > band_c.
 * Rows: one per target (in Targets' order), then Cash when it is implied (held, expected as a
 * contribution, or targeted — at 0% when Targets has no Cash row), then untargeted keys in order of
 * first appearance.
 */
import { addCents, Cents, ZERO_CENTS } from './money';
import { InputError } from './errors';
import { formatCents } from './format';
import { CASH_CLASS, Household, keyOf, Settings, Target } from './model';

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
}

export interface DriftReport {
  readonly total: Cents;
  readonly rows: readonly DriftRow[];
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
  const valueByKey = new Map<string, Cents>();
  const labelByKey = new Map<string, string>();
  let total = ZERO_CENTS;
  for (const h of household.holdings) {
    total = addCents(total, h.value);
    valueByKey.set(h.keyId, addCents(valueByKey.get(h.keyId) ?? ZERO_CENTS, h.value));
    if (!labelByKey.has(h.keyId)) labelByKey.set(h.keyId, h.key);
  }
  if (total <= 0) {
    throw new InputError({ table: 'Holdings', row: null, column: null }, `the household's total value is ${formatCents(total)}; drift needs a positive total`);
  }
  const rows: DriftRow[] = [];
  const targeted = new Set<string>();
  const addTargetRow = (label: string, target: Pick<Target, 'weight' | 'band'>, keyId: string) => {
    targeted.add(keyId);
    const value = valueByKey.get(keyId) ?? ZERO_CENTS;
    const weight = value / total;
    const drift = weight - target.weight;
    const band = bandOf(target, household.settings);
    rows.push({ label, value, weight, target: target.weight, drift, band, status: statusOf(drift, band) });
  };
  for (const t of household.targets) addTargetRow(t.key, t, keyOf(t.key));
  const cashId = keyOf(CASH_CLASS);
  const cashImplied = valueByKey.has(cashId) || household.accounts.some((a) => a.contribution > 0);
  if (!targeted.has(cashId) && cashImplied) addTargetRow(CASH_CLASS, { weight: 0, band: null }, cashId);
  for (const [keyId, value] of valueByKey) {
    if (targeted.has(keyId)) continue;
    rows.push({ label: labelByKey.get(keyId)!, value, weight: value / total, target: null, drift: null, band: null, status: 'No target' });
  }
  return { total, rows };
}
