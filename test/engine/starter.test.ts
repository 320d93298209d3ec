import { detectHoldingsColumns, readHousehold, starterAccounts, starterSettings, starterTargets } from '../../src/engine';
import { cash, household, lot, table } from '../support/builders';

describe('setting a household up from its holdings', () => {
  it('says what each Holdings header is read as, and which it ignores', () => {
    expect(detectHoldingsColumns(['Account Name', 'Symbol', 'Qty', 'Last Price', 'Notes', 'Quantity'])).toEqual([
      { header: 'Account Name', readAs: 'Account' },
      { header: 'Symbol', readAs: 'Ticker' },
      { header: 'Qty', readAs: 'Shares' },
      { header: 'Last Price', readAs: 'Price' },
      { header: 'Notes', readAs: null },
      { header: 'Quantity', readAs: null },
    ]);
  });

  it('starts Targets at today’s weights, rounded to 0.1 pp and adding to exactly 100%', () => {
    const h = household({ holdings: [lot('Joint', 'VTI', 1, 333.33), lot('Roth IRA', 'BND', 1, 333.33), lot('Joint', 'VXUS', 1, 333.34)] });
    const rows = starterTargets(h);
    expect(rows).toEqual([
      ['Class', 'Target', 'Band', 'Buy'],
      ['US Stocks', 0.334, null, null],
      ['Bonds', 0.333, null, null],
      ['Intl Stocks', 0.333, null, null],
    ]);
    // and the engine reads them back as valid targets
    expect(readHousehold({ holdings: table('Holdings', [['Ticker', 'Value'], ['VTI', 1]]), targets: table('Targets', rows) }).targets).toHaveLength(3);
  });

  it('lists every account with its inferred type, or the type the user chose instead', () => {
    const h = household({ holdings: [lot('Joint', 'VTI', 1, 100), lot('Roth IRA', 'BND', 1, 100), cash('Ann 401k', 5)] });
    expect(starterAccounts(h, new Map([['joint', 'HSA' as const]]))).toEqual([
      ['Account', 'Type', 'Owner', 'Contribution', 'Reserve', 'Trade', 'Number'],
      ['Joint', 'HSA', null, 0, 0, 'Yes', null],
      ['Roth IRA', 'Roth', null, 0, 0, 'Yes', null],
      ['Ann 401k', 'Traditional', null, 0, 0, 'Yes', null],
    ]);
  });

  it('writes every setting with its default, which the engine reads back without a warning', () => {
    const h = readHousehold({ holdings: table('Holdings', [['Ticker', 'Value'], ['VTI', 1]]), settings: table('Settings', starterSettings()) });
    expect(h.warnings.filter((w) => w.kind === 'unknownSetting')).toEqual([]);
    expect(h.settings).toMatchObject({ band: 0.05, relativeBand: 0.25, rule: 'Hybrid', minTrade: 5000, concentrationLimit: 0.1 });
  });
});
