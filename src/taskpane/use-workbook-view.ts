/**
 * Reads the workbook's tables, derives the household view, and reads again when a table's cells
 * change (Excel's onChanged), a little after the last change so a paste of 200 rows is one refresh.
 */
import * as React from 'react';
import type { WorkbookTable } from '../office/workbook-port';
import { HouseholdView, viewHousehold } from './household-view';
import type { PanePorts } from './ports';

const SETTLE_MS = 300;

export interface WorkbookViewState {
  readonly tables: readonly WorkbookTable[];
  readonly view: HouseholdView | null;
  /** The workbook could not be read at all (not a user's input mistake). */
  readonly failure: string | null;
  readonly refresh: () => void;
}

export function useWorkbookView(ports: PanePorts, holdingsName: string | null): WorkbookViewState {
  const [tables, setTables] = React.useState<readonly WorkbookTable[] | null>(null);
  const [failure, setFailure] = React.useState<string | null>(null);
  const [generation, setGeneration] = React.useState(0);
  const refresh = React.useCallback(() => setGeneration((g) => g + 1), []);

  React.useEffect(() => {
    let live = true;
    ports.workbook.readTables().then(
      (t) => {
        if (!live) return;
        setTables(t);
        setFailure(null);
      },
      (e: unknown) => live && setFailure(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      live = false;
    };
  }, [ports.workbook, generation]);

  React.useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let unsubscribe: (() => Promise<void>) | null = null;
    let live = true;
    ports.workbook
      .onTableChanged(() => {
        clearTimeout(timer);
        timer = setTimeout(refresh, SETTLE_MS);
      })
      .then(
        (off) => (live ? (unsubscribe = off) : void off()),
        (e: unknown) => setFailure(`Cannot follow changes to the tables: ${e instanceof Error ? e.message : String(e)}`),
      );
    return () => {
      live = false;
      clearTimeout(timer);
      void unsubscribe?.();
    };
  }, [ports.workbook, refresh]);

  const today = ports.today();
  const view = React.useMemo(() => (tables ? viewHousehold(tables, holdingsName, today) : null), [tables, holdingsName, today]);
  return { tables: tables ?? [], view, failure, refresh };
}
