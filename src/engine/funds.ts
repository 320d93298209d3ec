/**
 * Funds (Fund | Holding | Weight) → FundWeight[], weights as fractions of the fund. A pasted issuer
 * file works: header synonyms (Vanguard's `Ticker | Holdings | % of funds`, iShares' `Ticker | Name |
 * Asset Class | Weight (%)`), and each fund's weights may be fractions, percent strings or percent
 * numbers — one form per fund, told apart by their sum.
 *
 * When a table has both a ticker column and a name column, the ticker identifies the holding and the
 * name is used only where the ticker is blank or a dash (issuers print "-" for lines with no ticker).
 * A line whose asset class is cash ("Cash", "Cash Collateral and Margins") is the holding CASH.
 * The table is checked as a whole here, since the mistakes are the user's: a fund whose weights add
 * up to more than 100.5%, and funds that hold each other in a circle.
 */
import { percentToFraction } from './cells';
import { InputError } from './errors';
import { formatPercent } from './format';
import { checkFundCycles } from './fund-graph';
import { CASH_TICKER, FundWeight } from './model';
import { ColumnSpec, RowCursor, TableInput, TableReader } from './table';

type FundColumn = 'fund' | 'ticker' | 'name' | 'weight' | 'assetClass';

export const FUNDS_COLUMNS: readonly ColumnSpec<FundColumn>[] = [
  { key: 'fund', label: 'Fund', names: ['Fund', 'ETF', 'Fund Ticker', 'Fund Symbol'] },
  { key: 'ticker', label: 'Holding', names: ['Ticker', 'Symbol', 'Holding Ticker', 'Ticker Symbol'] },
  { key: 'name', label: 'Holding', names: ['Holding', 'Holdings', 'Holding Name', 'Name', 'Security', 'Security Name'] },
  {
    key: 'weight',
    label: 'Weight',
    names: ['Weight', '% of funds', '% of fund', 'Weight (%)', '% of Net Assets', 'Percent of Fund', '% Weight', 'Weight %', 'Weighting', '% of Assets'],
  },
  { key: 'assetClass', label: 'Asset Class', names: ['Asset Class', 'Class'] },
];

/** Weights may exceed 100% by this much (issuers round) before it is an error. */
export const FUND_OVERWEIGHT_TOLERANCE = 0.005;

/** One fund's rows while its weight form is undecided: `weight` is first the amount as written. */
interface FundRows {
  readonly weights: { row: number; fund: string; holding: string; weight: number }[];
  /** Parallel to `weights`: whether the cell had a % sign (and so is already a fraction). */
  readonly percentSign: boolean[];
}

/** A ticker cell that means "no ticker": a dash, or N/A. */
const NO_TICKER = /^[-–—]+$|^n\/?a$/i;

export function parseFunds(input: TableInput): FundWeight[] {
  const table = new TableReader(input, FUNDS_COLUMNS);
  table.require('fund');
  if (!table.has('ticker')) table.require('name');
  table.require('weight');
  const byFund = new Map<string, FundRows>();
  const columns = { hasTicker: table.has('ticker'), hasClass: table.has('assetClass') };
  let lastFund = { written: '', upper: '' }; // pasted funds come in runs: upper-case each name once
  table.forEachRow((row) => {
    const written = row.text('fund') ?? row.fail('fund', 'the fund is blank');
    if (written !== lastFund.written) lastFund = { written, upper: written.toUpperCase() };
    const fund = lastFund.upper;
    const holding = holdingOf(row, fund, columns);
    const parts = row.percentParts('weight') ?? row.fail('weight', `the weight of ${holding} in ${fund} is blank`);
    if (parts.amount < 0) row.fail('weight', `the weight of ${holding} in ${fund} is negative`);
    let rows = byFund.get(fund);
    if (!rows) byFund.set(fund, (rows = { weights: [], percentSign: [] }));
    rows.weights.push({ row: row.excelRow, fund, holding, weight: parts.amount });
    rows.percentSign.push(parts.percentSign);
  });
  const weights: FundWeight[] = [];
  for (const [fund, { weights: list, percentSign }] of byFund) {
    let plain = 0;
    for (let i = 0; i < list.length; i++) if (!percentSign[i]) plain += list[i].weight;
    const scale = plain <= 1 + FUND_OVERWEIGHT_TOLERANCE ? 1 : 0.01;
    let total = 0;
    for (let i = 0; i < list.length; i++) {
      if (!percentSign[i] && scale !== 1) list[i].weight = percentToFraction(list[i].weight);
      total += list[i].weight;
    }
    if (total > 1 + FUND_OVERWEIGHT_TOLERANCE) {
      throw new InputError(
        { table: table.name, row: list[0].row, column: table.columnName('weight') },
        `the weights of ${fund} add up to ${formatPercent(total, 2)}, more than 100%`,
      );
    }
    for (const w of list) weights.push(w);
  }
  checkFundCycles(weights, table.name, table.columnName(columns.hasTicker ? 'ticker' : 'name'));
  return weights;
}

/** Upper-case ticker (else name); CASH for a cash line. */
function holdingOf(row: RowCursor<FundColumn>, fund: string, columns: { hasTicker: boolean; hasClass: boolean }): string {
  const assetClass = columns.hasClass ? row.text('assetClass') : null;
  if (assetClass !== null && /^cash\b/i.test(assetClass)) return CASH_TICKER;
  const ticker = row.text('ticker');
  const named = ticker === null || NO_TICKER.test(ticker) ? row.text('name') : ticker;
  if (named === null) return row.fail(columns.hasTicker ? 'ticker' : 'name', `a holding of ${fund} is blank`);
  return named.toUpperCase();
}
