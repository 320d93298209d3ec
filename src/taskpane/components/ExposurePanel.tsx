/** Look-through exposure: the largest underlying holdings and the concentration flags, via the ExposurePort. */
import * as React from 'react';
import { MessageBar, MessageBarBody, MessageBarTitle, Spinner, Subtitle2, Table, TableBody, TableCell, TableRow } from '@fluentui/react-components';
import { HouseholdView } from '../household-view';
import { usePorts } from '../PaneContext';
import { ExposureResult } from '../ports';
import { formatDollarAmount, formatPercent, formatPercentUpTo } from '../../engine';
import { errorNotice, Notice, NoticeState } from './Notice';
import { useNarrowTableStyles } from './narrow-table';
import { NarrowTableHeader } from './NarrowTableHeader';
import { NumberCell } from './NumberCell';
import { VISUALLY_HIDDEN } from './visually-hidden';

const TOP = 10;

export function ExposurePanel({ view }: { view: HouseholdView }): React.JSX.Element {
  const { exposure } = usePorts();
  const table = useNarrowTableStyles();
  const [state, setState] = React.useState<{ result?: ExposureResult; problem?: NoticeState } | null>(null);
  React.useEffect(() => {
    let live = true;
    setState(null);
    if (!view.tables) return;
    exposure.exposure({ tables: view.tables, top: TOP }).then(
      (result) => live && setState({ result }),
      (e: unknown) => live && setState({ problem: errorNotice(e, view) }),
    );
    return () => {
      live = false;
    };
  }, [exposure, view.tables]);

  return (
    <section aria-labelledby="exposure-heading" style={{ display: 'grid', gap: 12 }}>
      <Subtitle2 as="h2" id="exposure-heading" style={VISUALLY_HIDDEN}>
        Look-through exposure
      </Subtitle2>
      {state === null && <Spinner size="tiny" label="Looking through funds…" />}
      <Notice notice={state?.problem ?? null} />
      {state?.result && (
        <>
          {state.result.flags.map((f) => (
            <MessageBar layout="multiline" key={f.holding} intent="warning">
              <MessageBarBody>
                <MessageBarTitle>Concentrated: {f.holding}</MessageBarTitle>
                {f.message ?? `${f.holding} is ${formatPercent(f.weight)} of the household through funds and direct holdings`}, above the{' '}
                {formatPercentUpTo(f.limit)} concentration limit.
              </MessageBarBody>
            </MessageBar>
          ))}
          <Table size="extra-small" aria-label={`Top ${TOP} look-through holdings`} noNativeElements>
            <NarrowTableHeader columns={[['Holding', 'name'], ['Total', 'number'], ['Weight', 'number'], ['Via', 'text']]} />
            <TableBody>
              {state.result.rows.map((r) => (
                <TableRow key={r.holding} className={table.row}>
                  <TableCell className={table.name}>{r.holding}</TableCell>
                  <NumberCell>{formatDollarAmount(r.total)}</NumberCell>
                  <NumberCell>{formatPercent(r.weight)}</NumberCell>
                  <TableCell className={table.text}>{[r.direct > 0 ? 'direct' : null, ...r.via].filter(Boolean).join(', ')}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </>
      )}
    </section>
  );
}
