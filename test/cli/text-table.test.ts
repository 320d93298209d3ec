import { renderDrift } from '../../src/cli/text-table';
import { computeDrift } from '../../src/engine';
import { cash, household, lot } from '../support/builders';

describe('the terminal drift table', () => {
  it('rounds percentages half away from zero on the exact figures (4,507.50 of 10,000.00 is 45.08%)', () => {
    const report = computeDrift(
      household({
        holdings: [lot('IRA', 'VTI', 15, 300.5), lot('IRA', 'BND', 40, 72.5), lot('IRA', 'GLD', 1, 1492.5, { class: 'Gold' }), cash('IRA', 1100)],
        targets: { 'US Stocks': 0.6, Bonds: 0.4 },
      }),
    );
    const lines = renderDrift(report).split('\n');
    expect(lines[0]).toMatch(/^Class\s+Value\s+Weight\s+Target\s+Drift\s+Band\s+Status$/);
    expect(lines[2]).toMatch(/^US Stocks\s+\$4,507\.50\s+45\.08%\s+60\.00%\s+−14\.93 pp\s+5\.00%\s+Under$/);
    expect(lines[4]).toMatch(/^Cash\s+\$1,100\.00\s+11\.00%\s+0\.00%\s+\+11\.00 pp\s+0\.00%\s+Over$/);
    expect(lines[5]).toMatch(/^Gold\s+\$1,492\.50\s+14\.93%\s+No target$/);
    expect(lines[6]).toMatch(/^Total\s+\$10,000\.00\s+100\.00%$/);
  });

  it('never shows a negative zero', () => {
    const report = computeDrift(household({ holdings: [lot('IRA', 'VTI', 1, 100)], targets: { 'US Stocks': 1 } }));
    expect(renderDrift(report)).not.toMatch(/[-−+]0\.00/);
  });
});
