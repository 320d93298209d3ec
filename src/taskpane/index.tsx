/**
 * The task pane's entry in the shared runtime. Until the pane lands (issue 5) it shows what the
 * add-in offers and the formulas to type.
 */
import { createRoot } from 'react-dom/client';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { Welcome } from './Welcome';

function mount(): void {
  const element = document.getElementById('root');
  if (!element) return;
  createRoot(element).render(
    <FluentProvider theme={webLightTheme}>
      <Welcome />
    </FluentProvider>,
  );
}

Office.onReady(() => mount());
