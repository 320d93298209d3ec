/**
 * The walk-through's household: a user's Holdings table (three accounts, a cash row, tax lots) and
 * the plan the test-only DraftPort returns for it once Targets are 40/30/30. The plan is fixture
 * data in the planner's output shape, not a planner: Joint sells 20 VTI and buys 100 BND with the
 * proceeds and its cash; Bob's 401k swaps 50 BND for 60 VXUS.
 */
import type { DraftResult } from '../../src/taskpane/ports';

export const HOLDINGS_ROWS = [
  ['Account', 'Ticker', 'Class', 'Shares', 'Price', 'Value', 'Cost Basis', 'Acquired'],
  ['Joint Taxable', 'VTI', 'US Stocks', 100, 250, '', 15000, '2019-03-04'],
  ['Joint Taxable', 'BND', 'Bonds', 100, 72, '', 7600, '2020-06-01'],
  ['Joint Taxable', 'CASH', 'Cash', '', '', 2200, '', ''],
  ['Ann Roth IRA', 'VXUS', 'Intl Stocks', 200, 60, '', '', ''],
  ['Bob 401k', 'BND', 'Bonds', 50, 72, '', '', ''],
];

/** What the user types into the Targets table the pane created. */
export const EDITED_TARGETS = [
  ['US Stocks', 0.4, '', ''],
  ['Bonds', 0.3, '', ''],
  ['Cash', 0, '', ''],
  ['Intl Stocks', 0.3, '', ''],
];

export const PLAN: DraftResult = {
  trades: [
    {
      account: 'Joint Taxable', ticker: 'VTI', action: 'SELL', shares: 20, price: 250, amount: 5000, estTax: 300,
      reason: 'Sell 20 VTI in Joint Taxable ($5,000): US Stocks is 50.0% vs 40.0% target; sells the 2019-03-04 lot (long-term gain $2,000, est. tax $300).',
      lots: [{ acquired: '2019-03-04', shares: 20, basis: 3000, gain: 2000, term: 'LT' }],
    },
    {
      account: 'Joint Taxable', ticker: 'BND', action: 'BUY', shares: 100, price: 72, amount: 7200, estTax: 0,
      reason: 'Buy 100 BND in Joint Taxable ($7,200): Bonds is 21.6% vs 30.0% target; uses the sale and the account’s $2,200 cash.',
      lots: [],
    },
    {
      account: 'Bob 401k', ticker: 'BND', action: 'SELL', shares: 50, price: 72, amount: 3600, estTax: 0,
      reason: 'Sell 50 BND in Bob 401k ($3,600): makes room for Intl Stocks in a tax-deferred account (no tax).',
      lots: [],
    },
    {
      account: 'Bob 401k', ticker: 'VXUS', action: 'BUY', shares: 60, price: 60, amount: 3600, estTax: 0,
      reason: 'Buy 60 VXUS in Bob 401k ($3,600): Intl Stocks is 24.0% vs 30.0% target.',
      lots: [],
    },
  ],
  summary: {
    driftAfter: [
      { class: 'US Stocks', weight: 0.4, target: 0.4, drift: 0 },
      { class: 'Bonds', weight: 0.288, target: 0.3, drift: -0.012 },
      { class: 'Cash', weight: 0, target: 0, drift: 0 },
      { class: 'Intl Stocks', weight: 0.312, target: 0.3, drift: 0.012 },
    ],
    totalTax: 300,
    tradeCount: 4,
    gap: 0,
  },
  warnings: [],
};
