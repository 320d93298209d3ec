import * as React from 'react';
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import { isInputError } from '../../engine';
import { placeAddress, placeOf } from '../cell-place';
import type { HouseholdView } from '../household-view';
import { usePorts } from '../PaneContext';
import { WholeNumbers } from './WholeNumbers';

export interface NoticeState {
  readonly intent: 'success' | 'error' | 'warning' | 'info';
  readonly text: string;
  /** A few words on what happened: the bar's title, which names it for screen readers. */
  readonly title?: string;
  /** The range the message is about ("Holdings!F7"): the bar offers Go to cell. */
  readonly cell?: string | null;
}

/** A title for a notice that gives none: Fluent's MessageBar is labelled by its title. */
const TITLES: Record<NoticeState['intent'], string> = { success: 'Done', error: 'Could not finish', warning: 'Check this', info: 'Note' };

/**
 * One line of feedback after an action; announced to screen readers, and scrolled into view if it
 * landed below the fold (a 450-px-high pane at 200% zoom shows little below the button).
 */
export function Notice({ notice, testId, onDismiss }: { notice: NoticeState | null; testId?: string; onDismiss?: () => void }): React.JSX.Element | null {
  const ref = React.useRef<HTMLDivElement>(null);
  React.useEffect(() => {
    if (notice) ref.current?.scrollIntoView({ block: 'nearest' });
  }, [notice]);
  if (!notice) return null;
  return (
    <MessageBar ref={ref} layout="multiline" intent={notice.intent} role={notice.intent === 'error' ? 'alert' : 'status'}>
      <MessageBarBody>
        <MessageBarTitle>{notice.title ?? TITLES[notice.intent]}</MessageBarTitle>
        <span data-testid={testId}>
          <WholeNumbers text={notice.text} />
        </span>
      </MessageBarBody>
      {(notice.cell || onDismiss) && (
        <MessageBarActions containerAction={onDismiss && <Button appearance="transparent" size="small" icon={<DismissRegular />} aria-label={`Dismiss: ${notice.title ?? TITLES[notice.intent]}`} onClick={onDismiss} />}>
          {notice.cell && <GoToCell address={notice.cell} />}
        </MessageBarActions>
      )}
    </MessageBar>
  );
}

/** Selects the range in Excel, so the user lands on the cell a message is about. */
export function GoToCell({ address, label = 'Go to cell' }: { address: string; label?: string }): React.JSX.Element {
  const { workbook } = usePorts();
  const [failed, setFailed] = React.useState<string | null>(null);
  const go = () => {
    setFailed(null);
    workbook.selectRange(address).catch((e: unknown) => setFailed(`Could not select ${address}: ${errorText(e)}`));
  };
  return (
    <>
      <Button size="small" onClick={go} aria-label={`${label} ${address}`} title={address}>
        {label}
      </Button>
      {failed && <span role="alert">{failed}</span>}
    </>
  );
}

/** An error from a port or the workbook, as a sentence for the user. */
export function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** An error as a notice: a mistake in a cell names it and offers Go to cell. */
export function errorNotice(e: unknown, view: HouseholdView | null, prefix = ''): NoticeState {
  const place = placeOf(e);
  return {
    intent: 'error',
    title: isInputError(e) ? 'Check your data' : 'Could not finish',
    text: `${prefix}${errorText(e)}`,
    cell: place && view ? placeAddress(view, place) : null,
  };
}
