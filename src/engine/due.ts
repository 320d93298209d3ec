/**
 * The Settings' rebalancing rule applied on a date: is a rebalance due?
 *   Calendar  — due once a Frequency period has passed since LastRebalanced (or it never happened).
 *   Threshold — due whenever a targeted class is out of its band.
 *   Hybrid    — check on the calendar; at a check, due only if a class is out of band.
 * Pure: AsOf is passed in. The verdict carries its reason and the next date worth checking.
 */
import { addMonths, IsoDate } from './dates';
import { DriftReport, DriftRow } from './drift';
import { formatPercent } from './format';
import { Frequency, Settings } from './model';

export interface DueVerdict {
  readonly due: boolean;
  /** Plain-language reason, without the "Due:" prefix. */
  readonly reason: string;
  /** The next date the rule should be looked at again. */
  readonly nextCheck: IsoDate;
  /** What REBAL.DUE shows: "Due: …" or "Not due: …", reason and next check. */
  readonly text: string;
}

export const MONTHS_OF_FREQUENCY: Readonly<Record<Frequency, number>> = { Monthly: 1, Quarterly: 3, Semiannual: 6, Annual: 12 };

type DueSettings = Pick<Settings, 'rule' | 'frequency' | 'lastRebalanced'>;

/** Out-of-band classes, furthest beyond their band first (ties keep Targets' order). */
export function outOfBand(drift: DriftReport): DriftRow[] {
  const beyond = (r: DriftRow) => Math.abs(r.drift ?? 0) - (r.band ?? 0);
  const byDistance = (a: DriftRow, b: DriftRow) => {
    const d = beyond(b) - beyond(a);
    return Math.abs(d) < 1e-9 ? 0 : d;
  };
  return drift.rows.filter((r) => r.status === 'Over' || r.status === 'Under').sort(byDistance);
}

/** The targeted class whose drift is largest in size, or null when nothing is targeted. */
export function largestDrift(drift: DriftReport): DriftRow | null {
  let best: DriftRow | null = null;
  // 1e-12 of slack so that a tie keeps Targets' order rather than float noise.
  for (const r of drift.rows) if (r.drift !== null && (best === null || Math.abs(r.drift) > Math.abs(best.drift!) + 1e-12)) best = r;
  return best;
}

function describeBreaches(rows: DriftRow[]): string {
  const first = rows[0];
  const head = `${first.label} is ${formatPercent(first.weight)} vs ${formatPercent(first.target ?? 0)} target (band ±${formatPercent(first.band ?? 0)})`;
  const more = rows.length - 1;
  return more === 0 ? head : `${head}, and ${more} more class${more === 1 ? '' : 'es'} out of band`;
}

function verdict(due: boolean, reason: string, nextCheck: IsoDate): DueVerdict {
  return { due, reason, nextCheck, text: `${due ? 'Due' : 'Not due'}: ${reason}; next check ${nextCheck}` };
}

export function reviewDue(drift: DriftReport, settings: DueSettings, asOf: IsoDate): DueVerdict {
  const months = MONTHS_OF_FREQUENCY[settings.frequency];
  const period = settings.frequency.toLowerCase();
  const last = settings.lastRebalanced;
  const calendarDate = last === null ? null : addMonths(last, months);
  const calendarReached = calendarDate === null || calendarDate <= asOf;
  const afterToday = addMonths(asOf, months);
  const breaches = outOfBand(drift);
  const since = last === null ? 'no LastRebalanced date is set' : `last rebalanced ${last}`;

  switch (settings.rule) {
    case 'Calendar':
      return calendarReached
        ? verdict(true, `the ${period} rebalance date has come (${since})`, afterToday)
        : verdict(false, `the next ${period} rebalance is on ${calendarDate} (${since})`, calendarDate!);
    case 'Threshold':
      return breaches.length > 0
        ? verdict(true, describeBreaches(breaches), afterToday)
        : verdict(false, 'every class is within its band', afterToday);
    case 'Hybrid':
      if (!calendarReached) {
        const note = breaches.length > 0 ? `; meanwhile ${describeBreaches(breaches)}` : '';
        return verdict(false, `the next ${period} check is on ${calendarDate} (${since})${note}`, calendarDate!);
      }
      return breaches.length > 0
        ? verdict(true, `at the ${period} check, ${describeBreaches(breaches)}`, afterToday)
        : verdict(false, `at the ${period} check every class is within its band`, afterToday);
  }
}
