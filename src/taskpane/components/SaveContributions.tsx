/**
 * The Trades tab's offer to keep its contributions for next quarter in Accounts (save-contributions.ts
 * says where and why): a button for the add-in's own table or for creating one, the cells to type for
 * the user's own table.
 */
import * as React from 'react';
import { Button, Caption1 } from '@fluentui/react-components';
import { formatDollarAmount, formatList, Household } from '../../engine';
import type { HouseholdView } from '../household-view';
import { usePorts } from '../PaneContext';
import { contributionsHome, createAccountsWithContributions, saveIntoOwnAccounts } from '../save-contributions';
import { useConfirm } from './Confirm';
import { errorNotice, GoToCell, Notice, NoticeState } from './Notice';

interface Props {
  view: HouseholdView;
  household: Household;
  /** Account name → the contribution typed, for the amounts that read as numbers. */
  amounts: ReadonlyMap<string, number>;
  /** The workbook changed: read it again. */
  onChanged: () => void;
  disabled: boolean;
}

export function SaveContributions({ view, household, amounts, onChanged, disabled }: Props): React.JSX.Element | null {
  const { workbook } = usePorts();
  const [notice, setNotice] = React.useState<NoticeState | null>(null);
  const [busy, setBusy] = React.useState(false);
  const [dialog, ask] = useConfirm();
  const home = contributionsHome(view, household, amounts);

  const run = async (action: () => Promise<string | null>) => {
    setBusy(true);
    try {
      const done = await action();
      if (done) {
        setNotice({ intent: 'success', title: 'Saved', text: done });
        onChanged();
      }
    } catch (e) {
      setNotice(errorNotice(e, view, 'The contributions were not saved: '));
    } finally {
      setBusy(false);
    }
  };

  const listOf = (changed: readonly { account: string; amount: number }[]) => formatList(changed.map((c) => `${c.account} ${formatDollarAmount(c.amount)}`));

  const save = () =>
    run(async () => {
      if (home?.kind !== 'ours') return null;
      const yes = await ask(`Save contributions to ${home.table.name}?`, `Writes the Contribution of ${listOf(home.changed)} into ${home.table.name}, so they are there next quarter.`, 'Save');
      if (!yes) return null;
      await saveIntoOwnAccounts(workbook, home);
      return `Saved the contributions of ${listOf(home.changed)} in ${home.table.name}.`;
    });

  const create = () =>
    run(async () => {
      if (home?.kind !== 'none') return null;
      const name = await createAccountsWithContributions(workbook, household, amounts);
      return `Created ${name} on its own sheet with these contributions; next quarter they start from there.`;
    });

  // Every disabled button says why, tied to it for screen readers.
  const describedBy = disabled || busy ? 'save-contributions-why save-contributions-disabled' : 'save-contributions-why';
  return (
    <div style={{ display: 'grid', gap: 6 }} data-testid="save-contributions">
      {home?.kind === 'ours' && (
        <>
          <Caption1 id="save-contributions-why">Typed here, they last until the pane closes. Save them so they are there next quarter.</Caption1>
          <Button onClick={save} disabled={disabled || busy} aria-describedby={describedBy}>
            Save contributions to {home.table.name}
          </Button>
        </>
      )}
      {home?.kind === 'none' && (
        <>
          <Caption1 id="save-contributions-why">There is no Accounts table to keep them in for next quarter; one can be created with them.</Caption1>
          <Button onClick={create} disabled={disabled || busy} aria-describedby={describedBy}>
            Create Accounts with these contributions
          </Button>
        </>
      )}
      {home?.kind === 'theirs' && (
        <div role="group" aria-labelledby="type-contributions">
          <Caption1 id="type-contributions" as="p" style={{ display: 'block', margin: 0 }}>
            {home.table.name} is your table, so the pane does not write to it. To keep these for next quarter, type them in its
            {home.contributionColumn < 0 ? ' Contribution column (add one):' : ' Contribution column:'}
          </Caption1>
          <ul style={{ margin: '4px 0', paddingInlineStart: 18 }}>
            {home.cells.map((c) => (
              <li key={c.account} style={{ marginBottom: 4 }}>
                {c.account}: {formatDollarAmount(c.amount)}
                {c.address ? ` in ${c.address} ` : c.row === null ? ` (add a row for ${c.account}) ` : ' '}
                {c.address && <GoToCell address={c.address} />}
              </li>
            ))}
          </ul>
        </div>
      )}
      {(disabled || busy) && home && home.kind !== 'theirs' && <Caption1 id="save-contributions-disabled">{busy ? 'Saving…' : 'Available once the draft finishes.'}</Caption1>}
      <Notice notice={notice} />
      {dialog}
    </div>
  );
}
