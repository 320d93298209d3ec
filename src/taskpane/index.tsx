/**
 * The task pane's entry in the shared runtime: the Excel workbook adapter, the planner and exposure
 * ports, the clipboard and today's date go into <App>. The theme follows Office's (dark when the
 * body background is dark), else the system's, and follows it when it changes (ThemedApp).
 */
import { createRoot } from 'react-dom/client';
import { localIsoDate } from '../engine';
import { excelWorkbook } from '../office/excel-workbook';
import { ThemedApp } from './ThemedApp';
import { browserClipboard } from './clipboard';
import { engineExposure } from './engine-exposure';
import { plannerPort } from './engine-planner';
import type { PanePorts } from './ports';

function isDark(): boolean {
  const background = Office.context?.officeTheme?.bodyBackgroundColor;
  if (background && /^#?[0-9a-f]{6}$/i.test(background)) {
    const hex = background.replace('#', '');
    const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
    return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.5;
  }
  return typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches;
}

function mount(): void {
  const element = document.getElementById('root');
  if (!element) return;
  const ports: PanePorts = {
    workbook: excelWorkbook(Excel, Office.context.requirements),
    planner: plannerPort(),
    exposure: engineExposure,
    clipboard: browserClipboard,
    today: () => localIsoDate(new Date()),
  };
  createRoot(element).render(<ThemedApp ports={ports} isDark={isDark} />);
}

Office.onReady(() => mount());
