/**
 * @jest-environment jsdom
 */
/**
 * Every number the pane shows comes from the engine's formatters (format.ts), checked on what each
 * tab renders rather than on the source (test/format-guard.test.ts does that): a household with
 * amounts in the thousands and a class under target, drafted with the real planner, then each tab's
 * text and input values read. A number formatted another way shows as a hyphen-minus before a digit
 * (`-11.6 pp`) or four digits in a row without a separator (`$47981.79`, `5000`).
 */
import { fireEvent, screen, within } from '@testing-library/react';
import { MemoryWorkbook } from '../support/memory-workbook';
import { renderPane, selectTab } from './render-pane';

jest.setTimeout(30000);

const HOLDINGS = [
  ['Account', 'Ticker', 'Class', 'Shares', 'Price', 'Cost Basis', 'Acquired'],
  ['Joint Taxable', 'VTI', 'US Stocks', 100, 250.5, 15000, '2019-03-04'],
  ['Joint Taxable', 'BND', 'Bonds', 200, 72, 15100, '2020-06-01'],
  ['Roth IRA', 'VXUS', 'Intl Stocks', 300, 60, null, null],
];
const TARGETS = [
  ['Class', 'Target'],
  ['US Stocks', 0.5],
  ['Bonds', 0.3],
  ['Intl Stocks', 0.2],
];
const ACCOUNTS = [
  ['Account', 'Type', 'Contribution'],
  ['Joint Taxable', 'Taxable', 5000],
  ['Roth IRA', 'Roth', -1250],
];

/** The ways a number shows that the engine's formatters never produce. */
function handFormatted(text: string): string[] {
  // Dates (2019-03-04) are the one place digits and hyphens meet.
  const withoutDates = text.replace(/(?<!\d)\d{4}-\d{2}-\d{2}(?!\d)/g, ' ');
  return [...(withoutDates.match(/-\d[\d,.]*/g) ?? []).map((m) => `hyphen-minus: ${m}`), ...(withoutDates.match(/(?<![\d,.])\d{4,}(?:\.\d+)?/g) ?? []).map((m) => `no separators: ${m}`)];
}

function shown(): string {
  const panel = screen.getByRole('tabpanel');
  const inputs = [...panel.querySelectorAll('input')].map((i) => i.value);
  return [panel.textContent ?? '', ...inputs].join(' | ');
}

describe('the pane formats every number with the engine’s formatters', () => {
  it('finds the ways it looks for', () => {
    expect(handFormatted('US Stocks -11.6 pp, $47981.79, 5000 shares, bought 2019-03-04')).toEqual(['hyphen-minus: -11.6', 'no separators: 47981.79', 'no separators: 5000']);
    expect(handFormatted('US Stocks −11.6 pp, $47,981.79, 5,000 shares, bought 2019-03-04')).toEqual([]);
  });

  it('in every tab, from a draft by the real planner', async () => {
    const workbook = new MemoryWorkbook().withUserTable('Holdings', HOLDINGS).withUserTable('Targets', TARGETS).withUserTable('Accounts', ACCOUNTS);
    renderPane(workbook);
    await screen.findByTestId('total-value');
    const seen: Record<string, string> = { Drift: shown() };
    expect(seen.Drift).toContain('$57,450.00');
    expect(seen.Drift).toContain('−');

    selectTab('Trades');
    seen.Choices = shown();
    expect(seen.Choices).toContain('5,000');
    expect(seen.Choices).toContain('−1,250');
    fireEvent.click(screen.getByRole('button', { name: 'Draft' }));
    await within(screen.getByRole('tabpanel')).findByRole('region', { name: 'Drafted trades' }, { timeout: 20000 });
    seen.Trades = shown();
    expect(seen.Trades).toMatch(/\$\d{1,3},\d{3}\.\d{2}/);

    for (const name of ['Review', 'Exposure', 'Setup', 'Import']) {
      selectTab(name);
      if (name === 'Exposure') await screen.findByRole('table', { name: /look-through holdings/ });
      seen[name] = shown();
    }
    expect(seen.Review).toContain('$57,450.00');
    expect(Object.fromEntries(Object.entries(seen).map(([tab, text]) => [tab, handFormatted(text)]))).toEqual(
      Object.fromEntries(Object.keys(seen).map((tab) => [tab, []])),
    );
  });
});
