import { readHousehold, DEFAULT_SETTINGS } from '../../src/engine';
import { inputError } from '../support/input-error';
import type { Cell } from '../../src/engine';
import { parseHoldings } from '../../src/engine/holdings';
import { parseTargets } from '../../src/engine/targets';
import { inferAccountType, parseAccounts, parseAccountType } from '../../src/engine/accounts';
import { parseSettings } from '../../src/engine/settings';
import { accountsTable, cash, holdingsTable, lot, settingsTable, table, targetsTable } from '../support/builders';


describe('Holdings headers', () => {
  it.each([
    [['Account Name', 'Symbol', 'Quantity', 'Last Price', 'Asset Class']],
    [['account', 'TICKER', 'Qty', 'Current Price', 'Category']],
    [['Account', 'Ticker Symbol', 'Units', 'Price', 'Sleeve']],
  ])('recognises the synonyms %j', (header) => {
    const { holdings } = parseHoldings(table('Holdings', [header as Cell[], ['Joint', 'vti', 10, 250, 'US Stocks']]));
    expect(holdings[0]).toMatchObject({ account: 'Joint', ticker: 'VTI', shares: 10, price: 250, value: 250000, key: 'US Stocks' });
  });

  it('reads Market Value, Cost, Purchase Date and ignores unknown columns', () => {
    const { holdings } = parseHoldings(
      table('Holdings', [
        ['Notes', 'Symbol', 'Market Value', 'Cost', 'Purchase Date'],
        ['my fund', 'FXAIX', '$12,345.67', 10000, 45292],
      ]),
    );
    expect(holdings[0]).toMatchObject({ ticker: 'FXAIX', value: 1234567, costBasis: 1000000, acquired: '2024-01-01', account: 'Portfolio' });
  });

  it('uses Excel row numbers from the header row and skips blank rows', () => {
    const { holdings } = parseHoldings(
      table('Holdings', [['Ticker', 'Shares', 'Price'], ['VTI', 1, 2], [null, '', 0], ['BND', 3, 4]], 5),
    );
    expect(holdings.map((h) => h.row)).toEqual([6, 8]);
  });

  it('reads a Stocks data-type cell in the Price column, and refuses one as the Ticker, naming the row', () => {
    const apple = { type: 'LinkedEntity', text: 'Apple Inc.', properties: { Price: { type: 'Double', basicValue: 271.35 } } };
    const { holdings } = parseHoldings(table('Holdings', [['Ticker', 'Stock', 'Shares', 'Price'], ['AAPL', apple, 3, apple]]));
    expect(holdings[0]).toMatchObject({ ticker: 'AAPL', price: 271.35, value: 81405 });
    expect(() => parseHoldings(table('Holdings', [['Ticker', 'Shares', 'Price'], [apple, 3, apple]]))).toThrow(
      'Holdings, row 2, column Ticker: the data-type value "Apple Inc." is not plain text; type it as text (a Stocks cell can stay in a column of its own)',
    );
  });

  it('treats a row whose Class is Cash, or whose ticker is CASH, as cash at its Value', () => {
    const { holdings } = parseHoldings(holdingsTable([cash('Joint', 1234.56), { account: 'IRA', ticker: 'SPAXX', class: 'cash', value: 10 }]));
    expect(holdings.map((h) => [h.ticker, h.key, h.isCash, h.value])).toEqual([
      ['CASH', 'Cash', true, 123456],
      ['SPAXX', 'Cash', true, 1000],
    ]);
  });

  it('warns when Shares × Price and Value disagree by more than 1%, but not within it', () => {
    const { holdings, warnings } = parseHoldings(
      holdingsTable([lot('Joint', 'VTI', 10, 100, { value: 1005 }), lot('Joint', 'BND', 10, 100, { value: 1100 })]),
    );
    expect(holdings.map((h) => h.value)).toEqual([100000, 100000]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ kind: 'valueMismatch', table: 'Holdings', row: 3, column: 'Value' });
  });

  it('reads a 0 beside a non-zero amount as the blank an older Excel build sent, not as an amount', () => {
    const { holdings, warnings } = parseHoldings(
      table('Holdings', [
        ['Ticker', 'Class', 'Shares', 'Price', 'Value'],
        ['VTI', 'US Stocks', 10, 100, 0], // Value blank → no mismatch warning
        ['FXNAX', 'Bonds', 0, 0, 2500], // Shares and Price blank → the Value counts
        ['SPAXX', 'Cash', 300, 0, 0], // a money-market fund given by its shares
      ]),
    );
    expect(holdings.map((h) => h.value)).toEqual([100000, 250000, 30000]);
    expect(warnings).toEqual([]);
  });

  it.each([
    [[['Ticker', 'Shares', 'Price'], ['VTI', 'ten', 5]], 'Holdings, row 2, column Shares: "ten" is not a number'],
    [[['Ticker', 'Shares', 'Price'], ['VTI', -1, 5]], 'Holdings, row 2, column Shares: -1 is negative'],
    [[['Ticker', 'Shares', 'Price'], ['VTI', 1, -5]], 'Holdings, row 2, column Price: the price -5 is negative'],
    [[['Ticker', 'Shares', 'Price'], [null, 1, 5]], 'Holdings, row 2, column Ticker: the ticker is blank'],
    [[['Account', 'Ticker', 'Shares', 'Price'], [null, 'VTI', 1, 5]], 'Holdings, row 2, column Account: the account is blank'],
    [[['Ticker', 'Shares'], ['VTI', 1]], 'Holdings, row 1, column Price: no Price column (looked for Price, Last Price, Current Price)'],
    [[['Shares', 'Price'], [1, 2]], 'Holdings, row 1, column Ticker: no Ticker column (looked for Ticker, Symbol, Ticker Symbol)'],
    [[['Ticker', 'Shares', 'Price', 'Value'], ['VTI', null, 5, null]], 'Holdings, row 2, column Shares: Shares is blank and there is no Value'],
    [[['Ticker', 'Shares', 'Price', 'Acquired'], ['VTI', 1, 5, '2024-02-30']], 'Holdings, row 2, column Acquired: "2024-02-30" is not a date (use an Excel date or YYYY-MM-DD)'],
    [[['Ticker', 'Shares', 'Price']], 'Holdings: has no rows below its header'],
    [[['Foo', 'Bar'], [1, 2]], 'Holdings, row 1: the first row has no recognisable header'],
  ])('names the table, row and column: %j', (cells, message) => {
    expect(inputError(() => parseHoldings(table('Holdings', cells as Cell[][]))).message).toContain(message);
  });
});

