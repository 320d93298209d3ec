/**
 * `rebal import <file...>`: reads broker positions exports (read locally, never uploaded), prints
 * what they hold, or merges them into a copy of the household's workbook (`--into`, written to
 * `--out`, never the input). Every file is read and checked before anything is written.
 */
import { formatCents, formatShares, importFiles, importJson, mergeImport } from '../engine';
import type { AccountMatch, Cents, ImportedFile, ImportPlan, PositionState } from '../engine';
import { checkInput, checkOutput, loadWorkbook, readRegularFile, WorkbookError, writeOutput } from './files';
import type { ImportOptions } from './import-args';
import { writeImport } from './import-workbook';
import type { Io } from './main';
import { renderTable } from './text-table';
import { WorkbookTables } from './workbook-tables';

const CSV = 'a CSV file';

/** UTF-8, as the brokers write; a file re-saved by Excel on Windows may be in Windows-1252 instead. */
function decodeText(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

export async function runImport(options: ImportOptions, io: Io): Promise<void> {
  for (const f of options.files) checkInput(f, CSV);
  if (options.into !== null) {
    checkInput(options.into);
    checkOutput({ input: options.into, out: options.out! });
  }
  const files = importFiles(options.files.map((name) => ({ name, text: decodeText(readRegularFile(name, CSV)) })));
  if (options.into === null) {
    if (options.json) io.stdout(`${JSON.stringify(importJson(files), null, 2)}\n`);
    else io.stdout(renderImported(files));
    return;
  }
  const workbook = await loadWorkbook(options.into);
  const tables = new WorkbookTables(workbook);
  const holdings = tables.find('Holdings');
  if (!holdings) throw new WorkbookError(`${options.into}: no Holdings table or sheet (name an Excel table or a sheet "Holdings")`);
  const plan = mergeImport({ holdings, accounts: tables.find('Accounts'), files });
  writeImport(tables, holdings, plan);
  await writeOutput(workbook, { input: options.into, out: options.out! });
  if (options.json) io.stdout(`${JSON.stringify(importJson(asMatched(files, plan.matches), plan.warnings), null, 2)}\n`);
  else io.stdout(`${renderMerge(files, plan)}\nWrote ${options.out}\n`);
}

/** The files with their accounts named as the workbook names them, for --json with --into. */
function asMatched(files: readonly ImportedFile[], matches: readonly AccountMatch[]): ImportedFile[] {
  return files.map((f) => {
    const to = (name: string) => matches.find((m) => m.file === f.file && m.imported === name)?.account ?? name;
    return { ...f, accounts: f.accounts.map((a) => ({ ...a, account: to(a.account) })), holdings: f.holdings.map((h) => ({ ...h, account: to(h.account) })) };
  });
}

const money = (c: Cents | null) => (c === null ? '' : formatCents(c));
const num = (n: number | null) => (n === null ? '' : formatShares(n));

function renderImported(files: readonly ImportedFile[]): string {
  const parts: string[] = [];
  for (const f of files) {
    const rows = f.holdings.map((h) => [h.account, h.ticker, num(h.shares), num(h.price), money(h.value), money(h.costBasis), h.acquired ?? '']);
    parts.push(
      `${f.file}: ${f.broker}, ${f.accounts.map((a) => a.account).join(', ')}\n\n` +
        renderTable(['Account', 'Ticker', 'Shares', 'Price', 'Value', 'Cost basis', 'Acquired'], rows, [false, false, true, true, true, true, false]),
    );
  }
  return `${[parts.join('\n\n'), notes(files, [])].filter(Boolean).join('\n\n')}\n`;
}

function notes(files: readonly ImportedFile[], extra: readonly string[]): string {
  const skipped = files.flatMap((f) => f.skipped.map((s) => `- ${s.file}, line ${s.line}: ${s.why}`));
  const warnings = [...files.flatMap((f) => f.warnings), ...extra].map((w) => `- ${w}`);
  return [skipped.length ? `Not imported (not holdings):\n${skipped.join('\n')}` : '', warnings.length ? `Warnings:\n${warnings.join('\n')}` : ''].filter(Boolean).join('\n\n');
}

const state = (s: PositionState | null, pick: 'shares' | 'price') => (s === null ? '' : num(s[pick]));

function renderMerge(files: readonly ImportedFile[], plan: ImportPlan): string {
  const matched = plan.matches.map((m) => `- ${m.imported} (${m.file}) → ${m.account}${m.by === 'new' ? ' (new account)' : `, matched by ${m.by}`}`);
  const rows = plan.changes.map((c) => [
    c.kind,
    c.account,
    c.ticker,
    state(c.before, 'shares'),
    state(c.after, 'shares'),
    state(c.before, 'price'),
    state(c.after, 'price'),
    money(c.after?.value ?? null),
  ]);
  const changes = rows.length
    ? renderTable(['Change', 'Account', 'Ticker', 'Shares before', 'Shares after', 'Price before', 'Price after', 'Value after'], rows, [false, false, false, true, true, true, true, true])
    : 'No changes: the workbook already holds these positions.';
  return [`Accounts:\n${matched.join('\n')}`, changes, notes(files, plan.warnings)].filter(Boolean).join('\n\n') + '\n';
}
