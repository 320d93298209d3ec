/**
 * Accounts → what each account is for tax, what new cash it gets, what it must keep, and whether it
 * may trade. An account missing from the table (or with a blank Type) has its type inferred from its
 * name, and the inference is reported so the user can correct it.
 */
import { amountCents, ZERO_CENTS } from './money';
import { Warning, warning } from './errors';
import { Account, AccountType, keyOf, TaxTreatment } from './model';
import { ColumnSpec, TableInput, TableReader } from './table';

type AccountColumn = 'account' | 'type' | 'owner' | 'contribution' | 'reserve' | 'trade';

export const ACCOUNTS_COLUMNS: readonly ColumnSpec<AccountColumn>[] = [
  { key: 'account', label: 'Account', names: ['Account', 'Account Name', 'Name'] },
  { key: 'type', label: 'Type', names: ['Type', 'Account Type', 'Tax Type'] },
  { key: 'owner', label: 'Owner', names: ['Owner', 'Holder'] },
  { key: 'contribution', label: 'Contribution', names: ['Contribution', 'Contributions', 'New Cash', 'Deposit'] },
  { key: 'reserve', label: 'Reserve', names: ['Reserve', 'Cash Reserve', 'Min Cash', 'Minimum Cash'] },
  { key: 'trade', label: 'Trade', names: ['Trade', 'Tradable', 'Tradeable', 'Allow Trades'] },
];

export const TAX_OF_TYPE: Readonly<Record<AccountType, TaxTreatment>> = {
  Taxable: 'taxable',
  Traditional: 'taxDeferred',
  Roth: 'taxFree',
  HSA: 'taxFree',
};

const TRADITIONAL_WORDS = ['ira', '401k', '403b', '457', '457b', 'sep', 'tsp', 'traditional'];

/** The Type column's words: the listed types, with or without "IRA"/"401(k)" after them. */
export function parseAccountType(text: string): AccountType | null {
  const words = text.toLowerCase().replace(/[()\-_.]/g, '').split(/\s+/).filter(Boolean);
  if (words.length === 0) return null;
  const known = (w: string) => ['taxable', 'roth', 'hsa', 'ira', 'rollover', 'simple', ...TRADITIONAL_WORDS].includes(w);
  if (!words.every(known)) return null;
  // Taxable and HSA stand alone; "Taxable Roth" or "Roth HSA" contradict themselves and are refused.
  if (words.includes('taxable')) return words.length === 1 ? 'Taxable' : null;
  if (words.includes('hsa')) return words.length === 1 ? 'HSA' : null;
  if (words.includes('roth')) return 'Roth';
  return 'Traditional';
}

/** Roth → tax-free; IRA, 401k, 403b, 457, SEP, TSP → tax-deferred; HSA → tax-free; else taxable. */
export function inferAccountType(name: string): AccountType {
  const n = name.toLowerCase().replace(/[()]/g, '');
  if (/\broth\b/.test(n)) return 'Roth';
  if (/\bhsa\b/.test(n)) return 'HSA';
  if (/\b(ira|401 ?k|403 ?b|457 ?b?|sep|tsp)\b/.test(n)) return 'Traditional';
  return 'Taxable';
}

export interface AccountsTable {
  readonly accounts: Account[];
}

export function parseAccounts(input: TableInput): AccountsTable {
  const table = new TableReader(input, ACCOUNTS_COLUMNS);
  table.require('account');
  const accounts: Account[] = [];
  const seen = new Map<string, number>();
  table.forEachRow((row) => {
    const name = row.text('account') ?? row.fail('account', 'the account name is blank');
    const previous = seen.get(keyOf(name));
    if (previous !== undefined) row.fail('account', `${name} is listed twice (also row ${previous})`);
    seen.set(keyOf(name), row.excelRow);
    const typeText = row.text('type');
    let type: AccountType;
    let typeSource: Account['typeSource'] = 'table';
    if (typeText === null) {
      type = inferAccountType(name);
      typeSource = 'inferred';
    } else {
      type =
        parseAccountType(typeText) ??
        row.fail('type', `"${typeText}" is not an account type (use Taxable, Traditional, IRA, 401k, 403b, 457, SEP, TSP, Roth or HSA)`);
    }
    const contributionDollars = row.amount('contribution', { negative: true }) ?? 0;
    const reserveDollars = row.amount('reserve') ?? 0;
    accounts.push({
      name,
      type,
      tax: TAX_OF_TYPE[type],
      typeSource,
      owner: row.text('owner'),
      contribution: amountCents(contributionDollars),
      reserve: amountCents(reserveDollars),
      tradable: row.boolean('trade') ?? true,
      row: row.excelRow,
    });
  });
  return { accounts };
}

/** An account seen only in Holdings: type from its name, no contribution, no reserve, tradable. */
export function inferredAccount(name: string): Account {
  const type = inferAccountType(name);
  return { name, type, tax: TAX_OF_TYPE[type], typeSource: 'inferred', owner: null, contribution: ZERO_CENTS, reserve: ZERO_CENTS, tradable: true, row: null };
}

export function inferenceWarning(account: Account, accountsTable: string | null): Warning {
  const where = accountsTable === null ? 'there is no Accounts table' : `it has no Type in ${accountsTable}`;
  return warning(
    'inferredAccountType',
    { table: accountsTable ?? 'Holdings', row: account.row, column: accountsTable === null ? 'Account' : 'Type' },
    `${account.name} is treated as ${account.type} (inferred from its name, since ${where})`,
  );
}

