/**
 * The walk-through's household: a user's Holdings table (three accounts, a cash row, tax lots), and
 * the 40/30/30 targets the user types once the pane has created the Targets table.
 */

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
