/**
 * The pane in Office's theme, following it when it changes. Excel raises no event for a theme change
 * (Office.EventType.OfficeThemeChanged is Outlook's, Mailbox 1.14), so the theme is read again when
 * the pane regains focus or becomes visible, when the system's colour scheme changes, and every two
 * seconds — a comparison of one colour, nothing more.
 */
import * as React from 'react';
import { App } from './App';
import type { PanePorts } from './ports';

export const THEME_CHECK_MS = 2000;

export function ThemedApp({ ports, isDark, checkEveryMs = THEME_CHECK_MS }: { ports: PanePorts; isDark: () => boolean; checkEveryMs?: number }): React.JSX.Element {
  const [dark, setDark] = React.useState(isDark);
  React.useEffect(() => {
    const check = () => setDark(isDark());
    const media = typeof matchMedia === 'function' ? matchMedia('(prefers-color-scheme: dark)') : null;
    media?.addEventListener?.('change', check);
    window.addEventListener('focus', check);
    document.addEventListener('visibilitychange', check);
    const timer = setInterval(check, checkEveryMs);
    return () => {
      media?.removeEventListener?.('change', check);
      window.removeEventListener('focus', check);
      document.removeEventListener('visibilitychange', check);
      clearInterval(timer);
    };
  }, [isDark, checkEveryMs]);
  return <App ports={ports} dark={dark} />;
}