describe('Targets', () => {
  const weights = (t: Record<string, number | string>) => parseTargets(targetsTable(t)).map((x) => x.weight);

  it('reads fractions, percent strings, percent numbers and a mix', () => {
    expect(weights({ A: 0.6, B: 0.4 })).toEqual([0.6, 0.4]);
    expect(weights({ A: '60%', B: '40%' })).toEqual([0.6, 0.4]);
    expect(weights({ A: 60, B: 40 })).toEqual([0.6, 0.4]);
    expect(weights({ A: '60%', B: 40 })).toEqual([0.6, 0.4]);
    expect(weights({ A: '60%', B: 0.4 })).toEqual([0.6, 0.4]);
    expect(weights({ A: 100 })).toEqual([1]);
    expect(weights({ A: 33.33, B: 33.33, C: 33.34 })).toEqual([0.3333, 0.3333, 0.3334]);
    expect(weights({ A: 93, B: 7 })).toEqual([0.93, 0.07]);
  });

  it('accepts a sum within ±0.01 percentage points and refuses one outside, giving the sum', () => {
    expect(weights({ A: 0.6, B: 0.40009 })).toHaveLength(2);
    expect(inputError(() => weights({ A: 0.6, B: 0.3 })).message).toBe(
      'Targets, column Target: the targets add up to 90%; they must add up to 100% (fractions adding to 1, or percent numbers adding to 100)',
    );
    expect(inputError(() => weights({ A: 60, B: 30 })).message).toContain('add up to 90%');
    expect(inputError(() => weights({ A: '60%', B: 50 })).message).toContain('add up to 110%');
    expect(inputError(() => weights({ A: 0.6, B: 0.4002 })).message).toContain('add up to 100.02%');
  });

  it('matches synonyms: Ticker / Target % / Tolerance / Buy With', () => {
    const t = parseTargets(table('Targets', [['Ticker', 'Target %', 'Tolerance', 'Buy With'], ['vti', '100%', '3%', 'vti']]));
    expect(t[0]).toEqual({ row: 2, key: 'vti', weight: 1, band: 0.03, buy: 'VTI' });
  });

  it.each(['Target %', 'Target%', 'Target (%)', 'target  %', 'TARGET WEIGHT', 'Target_Allocation'])('recognises the weight header %j', (header) => {
    expect(parseTargets(table('Targets', [['Class', header], ['A', '100%']]))[0].weight).toBe(1);
  });

  it.each([
    [[['Class', 'Target'], ['A', 0.5], ['a ', 0.5]], 'Targets, row 3, column Class: a is listed twice (also row 2)'],
    [[['Class', 'Target'], [null, 0.5], ['B', 0.5]], 'Targets, row 2, column Class: the class is blank'],
    [[['Class', 'Target'], ['A', null], ['B', 1]], 'Targets, row 2, column Target: the target for A is blank'],
    [[['Class', 'Target'], ['A', -0.5], ['B', 1.5]], 'Targets, row 2, column Target: the target for A is negative'],
    [[['Class', 'Target'], ['A', 'most'], ['B', 1]], 'Targets, row 2, column Target: "most" is not a percentage'],
    [[['Class', 'Target', 'Band'], ['A', 1, -0.01]], 'Targets, row 2, column Band: the band for A is negative'],
    [[['Class', 'Weight']], 'Targets: has no rows below its header'],
    [[['Class'], ['A']], 'Targets, row 1, column Target: no Target column'],
  ])('names the row and column: %j', (cells, message) => {
    expect(inputError(() => parseTargets(table('Targets', cells as Cell[][]))).message).toContain(message);
  });
});

