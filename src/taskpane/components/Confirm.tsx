import * as React from 'react';
import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle } from '@fluentui/react-components';

interface Question {
  title: string;
  body: string;
  confirm: string;
  resolve: (yes: boolean) => void;
  /** Where focus was when the question was asked; it goes back there on any answer, Escape included. */
  returnFocus: HTMLElement | null;
}

/**
 * `ask(title, body, confirm)` resolves true only when the user presses the confirm button. The
 * dialog opens on Cancel — a question that replaces something must not be answered by Enter alone —
 * and focus returns to where it was (the dialog is opened from code, not from a DialogTrigger, so
 * Fluent has no trigger to return it to).
 */
export function useConfirm(): [React.JSX.Element | null, (title: string, body: string, confirm: string) => Promise<boolean>] {
  const [question, setQuestion] = React.useState<Question | null>(null);
  const cancelRef = React.useRef<HTMLButtonElement>(null);
  const ask = React.useCallback(
    (title: string, body: string, confirm: string) =>
      new Promise<boolean>((resolve) => {
        const active = typeof document !== 'undefined' ? document.activeElement : null;
        setQuestion({ title, body, confirm, resolve, returnFocus: active instanceof HTMLElement ? active : null });
      }),
    [],
  );
  React.useEffect(() => {
    if (question) cancelRef.current?.focus();
  }, [question]);
  const answer = (yes: boolean) => {
    question?.resolve(yes);
    const back = question?.returnFocus;
    setQuestion(null);
    // After the dialog unmounts: focus to where the user was, if it is still in the page.
    if (back) setTimeout(() => back.isConnected && back.focus(), 0);
  };
  const element = question && (
    <Dialog open modalType="alert" onOpenChange={(_, d) => !d.open && answer(false)}>
      <DialogSurface aria-describedby="confirm-body">
        <DialogBody>
          <DialogTitle>{question.title}</DialogTitle>
          <DialogContent id="confirm-body">{question.body}</DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={() => answer(true)}>
              {question.confirm}
            </Button>
            <Button ref={cancelRef} onClick={() => answer(false)}>
              Cancel
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
  return [element, ask];
}
