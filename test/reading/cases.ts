/**
 * The catalogue of bad, hostile and odd workbooks (docs/hostile-workbooks.md lists the same ids).
 * Each case is a small household changed the way real sheets are — a pasted broker total, a failed
 * VLOOKUP, a typo — and the one outcome a careful user expects: a one-line error naming the cell, or
 * the right answer with a warning naming the row. The same case runs through the command line on a
 * real .xlsx and, where it applies, through the REBAL functions in HyperFormula.
 */

/** An Excel error value in a cell: ExcelJS writes `{ error }`, HyperFormula parses its text. */
export class XlError {
  constructor(readonly code: string) {}
}

export type CaseValue = string | number | boolean | Date | null | XlError;
export type CaseTables = Record<string, CaseValue[][]>;

export type Outcome =
  /** Exit 1 and this exact line on stderr (without "rebal: "); the functions show it as #VALUE!. */
  | { readonly error: string }
  /** A right answer: the household's total, and a warning that contains `warning` (when given). */
  | { readonly total: number; readonly warning?: string };

export interface HostileCase {
  readonly id: string;
  /** What a user did, in words, for the catalogue. */
  readonly what: string;
  readonly tables: CaseTables;
  readonly expect: Outcome;
  /** The formula to type in HyperFormula, or null where the case is about files (CLI only). */
  readonly formula: 'DRIFT' | 'EXPOSURE' | 'TRADES' | null;
  readonly asOf?: string;
}

const HOLDINGS_HEADER = ['Account', 'Ticker', 'Class', 'Shares', 'Price', 'Value', 'Cost Basis', 'Acquired'];

/** 10,000.00 in three accounts' worth of rows: rows 2–6 as Excel numbers them. */
export function baseTables(): CaseTables {
  return {
    Holdings: [
      [...HOLDINGS_HEADER],
      ['Joint Brokerage', 'VTI', 'US Stocks', 10, 300.5, null, 2500, '2019-03-04'],
      ['Joint Brokerage', 'VTI', 'US Stocks', 5, 300.5, null, 1400, '2025-01-02'],
      ['Sam IRA', 'BND', 'Bonds', 40, 72.5, null, null, null],
      ['Sam IRA', 'GLD', 'Gold', 1, 1492.5, null, null, null],
      ['Joint Brokerage', 'CASH', 'Cash', null, null, 1100, null, null],
    ],
    Targets: [['Class', 'Target', 'Band'], ['US Stocks', 0.6, null], ['Bonds', 0.4, null]],
    Settings: [['Key', 'Value'], ['MinTrade', 10]],
  };
}

/** The base household with `change` applied to a copy of its tables. */
function variant(change: (t: CaseTables) => void): CaseTables {
  const t = baseTables();
  change(t);
  return t;
}

const COLUMN: Record<string, number> = Object.fromEntries(HOLDINGS_HEADER.map((h, i) => [h, i]));

/** Sets Holdings' cell at Excel row `row` (header is row 1) and column `column`. */
function setHolding(t: CaseTables, row: number, column: string, value: CaseValue): void {
  t.Holdings[row - 1][COLUMN[column]] = value;
}

const LONG_TEXT = 'Quarterly statement figure copied from the PDF, see note on the Notes sheet for the breakdown';

