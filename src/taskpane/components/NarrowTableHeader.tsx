/** The header row of a narrow-pane table (narrow-table.ts): each column a name, a number or text. */
import * as React from 'react';
import { TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-components';
import { useNarrowTableStyles } from './narrow-table';
import { NUMBER_HEADER_STYLE } from './numbers';

export type ColumnKind = 'name' | 'number' | 'text';

export function NarrowTableHeader({ columns }: { columns: readonly (readonly [label: string, kind: ColumnKind])[] }): React.JSX.Element {
  const table = useNarrowTableStyles();
  return (
    <TableHeader>
      <TableRow className={table.row}>
        {columns.map(([label, kind]) => (
          <TableHeaderCell key={label} className={table[kind]} style={kind === 'number' ? NUMBER_HEADER_STYLE : undefined}>
            {label}
          </TableHeaderCell>
        ))}
      </TableRow>
    </TableHeader>
  );
}
