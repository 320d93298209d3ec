/** The drafted trades by account, each with its reason, tax and an approve box; then the plan's summary. */
import * as React from 'react';
import { Body1, Caption1, Checkbox, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, tokens } from '@fluentui/react-components';
import { formatDollarAmount, formatPercent, formatPoints } from '../../engine';
import { DraftResult } from '../ports';
import { describeTrade, groupByAccount } from '../trade-output';
import { NUMBER_HEADER_STYLE, NUMBER_STYLE } from './numbers';

interface Props {
  result: DraftResult;
  approved: readonly boolean[];
  onApprove: (approved: boolean[]) => void;
}

export function TradeList({ result, approved, onApprove }: Props): React.JSX.Element {
  const { summary } = result;
  const approvedTax = result.trades.reduce((s, t, i) => s + (approved[i] ? t.estTax : 0), 0);
  return (
    <div style={{ display: 'grid', gap: 12 }}>
      {result.trades.length === 0 && <Body1>{summary.note ?? 'No trades are needed.'}</Body1>}
      {groupByAccount(result.trades).map(([account, list]) => (
        <div key={account} role="group" aria-label={`Trades in ${account}`} style={{ display: 'grid', gap: 6 }}>
          <Body1 as="h3" style={{ fontWeight: 600, margin: 0 }}>
            {account}
          </Body1>
          {list.map(({ trade, index }) => (
            <div key={index} data-testid="trade" style={{ borderLeft: `3px solid ${trade.action === 'SELL' ? tokens.colorPaletteRedBorder2 : tokens.colorPaletteGreenBorder2}`, paddingLeft: 8 }}>
              <Checkbox
                checked={approved[index] ?? false}
                onChange={(_, d) => onApprove(approved.map((a, i) => (i === index ? d.checked === true : a)))}
                label={<strong>{describeTrade(trade)}</strong>}
                aria-label={`Approve ${describeTrade(trade)} in ${account}`}
              />
              <Caption1 as="p" style={{ display: 'block', margin: '2px 0 0 32px' }}>
                {trade.reason}
              </Caption1>
              {trade.estTax !== 0 && (
                <Caption1 as="p" style={{ display: 'block', margin: '2px 0 0 32px', fontWeight: 600 }}>
                  Est. tax {formatDollarAmount(trade.estTax)}
                </Caption1>
              )}
            </div>
          ))}
        </div>
      ))}
      <div aria-label="Plan summary" role="group" style={{ display: 'grid', gap: 4 }}>
        <Body1>
          {summary.tradeCount} trades · est. tax {formatDollarAmount(summary.totalTax)} (approved: {formatDollarAmount(approvedTax)})
          {summary.gap !== null && (summary.gap === 0 ? ' · proven best plan' : ` · within ${formatPercent(summary.gap, 2)} of the best plan`)}
        </Body1>
        {summary.driftAfter.length > 0 && (
          <Table size="extra-small" aria-label="Drift after the trades">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>Class</TableHeaderCell>
                <TableHeaderCell style={NUMBER_HEADER_STYLE}>After</TableHeaderCell>
                <TableHeaderCell style={NUMBER_HEADER_STYLE}>Target</TableHeaderCell>
                <TableHeaderCell style={NUMBER_HEADER_STYLE}>Drift</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {summary.driftAfter.map((d) => (
                <TableRow key={d.class}>
                  <TableCell>{d.class}</TableCell>
                  <TableCell style={NUMBER_STYLE}>{formatPercent(d.weight)}</TableCell>
                  <TableCell style={NUMBER_STYLE}>{d.target === null ? '—' : formatPercent(d.target)}</TableCell>
                  <TableCell style={NUMBER_STYLE}>{d.drift === null ? '—' : formatPoints(d.drift)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
        {result.warnings.map((w) => (
          <Caption1 key={w}>⚠ {w}</Caption1>
        ))}
      </div>
    </div>
  );
}
