import { finiteSpill } from '../../src/functions/spill-guard';

describe('finiteSpill', () => {
  it('passes a spill of finite numbers and text through unchanged', () => {
    const spill = [['Class', 'Value'], ['US Stocks', 6000.5], ['Total', 0]];
    expect(finiteSpill(spill)).toBe(spill);
  });
  it.each([Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY])('refuses %p anywhere in it', (bad) => {
    expect(() => finiteSpill([['Class', 'Value'], ['Bonds', bad]])).toThrow('a result is not a finite number');
  });
});
