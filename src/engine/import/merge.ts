/**
 * Imported positions into the workbook's tables, pure: which Holdings rows to remove (those of the
 * imported accounts, and only those), which rows to add in the table's own columns, which Accounts
 * rows to add for accounts seen for the first time, and the changes to show before anything is
 * written. Accounts are matched by number (the last four digits suffice), then by name; Class and
 * the user's own columns are carried over by account and ticker.
 */
import { inferAccountType } from '../accounts';
import { Cell, ExcelErrorCell } from '../cells';
import { keyOf, AccountType, CASH_TICKER, CASH_CLASS } from '../model';
import { Cents, productCents, sumCents } from '../money';
import { DEFAULT_ACCOUNT, HOLDINGS_COLUMNS } from '../holdings';
import { ACCOUNTS_COLUMNS } from '../accounts';
import { headerColumns, TableInput, TableReader } from '../table';
import { ImportedAccount, ImportedFile, ImportedHolding, ImportError } from './model';
import { numberDigits } from './sink';

export interface PositionState {
  readonly shares: number | null;
  readonly price: number | null;
  readonly value: Cents | null;
}

export interface PositionChange {
  readonly kind: 'added' | 'removed' | 'changed';
  readonly account: string;
  readonly ticker: string;
  readonly before: PositionState | null;
  readonly after: PositionState | null;
}

export interface NewAccount {
  readonly account: string;
  readonly number: string | null;
  readonly broker: string;
  readonly type: AccountType;
  readonly file: string;
}

export interface AccountMatch {
  readonly file: string;
  /** The account as the file names it (`Individual …5678`). */
  readonly imported: string;
  /** The workbook's account its positions go to. */
  readonly account: string;
  readonly by: 'number' | 'name' | 'new';
}

export interface ImportPlan {
  /** Indices into the Holdings cells (header is 0) of the rows to remove: the imported accounts' rows. */
  readonly removedRows: readonly number[];
  /** New Holdings rows, in the table's columns, added at its end. */
  readonly addedRows: readonly Cell[][];
  /** Holdings as it will read after the import: header, the rows kept, the rows added. */
  readonly holdingsAfter: readonly Cell[][];
  /** Rows to add to the Accounts table, in its columns; none without an Accounts table. */
  readonly accountRows: readonly Cell[][];
  readonly newAccounts: readonly NewAccount[];
  readonly matches: readonly AccountMatch[];
  readonly changes: readonly PositionChange[];
  readonly warnings: readonly string[];
}

export interface MergeInput {
  readonly holdings: TableInput;
  readonly accounts: TableInput | null;
  readonly files: readonly ImportedFile[];
}

const NUMBER_COLUMN = { key: 'number' as const, label: 'Number', names: ['Number', 'Account Number', 'Account No', 'Acct Number'] };

interface WorkbookRow {
  readonly index: number;
  readonly account: string;
  readonly ticker: string;
  readonly assetClass: string | null;
  readonly state: PositionState;
}

interface KnownAccount {
  readonly name: string;
  readonly number: string | null;
  /** The Accounts row (Excel's number), null for an account known only from Holdings. */
  readonly row: number | null;
}

type HoldingColumns = ReturnType<typeof headerColumns<(typeof HOLDINGS_COLUMNS)[number]['key']>>;

const positionKey = (account: string, ticker: string) => `${keyOf(account)}\u0000${keyOf(ticker)}`;

