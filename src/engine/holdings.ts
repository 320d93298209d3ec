/**
 * Holdings → Holding[]: one row per position or per tax lot. Rows with the same account and ticker
 * are lots of one position. A row's value is shares × price to the cent, or its Value when shares or
 * price are absent.
 */
import { amountCents, Cents, productCents } from './money';
import { InputError, Warning, warning } from './errors';
import { formatCents, formatPrice, formatShares } from './format';
import { CASH_CLASS, CASH_TICKER, Holding, keyOf } from './model';
import { checkAmount, ColumnSpec, RowCursor, TableInput, TableReader } from './table';
import { quoteText } from './cells';

type HoldingColumn = 'account' | 'ticker' | 'shares' | 'price' | 'value' | 'assetClass' | 'costBasis' | 'acquired';

export const HOLDINGS_COLUMNS: readonly ColumnSpec<HoldingColumn>[] = [
  { key: 'account', label: 'Account', names: ['Account', 'Account Name'] },
  { key: 'ticker', label: 'Ticker', names: ['Ticker', 'Symbol', 'Ticker Symbol'] },
  { key: 'shares', label: 'Shares', names: ['Shares', 'Quantity', 'Qty', 'Units'] },
  { key: 'price', label: 'Price', names: ['Price', 'Last Price', 'Current Price'] },
  { key: 'value', label: 'Value', names: ['Value', 'Market Value', 'Current Value'] },
  { key: 'assetClass', label: 'Class', names: ['Class', 'Asset Class', 'Category', 'Sleeve'] },
  { key: 'costBasis', label: 'Cost Basis', names: ['Cost Basis', 'Cost', 'Basis'] },
  { key: 'acquired', label: 'Acquired', names: ['Acquired', 'Date Acquired', 'Purchase Date', 'Open Date'] },
];

export const DEFAULT_ACCOUNT = 'Portfolio';
const CASH_KEY = keyOf(CASH_CLASS);
/** Shares × Price and Value may disagree by this much (relative) before the user is warned. */
const VALUE_TOLERANCE = 0.01;
/** More shares than a row can mean (a pasted account number lands here); keeps share counts exact in floats. */
const MAX_SHARES = 1e12;
/** What a broker's summary line says in its Ticker or Account cell: Total, Account Total, Grand Total, Subtotal, … */
const SUMMARY_TEXT = /^(?:(?:account|accounts|positions?|portfolio|grand|sub)[\s-]*)?totals?:?$/i;

export interface HoldingsTable {
  readonly holdings: Holding[];
  readonly warnings: Warning[];
  /** False when Holdings has no Class column: targets are then per ticker. */
  readonly hasClassColumn: boolean;
  readonly hasCostBasisColumn: boolean;
  readonly hasAcquiredColumn: boolean;
}

export function parseHoldings(input: TableInput): HoldingsTable {
  const table = new TableReader(input, HOLDINGS_COLUMNS);
  table.require('ticker');
  if (!table.has('value') && !(table.has('shares') && table.has('price'))) {
    table.require(table.has('shares') ? 'price' : table.has('price') ? 'shares' : 'value');
  }
  const holdings: Holding[] = [];
  const warnings: Warning[] = [];
  table.forEachRow((row) => {
    if (isSummaryRow(row)) {
      warnings.push(warning('summaryRow', row.place(null), `${quoteText(summaryText(row))} reads as a total, not a holding (it has no Shares); the row is skipped`));
      return;
    }
    holdings.push(readHolding(row, table.has('account'), warnings));
  });
  if (holdings.length === 0) {
    throw new InputError(table.place(null, null), 'has no rows below its header');
  }
  return {
    holdings,
    warnings,
    hasClassColumn: table.has('assetClass'),
    hasCostBasisColumn: table.has('costBasis'),
    hasAcquiredColumn: table.has('acquired'),
  };
}

/**
 * A pasted broker export ends with summary lines (Schwab's "Account Total", Fidelity's "Total"): a
 * Ticker or Account that reads as a total and no Shares. Counting it as a holding would double the
 * household, so it is skipped and the user is told which row.
 */
function isSummaryRow(row: RowCursor<HoldingColumn>): boolean {
  if (summaryText(row) === '') return false;
  const shares = row.raw('shares');
  return shares === null || shares === undefined || shares === 0 || (typeof shares === 'string' && shares.trim() === '');
}

function summaryText(row: RowCursor<HoldingColumn>): string {
  for (const key of ['ticker', 'account'] as const) {
    const cell = row.raw(key);
    if (typeof cell === 'string' && SUMMARY_TEXT.test(cell.trim())) return cell.trim();
  }
  return '';
}

