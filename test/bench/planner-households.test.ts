/** The benchmark's large synthetic households: the sizes asked for, deterministic, and realistic enough. */
import { createHash } from 'crypto';
import { readHousehold } from '../../src/engine';
import { HouseholdCells, LARGE_SIZES, largeHousehold, SIZES, syntheticHousehold } from '../../bench/planner-households';

function read(c: HouseholdCells) {
  return readHousehold({
    holdings: { name: 'Holdings', cells: c.holdings },
    targets: { name: 'Targets', cells: c.targets },
    accounts: { name: 'Accounts', cells: c.accounts },
    settings: { name: 'Settings', cells: c.settings },
  });
}

describe('large benchmark households', () => {
  it.each(LARGE_SIZES.map((s) => [s.name, s] as const))('%s: about the rows asked for, read without warnings', (_name, size) => {
    const cells = largeHousehold(size);
    const rows = cells.holdings.length - 1;
    expect(Math.abs(rows - size.rows) / size.rows).toBeLessThanOrEqual(0.05);
    expect(cells.accounts.length - 1).toBe(size.accounts);
    const h = read(cells);
    expect(h.warnings).toEqual([]);
    expect(h.accounts.map((a) => a.tax)).toEqual(expect.arrayContaining(['taxable', 'taxDeferred', 'taxFree']));
    expect(new Set(h.accounts.map((a) => a.owner)).size).toBeGreaterThanOrEqual(2);
    expect(h.accounts.some((a) => a.contribution > 0)).toBe(true);
    expect(h.accounts.some((a) => a.reserve > 0)).toBe(true);
    expect(h.holdings.filter((x) => x.isCash)).toHaveLength(size.accounts);
    // Taxable positions: many lots, some at a loss, some bought within the 30 days before AsOf.
    const taxable = new Set(h.accounts.filter((a) => a.tax === 'taxable').map((a) => a.name));
    const lots = h.holdings.filter((x) => !x.isCash && taxable.has(x.account!));
    const positions = new Set(lots.map((x) => `${x.account}|${x.ticker}`));
    expect(lots.length / positions.size).toBeGreaterThan(size.lotsPerPosition * 0.85);
    expect(lots.length / positions.size).toBeLessThan(size.lotsPerPosition * 1.15);
    const atLoss = lots.filter((x) => x.costBasis! > x.value).length;
    expect(atLoss / lots.length).toBeGreaterThan(0.05);
    expect(atLoss / lots.length).toBeLessThan(0.6);
    expect(lots.some((x) => x.acquired! >= '2026-10-22')).toBe(true);
    expect(new Set(lots.map((x) => x.acquired)).size).toBeGreaterThan(size.lotsPerPosition);
    // The other accounts hold positions too.
    expect(h.holdings.some((x) => !x.isCash && !taxable.has(x.account!))).toBe(true);
  });

  it('is the same for the same seed and differs for another', () => {
    const size = LARGE_SIZES[0];
    expect(JSON.stringify(largeHousehold(size, 5, true))).toBe(JSON.stringify(largeHousehold(size, 5, true)));
    expect(JSON.stringify(largeHousehold(size, 5, true))).not.toBe(JSON.stringify(largeHousehold(size, 6, true)));
  });

  it('leaves S, M and L as they were', () => {
    // Fingerprints of the households as they were before the large ones were added (seed 11, whole shares).
    const fingerprint = (c: HouseholdCells) => createHash('sha256').update(JSON.stringify(c)).digest('hex').slice(0, 16);
    expect(SIZES.map((s) => fingerprint(syntheticHousehold(s, 11, true)))).toEqual(['757244bf70bfe5db', '7609ecd828494df8', '833234612107e304']);
  });
});