describe('account types', () => {
  it.each([
    ['Taxable', 'Taxable'],
    ['Traditional', 'Traditional'],
    ['IRA', 'Traditional'],
    ['Traditional IRA', 'Traditional'],
    ['Rollover IRA', 'Traditional'],
    ['401(k)', 'Traditional'],
    ['401k', 'Traditional'],
    ['403b', 'Traditional'],
    ['457', 'Traditional'],
    ['SEP IRA', 'Traditional'],
    ['TSP', 'Traditional'],
    ['Roth', 'Roth'],
    ['Roth IRA', 'Roth'],
    ['Roth 401(k)', 'Roth'],
    ['HSA', 'HSA'],
  ])('the Type %j is %s', (text, type) => {
    expect(parseAccountType(text)).toBe(type);
  });

  it.each(['Brokerage', 'Crypto', 'HSA IRA', 'taxable roth', 'Roth HSA', ''])('refuses the Type %j', (text) => {
    expect(parseAccountType(text)).toBeNull();
  });

  it.each([
    ['Sam Roth IRA', 'Roth'],
    ['Alex 401(k)', 'Traditional'],
    ['Sam IRA', 'Traditional'],
    ['Fidelity HSA', 'HSA'],
    ['Joint Brokerage', 'Taxable'],
    ['Irate Trust', 'Taxable'],
    ['Alex SEP', 'Traditional'],
    ['Rothschild Fund', 'Taxable'],
  ])('infers %j as %s', (name, type) => {
    expect(inferAccountType(name)).toBe(type);
  });

  it('reads the Accounts table and reports a bad Type by its row', () => {
    const { accounts } = parseAccounts(
      accountsTable([
        { account: 'Joint', type: 'Taxable', contribution: 1500.5, reserve: 200, trade: 'No' },
        { account: 'Sam IRA' },
      ]),
    );
    expect(accounts[0]).toMatchObject({ name: 'Joint', type: 'Taxable', tax: 'taxable', contribution: 150050, reserve: 20000, tradable: false, row: 2 });
    expect(accounts[1]).toMatchObject({ type: 'Traditional', tax: 'taxDeferred', typeSource: 'inferred', tradable: true });
    expect(inputError(() => parseAccounts(accountsTable([{ account: 'Joint' }, { account: 'X', type: 'Crypto' }]))).message).toMatch(
      /^Accounts, row 3, column Type: "Crypto" is not an account type/,
    );
  });

  it('recognises the Accounts synonyms', () => {
    const { accounts } = parseAccounts(
      table('Accounts', [
        ['Name', 'Tax Type', 'Holder', 'New Cash', 'Min Cash', 'Allow Trades'],
        ['Alex 401(k)', '401(k)', 'Alex', '$1,200', 100, 'Y'],
      ]),
    );
    expect(accounts[0]).toMatchObject({ name: 'Alex 401(k)', type: 'Traditional', owner: 'Alex', contribution: 120000, reserve: 10000, tradable: true, typeSource: 'table' });
  });

  it('infers the type of an account seen only in Holdings, and says so', () => {
    const h = readHousehold({
      holdings: holdingsTable([lot('Sam Roth IRA', 'VTI', 1, 100), lot('Joint Brokerage', 'BND', 1, 100)]),
      targets: targetsTable({ 'US Stocks': 0.5, Bonds: 0.5 }),
    });
    expect(h.accounts.map((a) => [a.name, a.type, a.tax])).toEqual([
      ['Sam Roth IRA', 'Roth', 'taxFree'],
      ['Joint Brokerage', 'Taxable', 'taxable'],
    ]);
    expect(h.warnings.filter((w) => w.kind === 'inferredAccountType').map((w) => w.message)).toEqual([
      expect.stringContaining('Sam Roth IRA is treated as Roth'),
      expect.stringContaining('Joint Brokerage is treated as Taxable'),
    ]);
  });
});

