/**
 * The workbook's tables → one Household: every account (from Holdings and Accounts), settings with
 * defaults, and the warnings a careful user wants to see (inferred account types, taxable rows with
 * no cost basis or date).
 */
import { IsoDate } from './dates';
import { InputError, Warning, warning } from './errors';
import { MAX_HOUSEHOLD_TOTAL } from './money';
import { inferenceWarning, inferredAccount, parseAccounts } from './accounts';
import { parseFunds } from './funds';
import { parseMix } from './mix';
import { parseHoldings } from './holdings';
import { parseIdentical } from './identical';
import { resolveMixes } from './class-split';
import { formatPercent } from './format';
import { Account, CASH_CLASS, FundMix, Holding, Household, keyOf, Target } from './model';
import { parseSettings } from './settings';
import { TableInput } from './table';
import { parseTargets } from './targets';

export interface HouseholdTables {
  readonly holdings: TableInput;
  readonly targets?: TableInput | null;
  readonly accounts?: TableInput | null;
  readonly settings?: TableInput | null;
  readonly funds?: TableInput | null;
  readonly identical?: TableInput | null;
  /** Mix: funds that span classes (Ticker | Class | Weight). */
  readonly mix?: TableInput | null;
}

export function readHousehold(tables: HouseholdTables): Household {
  const holdingsTable = parseHoldings(tables.holdings);
  const targets = tables.targets ? parseTargets(tables.targets) : [];
  const { settings, warnings: settingWarnings } = parseSettings(tables.settings ?? null);
  const listed = tables.accounts ? parseAccounts(tables.accounts).accounts : [];
  const warnings: Warning[] = [...holdingsTable.warnings, ...settingWarnings];
  const accounts = mergeAccounts(listed, holdingsTable.holdings, tables.accounts?.name ?? null, warnings);
  warnings.push(...taxDataWarnings(holdingsTable.holdings, accounts, tables.holdings.name, holdingsTable));
  checkHouseholdTotal(holdingsTable.holdings, accounts, tables.holdings.name);
  const funds = tables.funds ? parseFunds(tables.funds) : [];
  const mixTable = tables.mix ? parseMix(tables.mix) : null;
  const { mixes, warnings: mixWarnings } = resolveMixes(holdingsTable.holdings, mixTable, funds);
  warnings.push(...(mixTable?.warnings ?? []), ...mixWarnings, ...untargetedMixWarnings(mixes, targets, mixTable?.name ?? 'Mix'));
  return {
    holdings: holdingsTable.holdings,
    targets,
    accounts,
    settings,
    funds,
    identical: tables.identical ? parseIdentical(tables.identical) : new Map(),
    mixes,
    warnings,
  };
}

/** A class a held fund spans that Targets does not list: that share of the fund is untargeted. */
function untargetedMixWarnings(mixes: ReadonlyMap<string, FundMix>, targets: readonly Target[], mixName: string): Warning[] {
  if (targets.length === 0) return [];
  const targeted = new Set(targets.map((t) => keyOf(t.key)));
  targeted.add(keyOf(CASH_CLASS));
  const out: Warning[] = [];
  for (const mix of mixes.values()) {
    for (const s of mix.shares) {
      if (targeted.has(s.keyId)) continue;
      const place = mix.source === 'table' ? { table: mixName, row: mix.rows.get(s.keyId) ?? null, column: 'Class' } : { table: 'Funds', row: null, column: null };
      const how = mix.source === 'table' ? '' : ' (derived through Funds)';
      out.push(warning('mixUntargeted', place, `${s.key} is not in Targets, so the ${formatPercent(s.weight)} of ${mix.ticker} that is ${s.key}${how} has no target`));
    }
  }
  return out;
}

