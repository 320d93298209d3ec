import { computeDrift, reviewDue } from '../../src/engine';
import { cash, household, lot } from '../support/builders';

/** US Stocks at 70% of $10,000 against a 60/40 target: 10 pp over a 5 pp band. */
const outOfBand = () =>
  household({ holdings: [lot('Joint', 'VTI', 28, 250), lot('Joint', 'BND', 40, 75)], targets: { 'US Stocks': 0.6, Bonds: 0.4 } });
/** 61/39: within the band. */
const inBand = () =>
  household({ holdings: [lot('Joint', 'VTI', 24.4, 250), lot('Joint', 'BND', 52, 75)], targets: { 'US Stocks': 0.6, Bonds: 0.4 } });

const rule = (r: 'Calendar' | 'Threshold' | 'Hybrid', lastRebalanced: string | null, frequency: 'Monthly' | 'Quarterly' | 'Semiannual' | 'Annual' = 'Quarterly') => ({
  rule: r,
  frequency,
  lastRebalanced,
});

describe('the Calendar rule', () => {
  it('is due once a quarter has passed since the last rebalance, even when every class is in band', () => {
    const v = reviewDue(computeDrift(inBand()), rule('Calendar', '2026-08-01'), '2026-11-21');
    expect(v.due).toBe(true);
    expect(v.text).toBe('Due: the quarterly rebalance date has come (last rebalanced 2026-08-01); next check 2027-02-21');
  });

  it('is not due before the date, and names it as the next check, even when a class is out of band', () => {
    const v = reviewDue(computeDrift(outOfBand()), rule('Calendar', '2026-09-15'), '2026-11-21');
    expect(v).toMatchObject({ due: false, nextCheck: '2026-12-15' });
    expect(v.text).toMatch(/^Not due: the next quarterly rebalance is on 2026-12-15/);
  });

  it('is due on the anniversary day itself, and clamps month ends (Nov 30 + 3 months = Feb 28)', () => {
    expect(reviewDue(computeDrift(inBand()), rule('Calendar', '2026-08-21'), '2026-11-21').due).toBe(true);
    expect(reviewDue(computeDrift(inBand()), rule('Calendar', '2026-11-30'), '2027-02-27').nextCheck).toBe('2027-02-28');
  });

  it('is due when the household has never rebalanced', () => {
    expect(reviewDue(computeDrift(inBand()), rule('Calendar', null, 'Annual'), '2026-11-21').text).toMatch(/^Due: the annual rebalance date has come \(no LastRebalanced date is set\)/);
  });
});

describe('the Threshold rule', () => {
  it('is due when a class is out of band, naming it with its weight, target and band', () => {
    const v = reviewDue(computeDrift(outOfBand()), rule('Threshold', '2026-11-01'), '2026-11-21');
    expect(v.text).toBe('Due: US Stocks is 70.0% vs 60.0% target (band ±5.0%), and 1 more class out of band; next check 2027-02-21');
  });

  it('is not due when every class is in band, however long ago the last rebalance was', () => {
    expect(reviewDue(computeDrift(inBand()), rule('Threshold', '2020-01-01'), '2026-11-21').text).toMatch(/^Not due: every class is within its band/);
  });

  it('ignores untargeted holdings and counts idle cash above a 0% target', () => {
    const h = household({
      holdings: [lot('Joint', 'VTI', 24, 250), lot('Joint', 'BND', 40, 75), lot('Joint', 'GLD', 3, 100), cash('Joint', 700)],
      targets: { 'US Stocks': 0.6, Bonds: 0.4 },
    });
    expect(reviewDue(computeDrift(h), rule('Threshold', null), '2026-11-21').reason).toBe(
      'Cash is 7.0% vs 0.0% target (band ±0.0%), and 1 more class out of band',
    );
  });
});

describe('the Hybrid rule', () => {
  it('waits for the calendar but says what is out of band meanwhile', () => {
    const v = reviewDue(computeDrift(outOfBand()), rule('Hybrid', '2026-10-01'), '2026-11-21');
    expect(v.due).toBe(false);
    expect(v.text).toMatch(/^Not due: the next quarterly check is on 2027-01-01 \(last rebalanced 2026-10-01\); meanwhile US Stocks is 70\.0%/);
    expect(v.nextCheck).toBe('2027-01-01');
  });

  it('at a check, is due only when a class is out of band', () => {
    expect(reviewDue(computeDrift(outOfBand()), rule('Hybrid', '2026-08-01'), '2026-11-21').text).toMatch(/^Due: at the quarterly check, US Stocks is 70\.0%/);
    expect(reviewDue(computeDrift(inBand()), rule('Hybrid', '2026-08-01'), '2026-11-21').text).toBe(
      'Not due: at the quarterly check every class is within its band; next check 2027-02-21',
    );
  });

  it('checks monthly when told to', () => {
    expect(reviewDue(computeDrift(inBand()), rule('Hybrid', '2026-11-01', 'Monthly'), '2026-11-21').nextCheck).toBe('2026-12-01');
  });
});