export function mergeImport(input: MergeInput): ImportPlan {
  const holdingsHeader = input.holdings.cells[0] ?? [];
  const existing = readWorkbookHoldings(input.holdings);
  const known = knownAccounts(input.accounts, existing);
  const matches = matchAccounts(input.files, known);
  const target = new Map(matches.map((m) => [`${m.file}\u0000${m.imported}`, m.account]));
  const importedKeys = new Set(matches.map((m) => keyOf(m.account)));

  const removed = existing.filter((r) => importedKeys.has(keyOf(r.account)));
  const byPosition = groupBy(removed, (r) => positionKey(r.account, r.ticker));
  const classOfTicker = new Map<string, string>();
  for (const r of existing) if (r.assetClass !== null && !classOfTicker.has(keyOf(r.ticker))) classOfTicker.set(keyOf(r.ticker), r.assetClass);

  const columns = headerColumns(holdingsHeader, HOLDINGS_COLUMNS);
  const warnings: string[] = [];
  const addedRows: Cell[][] = [];
  const after = new Map<string, { account: string; ticker: string; states: PositionState[] }>();
  const unclassed = new Set<string>();

  for (const file of input.files) {
    const imported = groupBy(file.holdings, (h) => positionKey(target.get(`${file.file}\u0000${h.account}`)!, h.ticker));
    for (const [key, lots] of imported) {
      const account = target.get(`${file.file}\u0000${lots[0].account}`)!;
      const ticker = lots[0].ticker;
      const old = byPosition.get(key) ?? [];
      const states = lots.map(stateOf);
      after.set(key, { account, ticker, states: [...(after.get(key)?.states ?? []), ...states] });
      const noLotData = lots.every((l) => l.costBasis === null && l.acquired === null);
      const sameShares = old.length > 0 && sharesOf(old.map((o) => o.state)) === sharesOf(states) && ticker !== CASH_TICKER;
      if (noLotData && sameShares && lots.length === 1) {
        // The position has not changed and the file has no lots: the workbook's own lot rows (with
        // their basis and dates) stay, at the new price.
        for (const o of old) addedRows.push(repriced(input.holdings.cells[o.index], columns, lots[0].price));
        continue;
      }
      const carried = old[0] ? input.holdings.cells[old[0].index] : null;
      const assetClass = old.find((o) => o.assetClass !== null)?.assetClass ?? (ticker === CASH_TICKER ? null : (classOfTicker.get(keyOf(ticker)) ?? null));
      if (assetClass === null && ticker !== CASH_TICKER && columns.assetClass !== undefined) unclassed.add(ticker);
      for (const lot of lots) addedRows.push(holdingRow(holdingsHeader.length, columns, carried, account, lot, assetClass));
    }
  }
  for (const ticker of unclassed) {
    warnings.push(`${ticker} is new to the workbook and no other account holds it, so its Class is left blank; fill it in Holdings (else it counts under its own ticker, with no target)`);
  }

  const changes = changeList(byPosition, after);
  const newAccounts = newAccountsOf(input.files, matches);
  const removedRows = removed.map((r) => r.index);
  const removedSet = new Set(removedRows);
  const kept = input.holdings.cells.filter((_, i) => i > 0 && !removedSet.has(i));
  return {
    removedRows,
    addedRows,
    holdingsAfter: [holdingsHeader as Cell[], ...kept.map((r) => [...r]), ...addedRows],
    accountRows: accountRowsOf(input.accounts, newAccounts),
    newAccounts,
    matches,
    changes,
    warnings: [...warnings, ...newAccounts.map((a) => `${a.account} (${a.broker}, from ${a.file}) is a new account; its type is inferred as ${a.type} from its name: check it in Accounts`), ...numberAdvice(input.accounts, newAccounts)],
  };
}

function stateOf(h: ImportedHolding): PositionState {
  const value = h.value ?? (h.shares !== null && h.price !== null ? productCents(h.shares, h.price) : null);
  return { shares: h.ticker === CASH_TICKER ? null : h.shares, price: h.ticker === CASH_TICKER ? null : h.price, value };
}

function sharesOf(states: readonly PositionState[]): number | null {
  let total = 0;
  for (const s of states) {
    if (s.shares === null) return null;
    total += s.shares;
  }
  return Math.round(total * 1e8) / 1e8;
}

/** A Holdings row for one imported position or lot: the carried row's cells (Class, notes), the file's numbers. */
function holdingRow(width: number, columns: HoldingColumns, carried: readonly Cell[] | null, account: string, lot: ImportedHolding, assetClass: string | null): Cell[] {
  const row: Cell[] = carried ? carried.map(writable) : new Array<Cell>(width).fill(null);
  while (row.length < width) row.push(null);
  const set = (key: keyof typeof columns, value: Cell) => {
    const i = columns[key];
    if (i !== undefined) row[i] = value;
  };
  set('account', account);
  set('ticker', lot.ticker);
  // Cash is cash by its ticker; its Class says so too, as in a table the user typed.
  set('assetClass', lot.ticker === CASH_TICKER ? CASH_CLASS : assetClass);
  set('costBasis', lot.costBasis === null ? null : lot.costBasis / 100);
  set('acquired', lot.acquired);
  if (lot.ticker === CASH_TICKER) {
    const dollars = lot.value === null ? null : lot.value / 100;
    if (columns.value !== undefined) {
      set('value', dollars);
      set('shares', null);
      set('price', null);
    } else {
      // No Value column: cash is shares of a $1 money-market fund, as Holdings reads it.
      set('shares', dollars);
      set('price', 1);
    }
    return row;
  }
  set('shares', lot.shares);
  set('price', lot.price);
  // A Value is written only where Shares × Price cannot give it (a carried one would be last quarter's).
  const needsValue = lot.shares === null || lot.price === null || columns.shares === undefined || columns.price === undefined;
  set('value', needsValue && lot.value !== null ? lot.value / 100 : null);
  return row;
}

