/**
 * The demo's path end to end: examples/household.json → a real .xlsx (the checked-in script) → the
 * rebal command line's JSON, against drift computed here from the JSON alone with decimal.js.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import Decimal from 'decimal.js';
import { main } from '../src/cli/main';
import { makeHouseholdExample } from '../scripts/make-examples';

interface HouseholdJson {
  asOf: string;
  accounts: { account: string; contribution?: number }[];
  holdings: { account: string; ticker: string; class?: string; shares?: number; price?: number; value?: number }[];
  targets: { class: string; target: number | string }[];
  settings: { key: string; value: string | number }[];
  mix?: { ticker: string; class: string; weight: number }[];
}

const EXAMPLES = path.resolve(__dirname, '..', 'examples');
const D = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });

/** A percent written as "5%", 5 or 0.05, as a fraction. */
const fraction = (v: string | number) => (typeof v === 'string' ? new D(v.replace('%', '')).div(100) : v >= 1 ? new D(v).div(100) : new D(v));
const sixPlaces = (x: Decimal) => x.toDecimalPlaces(6).toNumber();

/** Drift as PRODUCT.md defines it, from the JSON, in exact decimals. */
function expectedDrift(data: HouseholdJson) {
  const cents = (h: HouseholdJson['holdings'][number]) =>
    (h.shares !== undefined && h.price !== undefined ? new D(h.shares).times(h.price) : new D(h.value!)).toDecimalPlaces(2);
  const byClass = new Map<string, Decimal>();
  const mixed = new Map<string, Decimal>();
  const mixOf = (ticker: string) => (data.mix ?? []).filter((m) => m.ticker === ticker);
  for (const h of data.holdings) {
    if (mixOf(h.ticker).length > 0) {
      mixed.set(h.ticker, (mixed.get(h.ticker) ?? new D(0)).plus(cents(h)));
      continue;
    }
    const cls = h.ticker === 'CASH' || h.class === 'Cash' ? 'Cash' : (h.class ?? h.ticker);
    byClass.set(cls, (byClass.get(cls) ?? new D(0)).plus(cents(h)));
  }
  // A fund in Mix: its household value split by weight, whole cents by largest remainder.
  for (const [ticker, value] of mixed) {
    const shares = mixOf(ticker).map((m) => ({ cls: m.class, exact: value.times(100).times(m.weight) }));
    const floors = shares.map((s) => s.exact.floor());
    let left = value.times(100).minus(floors.reduce((a, b) => a.plus(b), new D(0))).toNumber();
    const order = shares.map((s, i) => ({ i, rest: s.exact.minus(floors[i]) })).sort((a, b) => b.rest.comparedTo(a.rest) || a.i - b.i);
    for (const { i } of order) if (left-- > 0) floors[i] = floors[i].plus(1);
    shares.forEach((s, i) => byClass.set(s.cls, (byClass.get(s.cls) ?? new D(0)).plus(floors[i].div(100))));
  }
  const total = [...byClass.values()].reduce((a, b) => a.plus(b), new D(0));
  const setting = (key: string, fallback: string) => fraction(data.settings.find((s) => s.key === key)?.value ?? fallback);
  const band = setting('Band', '5%');
  const relative = setting('RelativeBand', '25%');
  const targetSum = data.targets.reduce((s, t) => s.plus(typeof t.target === 'number' ? t.target : new D(t.target.replace('%', ''))), new D(0));
  const percentNumbers = targetSum.gt(1.5);
  const rows = data.targets.map((t) => {
    const target = typeof t.target === 'string' ? new D(t.target.replace('%', '')).div(100) : percentNumbers ? new D(t.target).div(100) : new D(t.target);
    const value = byClass.get(t.class) ?? new D(0);
    const weight = value.div(total);
    const b = Decimal.min(band, relative.times(target));
    const drift = weight.minus(target);
    const status = drift.gt(b) ? 'Over' : drift.lt(b.neg()) ? 'Under' : 'OK';
    return { class: t.class, value: value.toNumber(), weight: sixPlaces(weight), target: sixPlaces(target), drift: sixPlaces(drift), band: sixPlaces(b), status };
  });
  const cash = byClass.get('Cash') ?? new D(0);
  if (!data.targets.some((t) => t.class === 'Cash') && (cash.gt(0) || data.accounts.some((a) => (a.contribution ?? 0) > 0))) {
    const w = cash.div(total);
    rows.push({ class: 'Cash', value: cash.toNumber(), weight: sixPlaces(w), target: 0, drift: sixPlaces(w), band: 0, status: w.gt(0) ? 'Over' : 'OK' });
  }
  for (const [cls, value] of byClass) {
    if (rows.some((r) => r.class === cls)) continue;
    rows.push({ class: cls, value: value.toNumber(), weight: sixPlaces(value.div(total)), target: null as never, drift: null as never, band: null as never, status: 'No target' });
  }
  return { total: total.toNumber(), rows };
}

describe('the demo household', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rebal-demo-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('drifts, through the workbook and the command line, exactly as the JSON says to the cent', async () => {
    const data = JSON.parse(fs.readFileSync(path.join(EXAMPLES, 'household.json'), 'utf8')) as HouseholdJson;
    const workbook = await makeHouseholdExample(EXAMPLES, dir);
    let stdout = '';
    let stderr = '';
    const code = await main([workbook, '--json'], { stdout: (t) => { stdout += t; }, stderr: (t) => { stderr += t; } });
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    const expected = expectedDrift(data);
    expect(out.asOf).toBe(data.asOf);
    expect(out.total).toBe(expected.total);
    expect(out.drift).toEqual(expected.rows);
    // a realistic household: several accounts, lots, cash, every status a reader should meet
    expect(data.holdings.length).toBeGreaterThanOrEqual(8);
    expect(new Set(out.drift.map((r: { class: string }) => r.class))).toContain('Cash');
    expect(fs.existsSync(path.join(dir, 'household.rebalanced.xlsx'))).toBe(true);
  });
});
