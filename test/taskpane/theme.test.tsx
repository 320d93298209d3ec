/**
 * @jest-environment jsdom
 */
import { act, render, screen } from '@testing-library/react';
import { ThemedApp } from '../../src/taskpane/ThemedApp';
import { engineExposure } from '../../src/taskpane/engine-exposure';
import { HOLDINGS, MemoryWorkbook, TARGETS } from '../support/memory-workbook';
import { TODAY } from './render-pane';
import type { PanePorts } from '../../src/taskpane/ports';

jest.setTimeout(20000);

describe('the pane follows Office’s theme when it changes', () => {
  const ports = (): PanePorts => ({
    workbook: new MemoryWorkbook().withUserTable('Holdings', HOLDINGS).withUserTable('Targets', TARGETS),
    planner: { draft: () => new Promise(() => undefined) },
    exposure: engineExposure,
    clipboard: { writeText: async () => undefined },
    today: () => TODAY,
  });
  const theme = (container: HTMLElement) => container.querySelector('[data-theme]')?.getAttribute('data-theme');

  it('when the pane regains focus, and on its own within the check interval', async () => {
    jest.useFakeTimers();
    try {
      let dark = false;
      const { container } = render(<ThemedApp ports={ports()} isDark={() => dark} checkEveryMs={2000} />);
      await act(async () => undefined);
      expect(theme(container)).toBe('light');
      dark = true;
      act(() => {
        window.dispatchEvent(new Event('focus'));
      });
      expect(theme(container)).toBe('dark');
      dark = false;
      act(() => {
        jest.advanceTimersByTime(2000);
      });
      expect(theme(container)).toBe('light');
      expect(screen.getByRole('heading', { name: 'Rebalance' })).toBeTruthy();
    } finally {
      jest.useRealTimers();
    }
  });
});
