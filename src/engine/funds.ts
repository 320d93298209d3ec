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
import { InputError } from './errors';
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

interface RawWeight {
  row: number;
  fund: string;
  holding: string;
  amount: number;
  percentSign: boolean;
}

/** A ticker cell that means "no ticker". */
const NO_TICKER = /^[-–—]+$|^n\/?a$/i;

export function parseFunds(input: TableInput): FundWeight[] {
  const table = new TableReader(input, FUNDS_COLUMNS);
  table.require('fund');
  if (!table.has('ticker')) table.require('name');
  table.require('weight');
  const byFund = new Map<string, RawWeight[]>();
  table.forEachRow((row) => {
    const fund = row.text('fund')?.toUpperCase() ?? row.fail('fund', 'the fund is blank');
    const holding = holdingOf(row, fund, table.has('ticker'));
    const parts = row.percentParts('weight') ?? row.fail('weight', `the weight of ${holding} in ${fund} is blank`);
    if (parts.amount < 0) row.fail('weight', `the weight of ${holding} in ${fund} is negative`);
    const list = byFund.get(fund) ?? [];
    list.push({ row: row.excelRow, fund, holding, ...parts });
    byFund.set(fund, list);
  });
  const weights: FundWeight[] = [];
  for (const [fund, rows] of byFund) {
    const plain = rows.filter((r) => !r.percentSign).reduce((s, r) => s + r.amount, 0);
    const scale = plain <= 1 + FUND_OVERWEIGHT_TOLERANCE ? 1 : 0.01;
    const list = rows.map((r) => ({ row: r.row, fund, holding: r.holding, weight: r.percentSign ? r.amount : r.amount * scale }));
    const total = list.reduce((s, r) => s + r.weight, 0);
    if (total > 1 + FUND_OVERWEIGHT_TOLERANCE) {
      throw new InputError(
        { table: table.name, row: rows[0].row, column: table.columnName('weight') },
        `the weights of ${fund} add up to ${(total * 100).toFixed(2)}%, more than 100%`,
      );
    }
    weights.push(...list);
  }
  checkFundCycles(weights, table.name, table.columnName(table.has('ticker') ? 'ticker' : 'name'));
  return weights;
}

/** Upper-case ticker (else name); CASH for a cash line. */
function holdingOf(row: RowCursor<FundColumn>, fund: string, hasTicker: boolean): string {
  const assetClass = row.text('assetClass');
  if (assetClass !== null && /^cash\b/i.test(assetClass)) return CASH_TICKER;
  const ticker = row.text('ticker');
  const named = ticker === null || NO_TICKER.test(ticker) ? row.text('name') : ticker;
  if (named === null) return row.fail(hasTicker ? 'ticker' : 'name', `a holding of ${fund} is blank`);
  return named.toUpperCase();
}
