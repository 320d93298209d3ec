/**
 * @jest-environment jsdom
 */
import * as React from 'react';
import { fireEvent, render, screen } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { TradeList } from '../../src/taskpane/components/TradeList';
import type { DraftResult } from '../../src/taskpane/ports';
import { JOINT_PLAN } from './render-pane';

/** Joint's two trades and a Roth buy: two accounts to fold. */
const PLAN: DraftResult = {
  ...JOINT_PLAN,
  trades: [
    ...JOINT_PLAN.trades,
    { account: 'Ann Roth IRA', ticker: 'VXUS', action: 'BUY', shares: 20, price: 60, amount: 1200, estTax: 0, reason: 'Buy 20 VXUS in Ann Roth IRA ($1,200).', lots: [] },
  ],
};

/** The list as DraftPanel holds it: the approvals outside the list, in the draft. */
function Approving({ onApproved }: { onApproved: (approved: readonly boolean[]) => void }) {
  const [approved, setApproved] = React.useState<readonly boolean[]>(PLAN.trades.map(() => true));
  return (
    <FluentProvider theme={webLightTheme}>
      <TradeList
        result={PLAN}
        approved={approved}
        onApprove={(next) => {
          setApproved(next);
          onApproved(next);
        }}
      />
    </FluentProvider>
  );
}

test('each account folds from its header, which still says its trades and what they come to; approvals survive folding', () => {
  const seen: (readonly boolean[])[] = [];
  render(<Approving onApproved={(a) => seen.push(a)} />);
  const joint = screen.getByRole('button', { name: /^Joint Taxable/ });
  const roth = screen.getByRole('button', { name: /^Ann Roth IRA/ });
  // All open at first; sells of $1,000 less buys of $975 are a net sale of $25.
  expect(joint.getAttribute('aria-expanded')).toBe('true');
  expect(joint.textContent).toBe('Joint Taxable2 trades · net sell $25.00');
  expect(roth.textContent).toBe('Ann Roth IRA1 trade · net buy $1,200.00');
  expect(screen.getByRole('heading', { level: 3, name: /^Joint Taxable/ })).toBeTruthy();

  fireEvent.click(screen.getByRole('checkbox', { name: /^Approve BUY 13 BND/ }));
  expect(seen[seen.length - 1]).toEqual([true, false, true]);

  fireEvent.click(joint);
  expect(joint.getAttribute('aria-expanded')).toBe('false');
  expect(screen.queryByRole('group', { name: 'Trades in Joint Taxable' })).toBeNull();
  // The other account stays as it was.
  expect(screen.getByRole('group', { name: 'Trades in Ann Roth IRA' })).toBeTruthy();

  fireEvent.click(joint);
  expect(joint.getAttribute('aria-expanded')).toBe('true');
  expect(screen.getByRole('checkbox', { name: /^Approve BUY 13 BND/ })).toHaveProperty('checked', false);
  expect(screen.getByRole('checkbox', { name: /^Approve SELL 4 VTI/ })).toHaveProperty('checked', true);
});
