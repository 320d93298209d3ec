import fc from 'fast-check';
import { computeDrift, driftJson, roundWeight } from '../../src/engine';
import { household, lot } from '../support/builders';

describe('the JSON drift', () => {
  it.each([
    [0.1234565, 0.123457],
    [-0.1234565, -0.123457],
    [0.0000025, 0.000003],
    [-0.0000025, -0.000003],
    [-0.0000004, 0],
    [0.45075 - 0.6, -0.14925],
    [1, 1],
  ])('rounds %d to six decimals as %d', (x, rounded) => {
    expect(roundWeight(x)).toBe(rounded);
    expect(Object.is(roundWeight(x), -0)).toBe(false);
  });

  it('rounds a negative drift as the mirror of the positive one', () => {
    fc.assert(fc.property(fc.double({ min: -1, max: 1, noNaN: true }), (x) => roundWeight(-x) === -roundWeight(x) || (roundWeight(x) === 0 && roundWeight(-x) === 0)));
  });

  it('gives money in currency to the cent and weights to six decimals', () => {
    const report = computeDrift(household({ holdings: [lot('IRA', 'VTI', 3, 100.005), lot('IRA', 'BND', 7, 33.333)], targets: { 'US Stocks': 0.5, Bonds: 0.5 } }));
    // 300.02 (300.015 rounds up) and 233.33 (233.331); total 533.35
    expect(driftJson(report)).toEqual([
      { class: 'US Stocks', value: 300.02, weight: 0.56252, target: 0.5, drift: 0.06252, band: 0.05, status: 'Over' },
      { class: 'Bonds', value: 233.33, weight: 0.43748, target: 0.5, drift: -0.06252, band: 0.05, status: 'Under' },
    ]);
  });
});
