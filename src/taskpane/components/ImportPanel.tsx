/**
 * Import: the user picks their brokers' positions files; they are read here (never uploaded), shown
 * as a preview — accounts matched or new (with the inferred type), positions added, removed and
 * changed — and written only when the user confirms: the imported accounts' Holdings rows and the
 * new Accounts rows, nothing else. The Review Log then records which files were imported.
 */
import * as React from 'react';
import {
  Body1,
  Button,
  Caption1,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@fluentui/react-components';
import { formatCents, formatPrice, formatShares } from '../../engine';
import type { PositionChange, PositionState } from '../../engine';
import { HouseholdView } from '../household-view';
import { ChosenFile, describeFiles, driftAfterImport, ImportPreview, importProblem, positionsImport, previewImport } from '../import-positions';
import { usePorts } from '../PaneContext';
import { appendReviewLog, importLogRow } from '../review-log';
import { errorNotice, errorText, Notice, NoticeState } from './Notice';
import { VISUALLY_HIDDEN } from './visually-hidden';

interface Props {
  view: HouseholdView;
  /** After a confirmed import: what to tell the user on the Drift tab. */
  onImported: (message: string) => void;
}

/** File.text() where the browser has it, else a FileReader. */
function readText(file: File): Promise<string> {
  if (typeof file.text === 'function') return file.text();
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsText(file);
  });
}