function readHolding(row: RowCursor<HoldingColumn>, hasAccountColumn: boolean, warnings: Warning[]): Holding {
  const assetClass = row.text('assetClass');
  const isCashClass = assetClass !== null && assetClass.length === CASH_CLASS.length && keyOf(assetClass) === CASH_KEY;
  let ticker = row.text('ticker')?.toUpperCase() ?? null;
  if (ticker === null) {
    if (!isCashClass) row.fail('ticker', 'the ticker is blank');
    ticker = CASH_TICKER;
  }
  const isCash = isCashClass || ticker === CASH_TICKER;
  let account = DEFAULT_ACCOUNT;
  if (hasAccountColumn) {
    const name = row.text('account');
    if (name === null) row.fail('account', 'the account is blank');
    account = name;
  }
  const key = isCash ? CASH_CLASS : (assetClass ?? ticker);
  const amounts = isCash ? readCashAmount(row) : readPositionAmount(row, warnings);
  const costBasisDollars = row.amount('costBasis');
  return {
    row: row.excelRow,
    account,
    ticker,
    assetClass: isCash ? CASH_CLASS : assetClass,
    key,
    keyId: keyOf(key),
    isCash,
    shares: amounts.shares,
    price: amounts.price,
    value: amounts.value,
    costBasis: costBasisDollars === null ? null : amountCents(costBasisDollars),
    acquired: row.date('acquired'),
  };
}

interface Amounts {
  shares: number | null;
  price: number | null;
  value: Cents;
}

/** Cash is its Value; failing that Shares × Price, or Shares alone (a money-market fund at $1). */
function readCashAmount(row: RowCursor<HoldingColumn>): Amounts {
  const shares = row.number('shares');
  const valueDollars = zeroAsBlank(row.amount('value', { negative: true }), shares);
  if (valueDollars !== null) return { shares: null, price: null, value: amountCents(valueDollars) };
  if (shares === null) row.fail('value', 'the cash amount is blank (put it in Value)');
  const price = zeroAsBlank(row.price('price'), shares) ?? 1;
  checkAmount(row, 'shares', shares * price, 'Shares × Price');
  return { shares: null, price: null, value: productCents(shares, price) };
}

/** Older Excel builds hand a custom function 0 for an empty cell: a 0 beside a non-zero amount is a blank. */
function zeroAsBlank(n: number | null, other: number | null): number | null {
  return n === 0 && other !== null && other !== 0 ? null : n;
}

function readPositionAmount(row: RowCursor<HoldingColumn>, warnings: Warning[]): Amounts {
  const typedValue = row.amount('value');
  let shares = zeroAsBlank(row.nonNegative('shares'), typedValue);
  if (shares !== null && shares > MAX_SHARES) row.fail('shares', `${shares} shares is more than any household holds; check the number`);
  let price = zeroAsBlank(row.price('price'), typedValue);
  const valueDollars = shares !== null && price !== null && shares * price !== 0 ? zeroAsBlank(typedValue, 1) : typedValue;
  if (shares !== null && shares !== 0 && price === 0 && !valueDollars) {
    row.fail('price', `the price is 0 on a row with ${shares} shares; a position needs its price (or a Value) to be valued and traded`);
  }
  if (shares !== null && price !== null) {
    checkAmount(row, 'shares', shares * price, 'Shares × Price');
    const computed = productCents(shares, price);
    if (valueDollars !== null) {
      const given = amountCents(valueDollars);
      const scale = Math.max(Math.abs(given), Math.abs(computed));
      if (scale > 0 && Math.abs(given - computed) > VALUE_TOLERANCE * scale) {
        warnings.push(
          warning(
            'valueMismatch',
            row.place('value'),
            `Shares × Price is ${formatCents(computed)} but Value says ${formatCents(given)}; using Shares × Price`,
          ),
        );
      }
    }
    return { shares, price, value: computed };
  }
  if (valueDollars === null) {
    row.fail(shares === null ? 'shares' : 'price', `${shares === null ? 'Shares' : 'Price'} is blank and there is no Value`);
  }
  if (shares !== null && shares > 0) {
    price = valueDollars / shares;
    checkAmount(row, 'price', price, 'Value ÷ Shares');
    warnings.push(warning('derivedPrice', row.place('price'), `no price; using Value ÷ Shares = ${formatPrice(price)}`));
  } else if (price !== null && price > 0) {
    shares = valueDollars / price;
    if (!(shares <= MAX_SHARES)) row.fail('shares', `Value ÷ Price is more shares than any household holds; check the Value and the Price`);
    warnings.push(warning('derivedShares', row.place('shares'), `no shares; using Value ÷ Price = ${formatShares(shares)}`));
  }
  return { shares, price, value: amountCents(valueDollars) };
}
