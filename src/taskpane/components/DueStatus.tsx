import * as React from 'react';
import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { DueVerdict } from '../../engine';
import { WholeNumbers } from './WholeNumbers';

/** REBAL.DUE's text, as the pane shows it. */
export function DueStatus({ due }: { due: DueVerdict }): React.JSX.Element {
  return (
    <MessageBar layout="multiline" intent={due.due ? 'warning' : 'success'} aria-live="polite">
      <MessageBarBody>
        <MessageBarTitle>{due.due ? 'Rebalance due' : 'Not due'}</MessageBarTitle>
        <span data-testid="due-text">
          <WholeNumbers text={due.text} />
        </span>
      </MessageBarBody>
    </MessageBar>
  );
}
