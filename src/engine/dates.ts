/**
 * Calendar dates as ISO strings (YYYY-MM-DD), which compare correctly as strings. No clock here:
 * the adapters pass AsOf in.
 */

export type IsoDate = string;

const MS_PER_DAY = 86_400_000;
/** Excel's day 0 in the 1900 date system, for serials after the fictitious 1900-02-29 (serial 60). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const ISO_PATTERN = /^(\d{4})-(\d{2})-(\d{2})(?:[T ][0-9:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/;

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function fromUtcMs(ms: number): IsoDate {
  const d = new Date(ms);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1, 2)}-${pad(d.getUTCDate(), 2)}`;
}

function toUtcMs(iso: IsoDate): number {
  return Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
}

/** Serial day → ISO date. Holdings repeat their dates (lots bought together), so conversions are memoised. */
const serialCache = new Map<number, IsoDate>();
const SERIAL_CACHE_LIMIT = 50_000;

/** An Excel serial (1900 system) to its date; the time of day is dropped. Null if out of range. */
export function excelSerialToIso(serial: number): IsoDate | null {
  if (!Number.isFinite(serial) || serial < 1 || serial >= 2958466) return null; // 9999-12-31 is the last
  const day = Math.floor(serial);
  const cached = serialCache.get(day);
  if (cached !== undefined) return cached;
  // Excel counts 1900-02-29, which never existed; serials before it are one day later than the epoch says.
  const ms = day < 61 ? EXCEL_EPOCH_MS + (day + 1) * MS_PER_DAY : EXCEL_EPOCH_MS + day * MS_PER_DAY;
  const iso = fromUtcMs(ms);
  if (serialCache.size >= SERIAL_CACHE_LIMIT) serialCache.clear();
  serialCache.set(day, iso);
  return iso;
}

export function isoToExcelSerial(iso: IsoDate): number {
  const days = Math.round((toUtcMs(iso) - EXCEL_EPOCH_MS) / MS_PER_DAY);
  return days < 61 ? days - 1 : days;
}

/** "2024-03-05" (optionally with a time) to an ISO date; null if it is not a real calendar date. */
export function parseIsoDate(text: string): IsoDate | null {
  const m = ISO_PATTERN.exec(text.trim());
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const iso = `${m[1]}-${m[2]}-${m[3]}`;
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return null;
  return fromUtcMs(Date.UTC(y, mo - 1, d)) === iso ? iso : null;
}

/** A JS Date as stored by ExcelJS (midnight UTC) to its calendar date. */
export function dateToIso(date: Date): IsoDate | null {
  return Number.isNaN(date.getTime()) ? null : fromUtcMs(date.getTime());
}

/** The local calendar date of a moment — what "today" means to the person at the keyboard. */
export function localIsoDate(moment: Date): IsoDate {
  return `${pad(moment.getFullYear(), 4)}-${pad(moment.getMonth() + 1, 2)}-${pad(moment.getDate(), 2)}`;
}

export function addDays(iso: IsoDate, days: number): IsoDate {
  return fromUtcMs(toUtcMs(iso) + days * MS_PER_DAY);
}

/** Same day of month `months` later, clamped to the month's last day (Jan 31 + 1 month = Feb 28/29). */
export function addMonths(iso: IsoDate, months: number): IsoDate {
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7)) - 1 + months;
  const d = Number(iso.slice(8, 10));
  const target = new Date(Date.UTC(y, m, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  return fromUtcMs(Date.UTC(target.getUTCFullYear(), target.getUTCMonth(), Math.min(d, lastDay)));
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((toUtcMs(to) - toUtcMs(from)) / MS_PER_DAY);
}