export const CASES: readonly HostileCase[] = [
  {
    id: 'summary-account-total',
    what: "A pasted Schwab export's `Account Total` row (Value, no Shares) under the holdings",
    tables: variant((t) => t.Holdings.push(['Joint Brokerage', 'Account Total', null, null, null, 10000, null, null])),
    expect: { total: 10000, warning: 'Holdings, row 7: "Account Total" reads as a total, not a holding (it has no Shares); the row is skipped' },
    formula: 'DRIFT',
  },
  {
    id: 'summary-total-in-account',
    what: 'A `Grand Total` line whose Account cell says the total and whose Ticker is blank',
    tables: variant((t) => t.Holdings.push(['Grand Total', null, null, null, null, 10000, null, null])),
    expect: { total: 10000, warning: 'Holdings, row 7: "Grand Total" reads as a total' },
    formula: 'DRIFT',
  },
  {
    id: 'summary-subtotal',
    what: 'A `Subtotal` row between two accounts',
    tables: variant((t) => t.Holdings.splice(4, 0, ['Joint Brokerage', 'Subtotal', null, null, null, 5607.5, null, null])),
    expect: { total: 10000, warning: 'Holdings, row 5: "Subtotal" reads as a total' },
    formula: 'DRIFT',
  },
  {
    id: 'error-ref-ticker',
    what: '`#REF!` in Ticker (a deleted lookup sheet)',
    tables: variant((t) => setHolding(t, 4, 'Ticker', new XlError('#REF!'))),
    expect: { error: 'Holdings, row 4, column Ticker: the cell holds the error #REF!; fix the cell (or the formula it comes from) first' },
    formula: 'DRIFT',
  },
  {
    id: 'error-na-class',
    what: '`#N/A` in Class (a failed VLOOKUP)',
    tables: variant((t) => setHolding(t, 5, 'Class', new XlError('#N/A'))),
    expect: { error: 'Holdings, row 5, column Class: the cell holds the error #N/A; fix the cell (or the formula it comes from) first' },
    formula: 'DRIFT',
  },
  {
    id: 'error-div0-price',
    what: '`#DIV/0!` in Price',
    tables: variant((t) => setHolding(t, 2, 'Price', new XlError('#DIV/0!'))),
    expect: { error: 'Holdings, row 2, column Price: the cell holds the error #DIV/0!; fix the cell (or the formula it comes from) first' },
    formula: 'DRIFT',
  },
  {
    id: 'error-value-in-targets',
    what: '`#VALUE!` in a Target weight',
    tables: variant((t) => (t.Targets[2][1] = new XlError('#VALUE!'))),
    expect: { error: 'Targets, row 3, column Target: the cell holds the error #VALUE!; fix the cell (or the formula it comes from) first' },
    formula: 'DRIFT',
  },
  {
    id: 'error-name-in-acquired',
    what: '`#NAME?` in Acquired (a misspelt DATE formula)',
    tables: variant((t) => setHolding(t, 3, 'Acquired', new XlError('#NAME?'))),
    expect: { error: 'Holdings, row 3, column Acquired: the cell holds the error #NAME?; fix the cell (or the formula it comes from) first' },
    formula: 'DRIFT',
  },
  {
    id: 'number-inner-space',
    what: 'Shares typed as `25 40` (two numbers, or a typo for 2540)',
    tables: variant((t) => setHolding(t, 4, 'Shares', '25 40')),
    expect: { error: 'Holdings, row 4, column Shares: "25 40" is not a number' },
    formula: 'DRIFT',
  },
  {
    id: 'number-line-break',
    what: 'A Price with a line break inside it (`12⏎34`, pasted from a PDF)',
    tables: variant((t) => setHolding(t, 5, 'Price', '12\n34')),
    expect: { error: 'Holdings, row 5, column Price: "12⏎34" is not a number' },
    formula: 'DRIFT',
  },
  {
    id: 'number-currency-space',
    what: 'A Price typed as `$ 1,492.50` (a space after the dollar sign) reads as the number',
    tables: variant((t) => setHolding(t, 5, 'Price', '$ 1,492.50')),
    expect: { total: 10000 },
    formula: 'DRIFT',
  },
  {
    id: 'long-text-cut',
    what: 'A paragraph pasted into Shares: the message quotes 60 characters of it',
    tables: variant((t) => setHolding(t, 4, 'Shares', LONG_TEXT)),
    expect: { error: `Holdings, row 4, column Shares: "${LONG_TEXT.slice(0, 60)}…" is not a number` },
    formula: 'DRIFT',
  },
  {
    id: 'wrapped-header',
    what: 'A wrapped header (`Market⏎Value`) over a bad cell: the message stays on one line',
    tables: variant((t) => {
      t.Holdings[0][COLUMN.Value] = 'Market\nValue';
      setHolding(t, 6, 'Value', 'eleven hundred');
    }),
    expect: { error: 'Holdings, row 6, column Market Value: "eleven hundred" is not a number' },
    formula: 'DRIFT',
  },
  {
    id: 'price-zero',
    what: 'Price 0 on a row with shares and no Value',
    tables: variant((t) => setHolding(t, 4, 'Price', 0)),
    expect: { error: 'Holdings, row 4, column Price: the price is 0 on a row with 40 shares; a position needs its price (or a Value) to be valued and traded' },
    formula: 'DRIFT',
  },
  {
    id: 'targets-band-over-100',
    what: 'A Band typed as 150 (percent) in Targets',
    tables: variant((t) => (t.Targets[1][2] = 150)),
    expect: { error: 'Targets, row 2, column Band: the band for US Stocks must be between 0% and 100%' },
    formula: 'DRIFT',
  },
  {
    id: 'value-beyond-trillion',
    what: 'A Value of 2,000,000,000,000 (an account number pasted into Value)',
    tables: variant((t) => t.Holdings.push(['Sam IRA', 'FXAIX', 'US Stocks', null, null, 2e12, null, null])),
    expect: { error: 'Holdings, row 7, column Value: 2000000000000 is beyond $1 trillion, more than one row can hold; check the number' },
    formula: 'DRIFT',
  },
  {
    id: 'price-1e300',
    what: 'A price of 1e300',
    tables: variant((t) => setHolding(t, 4, 'Price', 1e300)),
    expect: { error: 'Holdings, row 4, column Price: 1e+300 is beyond $1 trillion, more than one row can hold; check the number' },
    formula: 'DRIFT',
  },
  {
    id: 'shares-1e15',
    what: '1e15 shares at $72.50',
    tables: variant((t) => setHolding(t, 4, 'Shares', 1e15)),
    expect: { error: 'Holdings, row 4, column Shares: 1000000000000000 shares is more than any household holds; check the number' },
    formula: 'DRIFT',
  },
  {
    id: 'shares-times-price-beyond-trillion',
    what: '2 billion shares at $750 (each number alone is plausible)',
    tables: variant((t) => {
      setHolding(t, 4, 'Shares', 2e9);
      setHolding(t, 4, 'Price', 750);
    }),
    expect: { error: 'Holdings, row 4, column Shares: Shares × Price is 1500000000000, beyond $1 trillion, more than one row can hold; check the number' },
    formula: 'DRIFT',
  },
  {
    id: 'basis-beyond-trillion',
    what: 'A Cost Basis of 5e12',
    tables: variant((t) => setHolding(t, 2, 'Cost Basis', 5e12)),
    expect: { error: 'Holdings, row 2, column Cost Basis: 5000000000000 is beyond $1 trillion, more than one row can hold; check the number' },
    formula: 'DRIFT',
  },
  {
    id: 'household-beyond-ten-trillion',
    what: 'Eleven rows of $990 billion each: every row is allowed, the household is not',
    tables: variant((t) => {
      for (let i = 0; i < 11; i++) t.Holdings.push([`Trust ${i}`, 'VTI', 'US Stocks', null, null, 9.9e11, null, null]);
    }),
    expect: { error: 'Holdings: the household adds up to more than $10 trillion; check for amounts typed in cents or a pasted account number' },
    formula: 'DRIFT',
  },
  {
    id: 'household-ten-trillion',
    what: 'A household of about $9.9 trillion (ten rows of $990 billion) is read and its drift given to the cent',
    tables: variant((t) => {
      for (let i = 0; i < 10; i++) t.Holdings.push([`Trust ${i}`, 'VTI', 'US Stocks', 3e9, 330, null, null, null]);
    }),
    expect: { total: 9.9e12 + 10000 },
    formula: 'DRIFT',
  },
  {
    id: 'acquired-after-asof',
    what: 'A lot dated after AsOf (a typo, or an AsOf left behind): warned, treated as bought on AsOf',
    tables: variant((t) => setHolding(t, 3, 'Acquired', '2027-01-02')),
    asOf: '2026-11-21',
    expect: { total: 10000, warning: 'Holdings, row 3, column Acquired: VTI in Joint Brokerage was acquired 2027-01-02, after AsOf 2026-11-21; it is treated as bought on 2026-11-21' },
    formula: 'TRADES',
  },
  {
    id: 'settings-spread-huge',
    what: 'SpreadBps of 1,000,000',
    tables: variant((t) => t.Settings.push(['SpreadBps', 1e6])),
    expect: { error: 'Settings, row 3, column Value: SpreadBps: SpreadBps cannot be above 10000' },
    formula: 'DRIFT',
  },
  {
    id: 'settings-timelimit-huge',
    what: 'TimeLimit of a billion seconds',
    tables: variant((t) => t.Settings.push(['TimeLimit', 1e9])),
    expect: { error: 'Settings, row 3, column Value: TimeLimit: TimeLimit (seconds) cannot be above 600' },
    formula: 'DRIFT',
  },
  {
    id: 'settings-mintrade-huge',
    what: 'MinTrade of 1e13',
    tables: variant((t) => (t.Settings[1][1] = 1e13)),
    expect: { error: 'Settings, row 2, column Value: MinTrade: 10000000000000 is beyond $1 trillion; check the number' },
    formula: 'DRIFT',
  },
  {
    id: 'accounts-contribution-huge',
    what: 'A Contribution of 3e12 in Accounts',
    tables: variant((t) => (t.Accounts = [['Account', 'Type', 'Contribution'], ['Sam IRA', 'IRA', 3e12]])),
    expect: { error: 'Accounts, row 2, column Contribution: 3000000000000 is beyond $1 trillion, more than one row can hold; check the number' },
    formula: 'TRADES',
  },
  {
    id: 'funds-chain-thousands-deep',
    what: 'A Funds table whose funds hold each other in a chain 3,000 deep',
    tables: variant((t) => {
      t.Holdings.push(['Sam IRA', 'F0', null, 1, 10, null, null, null]);
      t.Funds = [['Fund', 'Holding', 'Weight'], ...Array.from({ length: 3000 }, (_, i): CaseValue[] => [`F${i}`, `F${i + 1}`, 1])];
    }),
    expect: { error: 'Funds, row 51, column Holding: F0 → F1 → F2 → … → F49 → F50 nests funds more than 50 levels deep; real funds of funds nest two or three (check the Fund column)' },
    formula: 'EXPOSURE',
  },
  {
    id: 'funds-cycle',
    what: 'Two funds that hold each other',
    tables: variant((t) => {
      t.Holdings.push(['Sam IRA', 'FA', null, 1, 10, null, null, null]);
      t.Funds = [['Fund', 'Holding', 'Weight'], ['FA', 'FB', 1], ['FB', 'FA', 1]];
    }),
    expect: { error: 'Funds, row 3, column Holding: FA → FB → FA is a cycle: a fund cannot hold itself, directly or through other funds' },
    formula: 'EXPOSURE',
  },
];
