/** A number cell of a narrow-pane table (narrow-table.ts): right-aligned, never wrapped (numbers.ts). */
import * as React from 'react';
import { TableCell } from '@fluentui/react-components';
import { useNarrowTableStyles } from './narrow-table';
import { NUMBER_STYLE } from './numbers';

export function NumberCell({ children }: { children: React.ReactNode }): React.JSX.Element {
  const table = useNarrowTableStyles();
  return (
    <TableCell className={table.number} style={NUMBER_STYLE}>
      {children}
    </TableCell>
  );
}
