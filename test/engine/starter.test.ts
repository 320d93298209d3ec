import { computeDrift, detectHoldingsColumns, readHousehold, starterAccounts, starterSettings, starterTargets, TargetsNotChosen, targetsAreTodaysWeights } from '../../src/engine';
import type { Household } from '../../src/engine';
import { cash, household, lot, table } from '../support/builders';

/** The household's holdings as a Holdings table again (classes as read). */
const holdingsOf = (h: Household) =>
  table('Holdings', [['Account', 'Ticker', 'Class', 'Shares', 'Price'], ...h.holdings.map((x) => [x.account, x.ticker, x.assetClass, x.shares, x.price])]);

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

  it('starts Targets blank, with the classes listed, and says so as the next step rather than as a mistake', () => {
    const h = household({ holdings: [lot('Joint', 'VTI', 1, 333.33), lot('Roth IRA', 'BND', 1, 333.33), lot('Joint', 'VXUS', 1, 333.34)] });
    const rows = starterTargets(h);
    expect(rows).toEqual([
      ['Class', 'Target', 'Band', 'Buy', 'Note'],
      ['US Stocks', null, null, null, 'type your target'],
      ['Bonds', null, null, null, 'type your target'],
      ['Intl Stocks', null, null, null, 'type your target'],
    ]);
    const read = () => readHousehold({ holdings: table('Holdings', [['Ticker', 'Value'], ['VTI', 1]]), targets: table('Targets', rows) });
    expect(read).toThrow(TargetsNotChosen);
    expect(read).toThrow('Targets, row 2, column Target: no target is filled in yet: type the share you want of each class (US Stocks, Bonds, Intl Stocks); together they make 100%');
    // One blank among typed targets is a mistake, named as before.
    const partly = [rows[0], ['US Stocks', 0.6, null, null, null], ['Bonds', null, null, null, null]];
    expect(() => readHousehold({ holdings: table('Holdings', [['Ticker', 'Value'], ['VTI', 1]]), targets: table('Targets', partly) })).toThrow('Targets, row 3, column Target: the target for Bonds is blank');
  });

  it('starts Targets at today’s weights when asked, rounded to 0.1 pp, adding to exactly 100% and marked as to be changed', () => {
    const h = household({ holdings: [lot('Joint', 'VTI', 1, 333.33), lot('Roth IRA', 'BND', 1, 333.33), lot('Joint', 'VXUS', 1, 333.34)] });
    const rows = starterTargets(h, 'today');
    const note = "today's weight: change it to your target";
    expect(rows).toEqual([
      ['Class', 'Target', 'Band', 'Buy', 'Note'],
      ['US Stocks', 0.334, null, null, note],
      ['Bonds', 0.333, null, null, note],
      ['Intl Stocks', 0.333, null, null, note],
    ]);
    // The engine reads them back as valid targets, and the pane can tell they were not yet changed.
    const started = readHousehold({ holdings: holdingsOf(h), targets: table('Targets', rows) });
    expect(started.targets).toHaveLength(3);
    expect(targetsAreTodaysWeights(computeDrift(started))).toBe(true);
    const changed = readHousehold({ holdings: holdingsOf(h), targets: table('Targets', [rows[0], ['US Stocks', 0.6], ['Bonds', 0.2], ['Intl Stocks', 0.2]]) });
    expect(targetsAreTodaysWeights(computeDrift(changed))).toBe(false);
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
