/**
 * The clipboard in Office's web views: the async Clipboard API where the host allows it, else the
 * older copy command on a hidden text area (desktop Excel's web view often refuses the first).
 */
import type { ClipboardPort } from './ports';

export const browserClipboard: ClipboardPort = {
  async writeText(text) {
    if (navigator.clipboard?.writeText) {
      try {
        await navigator.clipboard.writeText(text);
        return;
      } catch {
        // Permission refused in this host: fall back to the copy command below.
      }
    }
    // Selecting the text area takes focus, and removing it would drop focus to the page: it goes back.
    const focused = document.activeElement;
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.appendChild(area);
    area.select();
    let copied = false;
    try {
      copied = document.execCommand('copy');
    } finally {
      area.remove();
      if (focused instanceof HTMLElement && focused.isConnected) focused.focus();
    }
    if (!copied) throw new Error('the host does not allow copying; select the trades sheet and copy from there');
  },
};
