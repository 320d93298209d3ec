import * as React from 'react';
import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle } from '@fluentui/react-components';

interface Question {
  title: string;
  body: string;
  confirm: string;
  resolve: (yes: boolean) => void;
}

/** `ask(title, body, confirm)` resolves true only when the user presses the confirm button. */
export function useConfirm(): [React.JSX.Element | null, (title: string, body: string, confirm: string) => Promise<boolean>] {
  const [question, setQuestion] = React.useState<Question | null>(null);
  const ask = React.useCallback(
    (title: string, body: string, confirm: string) => new Promise<boolean>((resolve) => setQuestion({ title, body, confirm, resolve })),
    [],
  );
  const answer = (yes: boolean) => {
    question?.resolve(yes);
    setQuestion(null);
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
            <Button onClick={() => answer(false)}>Cancel</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
  return [element, ask];
}