describe('Settings', () => {
  it('gives the defaults of PRODUCT.md when absent', () => {
    expect(parseSettings(null).settings).toEqual(DEFAULT_SETTINGS);
    expect(DEFAULT_SETTINGS).toMatchObject({
      band: 0.05, relativeBand: 0.25, rule: 'Hybrid', frequency: 'Quarterly', mode: 'Full', rebalanceTo: 'Target',
      wholeShares: true, minTrade: 5000, taxAware: true, shortTermRate: 0.37, longTermRate: 0.15, harvestLosses: false,
      commission: 0, spreadBps: 0, sellUntargeted: false, timeLimit: 2, concentrationLimit: 0.1, asOf: null, lastRebalanced: null,
    });
  });

  it.each<[string, Cell, string, unknown]>([
    ['Band', '3%', 'band', 0.03],
    ['Band', 0.03, 'band', 0.03],
    ['Band', 3, 'band', 0.03],
    ['Relative Band', '20%', 'relativeBand', 0.2],
    ['rule', 'threshold', 'rule', 'Threshold'],
    ['Frequency', 'ANNUAL', 'frequency', 'Annual'],
    ['LastRebalanced', 45292, 'lastRebalanced', '2024-01-01'],
    ['As Of', '2026-11-20', 'asOf', '2026-11-20'],
    ['AsOf', new Date(Date.UTC(2026, 10, 20)), 'asOf', '2026-11-20'],
    ['Mode', 'Buy Only', 'mode', 'BuyOnly'],
    ['Mode', 'buy-only', 'mode', 'BuyOnly'],
    ['RebalanceTo', 'Band Edge', 'rebalanceTo', 'BandEdge'],
    ['WholeShares', 'No', 'wholeShares', false],
    ['Whole_Shares', false, 'wholeShares', false],
    ['MinTrade', '$100.50', 'minTrade', 10050],
    ['TaxAware', 0, 'taxAware', false],
    ['ShortTermRate', '32%', 'shortTermRate', 0.32],
    ['LongTermRate', 0.2, 'longTermRate', 0.2],
    ['HarvestLosses', 'yes', 'harvestLosses', true],
    ['Commission', 4.95, 'commission', 495],
    ['SpreadBps', 5, 'spreadBps', 5],
    ['SellUntargeted', true, 'sellUntargeted', true],
    ['TimeLimit', 0.5, 'timeLimit', 0.5],
    ['ConcentrationLimit', '15%', 'concentrationLimit', 0.15],
  ])('%s = %j sets %s', (key, cell, field, expected) => {
    const { settings, warnings } = parseSettings(settingsTable({ [key]: cell }));
    expect((settings as unknown as Record<string, unknown>)[field]).toEqual(expected);
    expect(warnings).toEqual([]);
  });

  it('recognises the Settings synonyms (Setting | Value, Name | Value)', () => {
    expect(parseSettings(table('Settings', [['Setting', 'Value'], ['Band', '4%']])).settings.band).toBe(0.04);
    expect(parseSettings(table('Settings', [['Name', 'Value'], ['Mode', 'BuyOnly']])).settings.mode).toBe('BuyOnly');
  });

  it('keeps the default for a blank value', () => {
    expect(parseSettings(settingsTable({ Band: null, Mode: '' })).settings).toEqual(DEFAULT_SETTINGS);
  });

  it('warns about an unknown key, naming its row', () => {
    const { settings, warnings } = parseSettings(settingsTable({ Band: 0.04, Colour: 'blue' }));
    expect(settings.band).toBe(0.04);
    expect(warnings).toEqual([expect.objectContaining({ kind: 'unknownSetting', table: 'Settings', row: 3, column: 'Key' })]);
    expect(warnings[0].message).toMatch(/"Colour" is not a setting and is ignored/);
  });

  it.each<[string, Cell, RegExp]>([
    ['Band', 'wide', /^Settings, row 2, column Value: Band: "wide" is not a percentage/],
    ['Band', '150%', /^Settings, row 2, column Value: Band: must be between 0% and 100%/],
    ['Rule', 'Sometimes', /^Settings, row 2, column Value: Rule: "Sometimes" is not one of Calendar, Threshold, Hybrid/],
    ['Frequency', 'Weekly', /Frequency: "Weekly" is not one of Monthly, Quarterly, Semiannual, Annual/],
    ['AsOf', 'yesterday', /^Settings, row 2, column Value: AsOf: "yesterday" is not a date/],
    ['WholeShares', 'perhaps', /WholeShares: "perhaps" is not TRUE\/FALSE/],
    ['MinTrade', -5, /MinTrade: cannot be negative/],
    ['MinTrade', 'fifty', /MinTrade: "fifty" is not a number/],
    ['TimeLimit', 0, /TimeLimit: must be more than 0/],
    ['SpreadBps', -1, /SpreadBps: SpreadBps cannot be below 0/],
  ])('refuses %s = %j, naming the key', (key, cell, message) => {
    expect(inputError(() => parseSettings(settingsTable({ [key]: cell }))).message).toMatch(message);
  });

  it('refuses a key set twice', () => {
    const t = table('Settings', [['Key', 'Value'], ['Band', 0.05], ['band', 0.04]]);
    expect(inputError(() => parseSettings(t)).message).toBe('Settings, row 3, column Key: Band is set twice (also row 2)');
  });
});
