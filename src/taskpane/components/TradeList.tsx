/**
 * The drafted trades by account, each with its reason, tax and an approve box; then the plan's summary.
 * Each account is a Fluent Accordion item, all open at first, so a twelve-account plan can be folded
 * down to the accounts still to check; a folded account's header still says how many trades it has
 * and what they come to. Approvals live in the draft (App), so folding an account keeps them.
 */
import * as React from 'react';
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Body1,
  Caption1,
  Checkbox,
  makeStyles,
  mergeClasses,
  Table,
  TableBody,
  TableCell,
  TableRow,
  tokens,
} from '@fluentui/react-components';
import { formatDollarAmount, formatPercent, formatPoints } from '../../engine';
import { DraftResult, DraftTrade } from '../ports';
import { describeTrade, groupByAccount } from '../trade-output';
import { useNarrowTableStyles } from './narrow-table';
import { NarrowTableHeader } from './NarrowTableHeader';
import { NumberCell } from './NumberCell';
import { NUMBER_STYLE } from './numbers';
import { WholeNumbers } from './WholeNumbers';

interface Props {
  result: DraftResult;
  approved: readonly boolean[];
  onApprove: (approved: boolean[]) => void;
}

const useStyles = makeStyles({
  // The SELL/BUY strip is a border, which forced-colors mode repaints in one system colour; there the
  // two kinds keep distinct system colours (the word SELL or BUY starts each line as well).
  trade: { borderLeft: `3px solid ${tokens.colorPaletteGreenBorder2}`, paddingLeft: '8px', '@media (forced-colors: active)': { borderLeftColor: 'CanvasText' } },
  sell: { borderLeftColor: tokens.colorPaletteRedBorder2, '@media (forced-colors: active)': { borderLeftColor: 'Highlight', borderLeftStyle: 'double' } },
  header: { display: 'grid', textAlign: 'start' },
});

/** "3 trades · net buy $1,234.00": what a folded account's trades come to, buys less sells. */
export function accountSummary(list: readonly DraftTrade[]): { count: string; net: string } {
  const cents = list.reduce((sum, t) => sum + Math.round(t.amount * 100) * (t.action === 'BUY' ? 1 : -1), 0);
  const count = `${list.length} trade${list.length === 1 ? '' : 's'}`;
  if (cents === 0) return { count, net: 'net $0.00' };
  return { count, net: `net ${cents > 0 ? 'buy' : 'sell'} ${formatDollarAmount(Math.abs(cents) / 100)}` };
}

export function TradeList({ result, approved, onApprove }: Props): React.JSX.Element {
  const styles = useStyles();
  const table = useNarrowTableStyles();
  const { summary } = result;
  const approvedTax = result.trades.reduce((s, t, i) => s + (approved[i] ? t.estTax : 0), 0);
  const groups = groupByAccount(result.trades);
  // Which accounts the user folded; an account new to a later draft starts open.
  const [folded, setFolded] = React.useState<ReadonlySet<string>>(new Set());
  const open = groups.map(([account]) => account).filter((a) => !folded.has(a));
  return (
    <div style={{ display: 'grid', gap: 12 }}>
      {result.trades.length === 0 && <Body1>{summary.note ?? 'No trades are needed.'}</Body1>}
      {groups.length > 0 && (
        <Accordion
          multiple
          collapsible
          openItems={open}
          onToggle={(_, d) => setFolded(new Set(groups.map(([a]) => a).filter((a) => !d.openItems.includes(a))))}
        >
          {groups.map(([account, list]) => {
            const { count, net } = accountSummary(list.map(({ trade }) => trade));
            return (
              <AccordionItem key={account} value={account}>
                <AccordionHeader as="h3" size="small" data-testid="account-header">
                  <span className={styles.header}>
                    <Body1 style={{ fontWeight: 600 }}>{account}</Body1>
                    <Caption1>
                      {count} · <span style={NUMBER_STYLE}>{net}</span>
                    </Caption1>
                  </span>
                </AccordionHeader>
                <AccordionPanel>
                  <div role="group" aria-label={`Trades in ${account}`} style={{ display: 'grid', gap: 6, paddingBottom: 8 }}>
                    {list.map(({ trade, index }) => (
                      <div key={index} data-testid="trade" data-action={trade.action} className={mergeClasses(styles.trade, trade.action === 'SELL' && styles.sell)}>
                        <Checkbox
                          checked={approved[index] ?? false}
                          onChange={(_, d) => onApprove(approved.map((a, i) => (i === index ? d.checked === true : a)))}
                          label={<strong>{describeTrade(trade)}</strong>}
                          aria-label={`Approve ${describeTrade(trade)} in ${account}`}
                        />
                        <Caption1 as="p" style={{ display: 'block', margin: '2px 0 0 32px' }}>
                          <WholeNumbers text={trade.reason} />
                        </Caption1>
                        {trade.estTax !== 0 && (
                          <Caption1 as="p" style={{ display: 'block', margin: '2px 0 0 32px', fontWeight: 600 }}>
                            Est. tax <span style={NUMBER_STYLE}>{formatDollarAmount(trade.estTax)}</span>
                          </Caption1>
                        )}
                      </div>
                    ))}
                  </div>
                </AccordionPanel>
              </AccordionItem>
            );
          })}
        </Accordion>
      )}
      <div aria-label="Plan summary" role="group" style={{ display: 'grid', gap: 4 }}>
        <Body1>
          {summary.tradeCount} trades · est. tax {formatDollarAmount(summary.totalTax)} (approved: {formatDollarAmount(approvedTax)})
          {summary.gap !== null && (summary.gap === 0 ? ' · proven best plan' : ` · within ${formatPercent(summary.gap, 2)} of the best plan`)}
        </Body1>
        {summary.driftAfter.length > 0 && (
          <Table size="extra-small" aria-label="Drift after the trades" noNativeElements>
            <NarrowTableHeader columns={[['Class', 'name'], ['After', 'number'], ['Target', 'number'], ['Drift', 'number']]} />
            <TableBody>
              {summary.driftAfter.map((d) => (
                <TableRow key={d.class} className={table.row}>
                  <TableCell className={table.name}>{d.class}</TableCell>
                  <NumberCell>{formatPercent(d.weight)}</NumberCell>
                  <NumberCell>{d.target === null ? '—' : formatPercent(d.target)}</NumberCell>
                  <NumberCell>{d.drift === null ? '—' : formatPoints(d.drift)}</NumberCell>
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