/**
 * A carried cell as it can be written back as a value: a data-type cell (a Stocks cell) by its text,
 * an error or an unsaved formula as blank (the new row holds the file's numbers, not the old cell's).
 */
function writable(cell: Cell): Cell {
  if (typeof cell !== 'object' || cell === null || cell instanceof Date) return cell;
  const text = (cell as { text?: unknown }).text;
  return typeof text === 'string' && !(cell instanceof ExcelErrorCell) ? text : null;
}

function repriced(cells: readonly Cell[], columns: HoldingColumns, price: number | null): Cell[] {
  const row = cells.map(writable);
  if (price !== null && columns.price !== undefined) {
    row[columns.price] = price;
    if (columns.value !== undefined && columns.shares !== undefined) row[columns.value] = null;
  }
  return row;
}

function readWorkbookHoldings(input: TableInput): WorkbookRow[] {
  if (input.cells.length === 0) throw new ImportError(input.name, null, 'the Holdings table has no header row');
  const table = new TableReader(input, HOLDINGS_COLUMNS);
  table.require('ticker');
  const indexOfRow = new Map<number, number>();
  const first = input.rowNumbers?.[0] ?? input.headerRow ?? 1;
  input.cells.forEach((_, i) => indexOfRow.set(input.rowNumbers ? input.rowNumbers[i] : first + i, i));
  const rows: WorkbookRow[] = [];
  table.forEachRow((row) => {
    const assetClass = row.text('assetClass');
    const ticker = row.text('ticker')?.toUpperCase() ?? (assetClass !== null && keyOf(assetClass) === keyOf(CASH_CLASS) ? CASH_TICKER : null);
    if (ticker === null) return; // a note row; the engine names it when it reads Holdings
    const isCash = ticker === CASH_TICKER;
    const shares = row.number('shares');
    const price = row.price('price');
    const valueDollars = row.number('value');
    // Cash without a Value is shares of a $1 fund, as Holdings reads it.
    const unitPrice = isCash ? (price ?? 1) : price;
    const value = valueDollars !== null ? productCents(valueDollars, 1) : shares !== null && unitPrice !== null ? productCents(shares, unitPrice) : null;
    rows.push({
      index: indexOfRow.get(row.excelRow)!,
      account: table.has('account') ? (row.text('account') ?? DEFAULT_ACCOUNT) : DEFAULT_ACCOUNT,
      ticker,
      assetClass: isCash ? null : assetClass,
      state: { shares: isCash ? null : shares, price: isCash ? null : price, value },
    });
  });
  return rows;
}

function knownAccounts(accounts: TableInput | null, holdings: readonly WorkbookRow[]): KnownAccount[] {
  const known: KnownAccount[] = [];
  if (accounts && accounts.cells.length > 0) {
    const table = new TableReader(accounts, [...ACCOUNTS_COLUMNS, NUMBER_COLUMN]);
    table.forEachRow((row) => {
      const name = row.text('account');
      if (name !== null) known.push({ name, number: row.text('number'), row: row.excelRow });
    });
  }
  for (const h of holdings) if (!known.some((k) => keyOf(k.name) === keyOf(h.account))) known.push({ name: h.account, number: null, row: null });
  return known;
}

/** Two account numbers are the same account when their last digits agree (four, or all of a shorter masked one). */
function sameNumber(a: string, b: string): boolean {
  const n = Math.min(4, a.length, b.length);
  return n >= 3 && a.slice(-n) === b.slice(-n);
}

function matchAccounts(files: readonly ImportedFile[], known: readonly KnownAccount[]): AccountMatch[] {
  const matches: AccountMatch[] = [];
  const claimed = new Map<string, string>();
  for (const file of files) {
    for (const a of file.accounts) {
      const m = matchOne(file, a, known);
      const key = keyOf(m.account);
      const other = claimed.get(key);
      if (other !== undefined) throw new ImportError(file.file, null, `${a.account} and ${other} would both replace ${m.account}'s holdings; import one file per account`);
      claimed.set(key, `${a.account} (${file.file})`);
      matches.push(m);
    }
  }
  return matches;
}

