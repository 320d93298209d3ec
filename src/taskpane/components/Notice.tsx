import * as React from 'react';
import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import { WholeNumbers } from './WholeNumbers';

export interface NoticeState {
  readonly intent: 'success' | 'error' | 'warning' | 'info';
  readonly text: string;
}

/**
 * One line of feedback after an action; announced to screen readers, and scrolled into view if it
 * landed below the fold (a 450-px-high pane at 200% zoom shows little below the button).
 */
export function Notice({ notice }: { notice: NoticeState | null }): React.JSX.Element | null {
  const ref = React.useRef<HTMLDivElement>(null);
  React.useEffect(() => {
    if (notice) ref.current?.scrollIntoView({ block: 'nearest' });
  }, [notice]);
  if (!notice) return null;
  return (
    <MessageBar ref={ref} layout="multiline" intent={notice.intent} role={notice.intent === 'error' ? 'alert' : 'status'}>
      <MessageBarBody>
        <WholeNumbers text={notice.text} />
      </MessageBarBody>
    </MessageBar>
  );
}

/** An error from a port or the workbook, as a sentence for the user. */
export function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