export function ImportPanel({ view, onImported }: Props): React.JSX.Element {
  const { workbook, today } = usePorts();
  const [preview, setPreview] = React.useState<ImportPreview | null>(null);
  const [notice, setNotice] = React.useState<NoticeState | null>(null);
  const [busy, setBusy] = React.useState(false);
  const input = React.useRef<HTMLInputElement>(null);

  const choose = async (list: FileList | null) => {
    setPreview(null);
    setNotice(null);
    if (!list || list.length === 0) return;
    try {
      const chosen: ChosenFile[] = await Promise.all([...list].map(async (f) => ({ name: f.name, text: await readText(f) })));
      setPreview(previewImport(view, chosen));
    } catch (e) {
      setNotice({ intent: 'error', title: 'Nothing imported', text: `Nothing was imported. ${importProblem(e) ?? errorText(e)}` });
    }
  };

  const cancel = () => {
    setPreview(null);
    setNotice({ intent: 'info', title: 'Cancelled', text: 'Import cancelled. Nothing was changed.' });
    if (input.current) input.current.value = '';
  };

  const confirm = async () => {
    if (!preview) return;
    setBusy(true);
    try {
      await workbook.importPositions(positionsImport(preview));
      const files = describeFiles(preview.files);
      const log = await appendReviewLog(workbook, view.found.reviewLog, importLogRow(today(), driftAfterImport(view, preview), files));
      const n = preview.plan.changes.length;
      onImported(`Imported ${files}: ${n} change${n === 1 ? '' : 's'} to ${preview.holdings.name}; recorded in ${log}.`);
    } catch (e) {
      setNotice(errorNotice(e, view));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="import-heading" style={{ display: 'grid', gap: 12, gridTemplateColumns: 'minmax(0, 1fr)' }}>
      <Subtitle2 as="h2" id="import-heading" style={VISUALLY_HIDDEN}>
        Import positions
      </Subtitle2>
      <Body1>
        Download each broker’s positions export (CSV) and choose the files: Fidelity, Schwab, Vanguard, E*TRADE, Interactive Brokers, or any CSV with Ticker and
        Shares/Price or Value columns. They are read here, in Excel; nothing is uploaded.
      </Body1>
      {/* A file input is about 250 px wide by itself: in a 225-px pane (200% zoom) it must shrink to the column. */}
      <div style={{ display: 'grid', gap: 4, gridTemplateColumns: 'minmax(0, 1fr)' }}>
        <label htmlFor="import-files">Positions files (.csv)</label>
        <input
          id="import-files"
          ref={input}
          type="file"
          multiple
          accept=".csv,text/csv"
          onChange={(e) => void choose(e.currentTarget.files)}
          disabled={busy}
          style={{ maxWidth: '100%' }}
          aria-describedby={busy ? 'import-busy' : undefined}
        />
      </div>
      {preview && <Preview preview={preview} />}
      {preview && (
        <div style={{ display: 'flex', gap: 8 }}>
          <Button appearance="primary" onClick={confirm} disabled={busy} aria-describedby={busy ? 'import-busy' : undefined}>
            Import into {preview.holdings.name}
          </Button>
          <Button onClick={cancel} disabled={busy} aria-describedby={busy ? 'import-busy' : undefined}>
            Cancel
          </Button>
        </div>
      )}
      {busy && <Caption1 id="import-busy">Importing into {preview?.holdings.name ?? 'Holdings'}…</Caption1>}
      <Notice notice={notice} />
    </section>
  );
}

const shares = (s: PositionState | null) => (s?.shares == null ? '' : formatShares(s.shares));
const price = (s: PositionState | null) => (s?.price == null ? '' : formatPrice(s.price));
const value = (s: PositionState | null) => (s?.value == null ? '' : formatCents(s.value));

/** "100 → 100.5", or the one side a new or removed position has. */
function beforeAfter(c: PositionChange, show: (s: PositionState | null) => string): string {
  if (c.kind === 'added') return show(c.after);
  if (c.kind === 'removed') return show(c.before);
  const [a, b] = [show(c.before), show(c.after)];
  return a === b ? a : `${a} → ${b}`;
}

function Preview({ preview }: { preview: ImportPreview }): React.JSX.Element {
  const { plan, files } = preview;
  const changeLabel: Record<PositionChange['kind'], string> = { added: 'Added', removed: 'Removed', changed: 'Changed' };
  const skipped = files.flatMap((f) => f.skipped);
  const warnings = [...files.flatMap((f) => f.warnings), ...plan.warnings];
  return (
    <div style={{ display: 'grid', gap: 8 }} data-testid="import-preview">
      <Body1>
        Read {describeFiles(files)}. Review the changes; nothing is written until you import.
      </Body1>
      <ul aria-label="Accounts in the files" style={{ margin: 0, paddingLeft: 18 }}>
        {plan.matches.map((m) => {
          const added = plan.newAccounts.find((a) => a.account === m.account);
          return (
            <li key={`${m.file}/${m.imported}`}>
              {added
                ? `${m.imported}: new account, type ${added.type} (inferred from its name)`
                : `${m.imported} → ${m.account} (matched by ${m.by === 'number' ? 'account number' : 'name'})`}
            </li>
          );
        })}
      </ul>
      {plan.changes.length === 0 ? (
        <Body1>No changes: {preview.holdings.name} already holds these positions.</Body1>
      ) : (
        <Table aria-label="Changes to the holdings" size="extra-small">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Change</TableHeaderCell>
              <TableHeaderCell>Account</TableHeaderCell>
              <TableHeaderCell>Ticker</TableHeaderCell>
              <TableHeaderCell>Shares</TableHeaderCell>
              <TableHeaderCell>Price</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {plan.changes.map((c) => (
              <TableRow key={`${c.account}/${c.ticker}`}>
                <TableCell>{changeLabel[c.kind]}</TableCell>
                <TableCell>{c.account}</TableCell>
                <TableCell>{c.ticker}</TableCell>
                <TableCell>{c.ticker === 'CASH' ? beforeAfter(c, value) : beforeAfter(c, shares)}</TableCell>
                <TableCell>{c.ticker === 'CASH' ? '' : beforeAfter(c, price)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {skipped.length > 0 && (
        <details>
          <summary>
            {skipped.length} line{skipped.length === 1 ? '' : 's'} not imported (totals, pending activity)
          </summary>
          <ul style={{ margin: '4px 0', paddingLeft: 18 }}>
            {skipped.map((s) => (
              <li key={`${s.file}/${s.line}`}>
                <Caption1>
                  {s.file}, line {s.line}: {s.why}
                </Caption1>
              </li>
            ))}
          </ul>
        </details>
      )}
      {warnings.length > 0 && (
        <ul aria-label="Import warnings" style={{ margin: 0, paddingLeft: 18 }}>
          {warnings.map((w, i) => (
            <li key={i}>
              <Caption1>{w}</Caption1>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