function matchOne(file: ImportedFile, a: ImportedAccount, known: readonly KnownAccount[]): AccountMatch {
  const digits = numberDigits(a.number);
  const base = { file: file.file, imported: a.account };
  if (digits.length >= 3) {
    const byNumber = known.filter((k) => k.number !== null && sameNumber(digits, numberDigits(k.number)));
    const exact = byNumber.filter((k) => numberDigits(k.number) === digits);
    const chosen = exact.length === 1 ? exact : byNumber;
    if (chosen.length > 1) {
      throw new ImportError(file.file, null, `${a.account} matches several accounts by number (${chosen.map((k) => k.name).join(', ')}); give each its full number in Accounts`);
    }
    if (chosen.length === 1) return { ...base, account: chosen[0].name, by: 'number' };
  }
  const byName = known.find((k) => keyOf(k.name) === keyOf(a.account));
  if (byName) {
    const theirs = numberDigits(byName.number);
    if (digits.length >= 3 && theirs.length >= 3 && !sameNumber(digits, theirs)) {
      throw new ImportError(
        file.file,
        null,
        `this file is for account ${a.number}, but ${byName.name} in Accounts (row ${byName.row}) has the number ${byName.number}; is it the right file?`,
      );
    }
    return { ...base, account: byName.name, by: 'name' };
  }
  return { ...base, account: a.account, by: 'new' };
}

function newAccountsOf(files: readonly ImportedFile[], matches: readonly AccountMatch[]): NewAccount[] {
  return matches
    .filter((m) => m.by === 'new')
    .map((m) => {
      const file = files.find((f) => f.file === m.file)!;
      const a = file.accounts.find((x) => x.account === m.imported)!;
      return { account: m.account, number: a.number, broker: a.broker, type: inferAccountType(m.account), file: m.file };
    });
}

/** Without a Number column (or an Accounts table) the next import can match a new account only by its name: the user is told once. */
function numberAdvice(accounts: TableInput | null, added: readonly NewAccount[]): string[] {
  if (added.length === 0) return [];
  if (!accounts || accounts.cells.length === 0) return ['there is no Accounts table, so the new accounts are known by name only; create it (Setup) to set their types and numbers'];
  const columns = headerColumns(accounts.cells[0], [NUMBER_COLUMN]);
  return columns.number === undefined ? ['Accounts has no Number column: add one (the broker account numbers, or their last 4 digits) so that the next import matches each account by number'] : [];
}

/** New accounts as Accounts rows: Account, Type (as inferred, which the preview showed) and Number; the rest blank. */
function accountRowsOf(accounts: TableInput | null, added: readonly NewAccount[]): Cell[][] {
  if (!accounts || accounts.cells.length === 0 || added.length === 0) return [];
  const header = accounts.cells[0];
  const columns = headerColumns(header, [...ACCOUNTS_COLUMNS, NUMBER_COLUMN]);
  return added.map((a) => {
    const row = new Array<Cell>(header.length).fill(null);
    if (columns.account !== undefined) row[columns.account] = a.account;
    if (columns.type !== undefined) row[columns.type] = a.type;
    if (columns.number !== undefined) row[columns.number] = a.number;
    return row;
  });
}

function changeList(before: ReadonlyMap<string, WorkbookRow[]>, after: ReadonlyMap<string, { account: string; ticker: string; states: PositionState[] }>): PositionChange[] {
  const changes: PositionChange[] = [];
  for (const [key, a] of after) {
    const old = before.get(key);
    const next = summarise(a.states);
    if (!old) {
      changes.push({ kind: 'added', account: a.account, ticker: a.ticker, before: null, after: next });
      continue;
    }
    const prev = summarise(old.map((o) => o.state));
    const differs = prev.shares !== next.shares || prev.price !== next.price || (a.ticker === CASH_TICKER && prev.value !== next.value);
    if (differs) changes.push({ kind: 'changed', account: old[0].account, ticker: a.ticker, before: prev, after: next });
  }
  for (const [key, old] of before) {
    if (!after.has(key)) changes.push({ kind: 'removed', account: old[0].account, ticker: old[0].ticker, before: summarise(old.map((o) => o.state)), after: null });
  }
  return changes;
}

/** A position's lots as one: their shares added, the first price, the values added (null when any is unknown). */
function summarise(states: readonly PositionState[]): PositionState {
  const values = states.map((s) => s.value);
  return {
    shares: sharesOf(states),
    price: states.find((s) => s.price !== null)?.price ?? null,
    value: values.some((v) => v === null) ? null : sumCents(values as Cents[]),
  };
}

function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