/** Every row is within a trillion; the sum must stay where whole cents are exact and the solver's numbers sane. */
function checkHouseholdTotal(holdings: readonly Holding[], accounts: readonly Account[], table: string): void {
  let total = 0;
  for (const h of holdings) total += Math.abs(h.value);
  for (const a of accounts) total += Math.abs(a.contribution);
  if (total > MAX_HOUSEHOLD_TOTAL * 100) {
    throw new InputError({ table, row: null, column: null }, 'the household adds up to more than $10 trillion; check for amounts typed in cents or a pasted account number');
  }
}

function mergeAccounts(listed: Account[], holdings: readonly Holding[], accountsTable: string | null, warnings: Warning[]): Account[] {
  const accounts = [...listed];
  const known = new Set(listed.map((a) => keyOf(a.name)));
  let previous: string | null = null;
  for (const h of holdings) {
    // Lots of one account usually stand together: skip the lookup while the name repeats.
    if (h.account === previous) continue;
    previous = h.account;
    if (known.has(keyOf(h.account))) continue;
    known.add(keyOf(h.account));
    accounts.push(inferredAccount(h.account));
  }
  for (const a of accounts) if (a.typeSource === 'inferred') warnings.push(inferenceWarning(a, accountsTable));
  return accounts;
}

/** A taxable row without a cost basis is taken to have no gain; without a date, as short-term. */
function taxDataWarnings(
  holdings: readonly Holding[],
  accounts: readonly Account[],
  table: string,
  columns: { hasCostBasisColumn: boolean; hasAcquiredColumn: boolean },
): Warning[] {
  const taxable = new Set(accounts.filter((a) => a.tax === 'taxable').map((a) => keyOf(a.name)));
  const rows = holdings.filter((h) => !h.isCash && taxable.has(keyOf(h.account)));
  if (rows.length === 0) return [];
  const out: Warning[] = [];
  const noColumn = (column: string, effect: string) =>
    warning(column === 'Cost Basis' ? 'missingBasis' : 'missingAcquired', { table, row: null, column }, `there is no ${column} column, so ${effect}`);
  if (rows.length > 0 && !columns.hasCostBasisColumn) out.push(noColumn('Cost Basis', 'sells in taxable accounts are estimated at no gain'));
  if (rows.length > 0 && !columns.hasAcquiredColumn) out.push(noColumn('Acquired', 'taxable lots are treated as short-term'));
  for (const h of rows) {
    if (columns.hasCostBasisColumn && h.costBasis === null) {
      out.push(warning('missingBasis', { table, row: h.row, column: 'Cost Basis' }, `${h.ticker} in ${h.account} has no cost basis; its sale is estimated at no gain`));
    }
    if (columns.hasAcquiredColumn && h.acquired === null) {
      out.push(warning('missingAcquired', { table, row: h.row, column: 'Acquired' }, `${h.ticker} in ${h.account} has no date acquired; it is treated as short-term`));
    }
  }
  return out;
}

/**
 * Fixes the date every holding period and wash-sale window is measured from: an explicit override
 * (the command line's --as-of), else the Settings' AsOf, else today as the adapter knows it.
 */
export function withAsOf(household: Household, override: IsoDate | null, today: IsoDate): Household {
  const asOf = override ?? household.settings.asOf ?? today;
  const settings = { ...household.settings, asOf };
  if (!household.holdings.some((h) => h.acquired !== null && h.acquired > asOf)) return { ...household, settings };
  // A lot bought "after" AsOf is a typo or an AsOf left behind: treating it as bought on AsOf keeps it
  // short-term and inside the wash-sale window — the cautious reading — and the user is told.
  const warnings = [...household.warnings];
  const holdings = household.holdings.map((h) => {
    if (h.acquired === null || h.acquired <= asOf) return h;
    warnings.push(warning('acquiredAfterAsOf', { table: 'Holdings', row: h.row, column: 'Acquired' }, `${h.ticker} in ${h.account} was acquired ${h.acquired}, after AsOf ${asOf}; it is treated as bought on ${asOf}`));
    return { ...h, acquired: asOf };
  });
  return { ...household, holdings, settings, warnings };
}
