/**
 * Funds (Fund | Holding | Weight) → FundWeight[], weights as fractions of the fund. A pasted issuer
 * file works: header synonyms, and each fund's weights may be fractions, percent strings or percent
 * numbers — one form per fund, told apart by their sum.
 */
import { percentToFraction } from './cells';
import { InputError } from './errors';
import { FundWeight } from './model';
import { ColumnSpec, TableInput, TableReader } from './table';

type FundColumn = 'fund' | 'holding' | 'weight';

export const FUNDS_COLUMNS: readonly ColumnSpec<FundColumn>[] = [
  { key: 'fund', label: 'Fund', names: ['Fund', 'ETF', 'Fund Ticker'] },
  { key: 'holding', label: 'Holding', names: ['Holding', 'Ticker', 'Symbol', 'Holding Ticker'] },
  {
    key: 'weight',
    label: 'Weight',
    names: ['Weight', '% of funds', '% of fund', 'Weight (%)', '% of Net Assets', 'Percent of Fund', '% Weight'],
  },
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

export function parseFunds(input: TableInput): FundWeight[] {
  const table = new TableReader(input, FUNDS_COLUMNS);
  table.require('fund');
  table.require('holding');
  table.require('weight');
  const byFund = new Map<string, RawWeight[]>();
  table.forEachRow((row) => {
    const fund = row.text('fund')?.toUpperCase() ?? row.fail('fund', 'the fund is blank');
    const holding = row.text('holding')?.toUpperCase() ?? row.fail('holding', `a holding of ${fund} is blank`);
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
    const list = rows.map((r) => ({ row: r.row, fund, holding: r.holding, weight: r.percentSign || scale === 1 ? r.amount : percentToFraction(r.amount) }));
    const total = list.reduce((s, r) => s + r.weight, 0);
    if (total > 1 + FUND_OVERWEIGHT_TOLERANCE) {
      throw new InputError(
        { table: table.name, row: rows[0].row, column: table.columnName('weight') },
        `the weights of ${fund} add up to ${(total * 100).toFixed(2)}%, more than 100%`,
      );
    }
    weights.push(...list);
  }
  return weights;
}
