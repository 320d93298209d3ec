/**
 * Setup: choose the holdings table, see how its columns are read and how each account's tax type was
 * decided (and correct it), create the missing Targets / Accounts / Settings tables pre-filled from
 * today's holdings, and insert example formulas.
 */
import * as React from 'react';
import { Body1, Button, Caption1, Field, Radio, RadioGroup, Select, Subtitle2, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-components';
import { AccountType, detectHoldingsColumns, formatList, keyOf, TargetsStart } from '../../engine';
import type { WorkbookTable } from '../../office/workbook-port';
import { HouseholdView } from '../household-view';
import { writeOwnSheet } from '../own-sheet';
import { usePorts } from '../PaneContext';
import { createMixTable, createStarterTables, exampleFormulaRows, FORMULAS_SHEET, missingStarters, mixOffer } from '../setup-actions';
import { useConfirm } from './Confirm';
import { errorNotice, Notice, NoticeState } from './Notice';
import { VISUALLY_HIDDEN } from './visually-hidden';

const TYPES: AccountType[] = ['Taxable', 'Traditional', 'Roth', 'HSA'];

interface Props {
  tables: readonly WorkbookTable[];
  view: HouseholdView;
  onChooseHoldings: (name: string) => void;
  onChanged: () => void;
}

export function SetupPanel({ tables, view, onChooseHoldings, onChanged }: Props): React.JSX.Element {
  const { workbook } = usePorts();
  const [types, setTypes] = React.useState<Map<string, AccountType>>(new Map());
  const [targetsStart, setTargetsStart] = React.useState<TargetsStart>('blank');
  const [notice, setNotice] = React.useState<NoticeState | null>(null);
  const [busy, setBusy] = React.useState(false);
  const [dialog, ask] = useConfirm();
  const holdings = view.holdingsTable;
  const columns = holdings ? detectHoldingsColumns(holdings.values[0] ?? []) : [];
  const household = view.household;
  const missing = missingStarters(view);
  const accountsTable = view.found.accounts;
  const mixRows = mixOffer(view);
  // Every disabled button says why, in text tied to it.
  const createWhy = !household ? 'The holdings table must read cleanly first: fix the cell the message above names.' : null;
  const formulasWhy = !holdings
    ? 'The formulas read your holdings table; there is none yet.'
    : !view.found.targets
      ? 'The formulas compare with Targets: create the Targets table first.'
      : null;
  const why = (reason: string | null, id: string) => (busy ? 'setup-busy' : reason ? id : undefined);
  const mixTickers = mixRows ? [...new Set(mixRows.slice(1).map((r) => String(r[0])))] : [];

  const run = async (action: () => Promise<string>) => {
    setBusy(true);
    try {
      setNotice({ intent: 'success', title: 'Done', text: await action() });
      onChanged();
    } catch (e) {
      setNotice(errorNotice(e, view));
    } finally {
      setBusy(false);
    }
  };

  const createTables = () =>
    run(async () => {
      if (!household) throw new Error('Fix the holdings table first.');
      const created = await createStarterTables(workbook, view, household, types, targetsStart);
      const next = !created.includes('Targets')
        ? ''
        : targetsStart === 'blank'
          ? ' Next: type your target for each class in Targets (they make 100% together).'
          : " Targets start at today's weights, so nothing drifts until you change them to the mix you want.";
      return `Created ${created.join(', ')} on their own sheets. Edit them like any Excel table.${next}`;
    });

  const createMix = () =>
    run(async () => {
      if (!mixRows) throw new Error('No fund needs a Mix table.');
      const name = await createMixTable(workbook, mixRows);
      const blank = mixRows.slice(1).some((r) => r[2] === null);
      return blank
        ? `Created ${name}. Fill in each fund's weights from its fact sheet; a row without a weight is ignored until then.`
        : `Created ${name} with the weights derived through Funds. Check them against each fund's fact sheet.`;
    });

  const insertFormulas = () =>
    run(async () => {
      const name = await writeOwnSheet(
        workbook,
        { name: (n) => (n === 1 ? FORMULAS_SHEET : `${FORMULAS_SHEET} (${n})`), rows: exampleFormulaRows(view), content: 'formulas' },
        ask,
      );
      return name ? `Example formulas are on the sheet ${name}.` : 'Left the earlier formulas sheet as it was.';
    });

  return (
    // One column that may shrink below its widest control (the holdings Select), or a 225-px pane scrolls sideways.
    <section aria-labelledby="setup-heading" style={{ display: 'grid', gap: 12, gridTemplateColumns: 'minmax(0, 1fr)' }}>
      <Subtitle2 as="h2" id="setup-heading" style={VISUALLY_HIDDEN}>
        Setup
      </Subtitle2>
      <Field
        label="Holdings table"
        hint={tables.length === 0 ? 'No Excel table in this workbook yet: format your holdings as one (Insert > Table).' : 'The Excel table with one row per position or tax lot.'}
      >
        <Select value={holdings?.name ?? ''} onChange={(_, d) => onChooseHoldings(d.value)} disabled={tables.length === 0} root={{ style: { minWidth: 0 } }}>
          {holdings === null && <option value="">(no table found)</option>}
          {tables.map((t) => (
            <option key={t.id} value={t.name}>
              {t.name} ({t.address})
            </option>
          ))}
        </Select>
      </Field>

      {columns.length > 0 && (
        <Table size="extra-small" aria-label="Columns detected in the holdings table">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Your column</TableHeaderCell>
              <TableHeaderCell>Read as</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {columns.map((c, i) => (
              <TableRow key={`${c.header}-${i}`}>
                <TableCell>{c.header || '(blank)'}</TableCell>
                <TableCell>{c.readAs ?? 'ignored'}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}

      {household && (
        <div role="group" aria-labelledby="accounts-heading" style={{ display: 'grid', gap: 8 }}>
          <Body1 id="accounts-heading" as="h3" style={{ fontWeight: 600 }}>
            Account types
          </Body1>
          {household.accounts.map((a) => {
            const inferred = a.typeSource === 'inferred';
            const editable = accountsTable === null;
            const hint = !inferred
              ? `From ${accountsTable?.name ?? 'Accounts'}${a.row ? `, row ${a.row}` : ''}.`
              : editable
                ? 'Inferred from the name; the Accounts table will be created with your choice.'
                : `Inferred from the name; set its Type in ${accountsTable?.name}${a.row ? ` row ${a.row}` : ' (add a row)'} to change it.`;
            return (
              <Field key={a.name} label={a.name} hint={hint}>
                <Select
                  value={types.get(keyOf(a.name)) ?? a.type}
                  disabled={!editable}
                  onChange={(_, d) => setTypes(new Map(types).set(keyOf(a.name), d.value as AccountType))}
                >
                  {TYPES.map((t) => (
                    <option key={t} value={t}>
                      {t}
                      {inferred && t === a.type ? ' (inferred)' : ''}
                    </option>
                  ))}
                </Select>
              </Field>
            );
          })}
        </div>
      )}

      <div style={{ display: 'grid', gap: 8 }}>
        {missing.length > 0 ? (
          <>
            <Caption1>
              Missing: {missing.map((m) => m[0].toUpperCase() + m.slice(1)).join(', ')}. They are created as ordinary tables on new sheets, pre-filled
              from today's holdings, so anyone opening the workbook sees them.
            </Caption1>
            {missing.includes('targets') && (
              <Field label="Start Targets from">
                <RadioGroup value={targetsStart} onChange={(_, d) => setTargetsStart(d.value as TargetsStart)}>
                  <Radio value="blank" label="Blank: I type my targets (the classes are listed)" />
                  <Radio value="today" label="Today's weights: nothing drifts until I change them" />
                </RadioGroup>
              </Field>
            )}
            <Button appearance="primary" onClick={createTables} disabled={busy || createWhy !== null} aria-describedby={why(createWhy, 'create-why')}>
              Create {missing.map((m) => m[0].toUpperCase() + m.slice(1)).join(', ')} tables
            </Button>
            {createWhy && <Caption1 id="create-why">{createWhy}</Caption1>}
          </>
        ) : (
          <Caption1>Targets, Accounts and Settings tables are in place.</Caption1>
        )}
        {mixRows && (
          <>
            <Caption1 id="mix-offer">
              {listTickers(mixTickers)} {mixTickers.length === 1 ? 'looks like a fund' : 'look like funds'} that span classes (a Class of Mixed, or
              none). A Mix table says how much of each is each class, so drift and the trades count {mixTickers.length === 1 ? 'it' : 'them'} where{' '}
              {mixTickers.length === 1 ? 'it belongs' : 'they belong'}.
            </Caption1>
            <Button onClick={createMix} disabled={busy} aria-describedby={busy ? 'mix-offer setup-busy' : 'mix-offer'}>
              Create Mix table
            </Button>
          </>
        )}
        <Button onClick={insertFormulas} disabled={busy || formulasWhy !== null} aria-describedby={why(formulasWhy, 'formulas-why')}>
          Insert example formulas
        </Button>
        {formulasWhy && <Caption1 id="formulas-why">{formulasWhy}</Caption1>}
        {busy && <Caption1 id="setup-busy">Working on the workbook…</Caption1>}
      </div>
      <Notice notice={notice} />
      {dialog}
    </section>
  );
}

/** "VFIFX", "VFIFX and BAL", "VFIFX, BAL and 3 more". */
function listTickers(tickers: readonly string[]): string {
  return formatList(tickers.length <= 4 ? tickers : [...tickers.slice(0, 3), `${tickers.length - 3} more`]);
}
