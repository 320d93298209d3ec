/**
 * The `rebal` command: reads the household's tables from a workbook with ExcelJS, runs the engine,
 * writes the result sheets into a new workbook (never the input), and prints a summary or the JSON.
 * A user's mistake is one line on stderr and exit code 1; never a stack trace.
 */
import * as fs from 'fs';
import ExcelJS from 'exceljs';
import highsLoader from 'highs';
import { isInputError, localIsoDate, readHousehold, withAsOf } from '../engine';
import { CliOptions, parseArgs, USAGE, UsageError } from './args';
import { buildReport, reportJson } from './report';
import { writeDriftSheet, writeTradesSheet } from './sheets';
import { renderDrift, renderTrades } from './text-table';
import { WorkbookTables } from './workbook-tables';

export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
}

const processIo: Io = {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
};

/** A problem with the file itself (missing, not a workbook, no Holdings table). */
class WorkbookError extends Error {}

async function loadWorkbook(file: string): Promise<ExcelJS.Workbook> {
  if (!fs.existsSync(file)) throw new WorkbookError(`${file}: no such file`);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.readFile(file);
  } catch {
    throw new WorkbookError(`${file}: not an .xlsx workbook that can be read`);
  }
  return workbook;
}

async function run(options: CliOptions, io: Io, now: Date): Promise<void> {
  const workbook = await loadWorkbook(options.input);
  const tables = new WorkbookTables(workbook);
  const holdings = tables.find('Holdings');
  if (!holdings) throw new WorkbookError(`${options.input}: no Holdings table or sheet (name an Excel table or a sheet "Holdings")`);
  const household = withAsOf(
    readHousehold({
      holdings,
      targets: tables.find('Targets') ?? missing(options.input, 'Targets'),
      accounts: tables.find('Accounts'),
      settings: tables.find('Settings'),
      funds: tables.find('Funds'),
      identical: tables.find('Identical'),
    }),
    options.asOf,
    localIsoDate(now),
  );
  const report = buildReport(household, household.settings.asOf ?? localIsoDate(now), await highsLoader());
  writeDriftSheet(workbook, report.drift, `drift as of ${report.asOf}`);
  writeTradesSheet(workbook, report.plan, `trades drafted as of ${report.asOf}; nothing is placed until you place it`);
  await workbook.xlsx.writeFile(options.out);
  if (options.json) {
    io.stdout(`${JSON.stringify(reportJson(report), null, 2)}\n`);
    return;
  }
  io.stdout(`Drift as of ${report.asOf}\n\n${renderDrift(report.drift)}\n`);
  io.stdout(`\nTrades (drafted, not placed)\n\n${renderTrades(report.plan)}\n`);
  if (report.plan.warnings.length > 0) io.stdout(`\nWarnings:\n${report.plan.warnings.map((w) => `- ${w.message}`).join('\n')}\n`);
  io.stdout(`\nWrote ${options.out}\n`);
}

function missing(file: string, table: string): never {
  throw new WorkbookError(`${file}: no ${table} table or sheet (name an Excel table or a sheet "${table}")`);
}

/** Runs the command; resolves to the exit code. */
export async function main(argv: readonly string[], io: Io = processIo, now: Date = new Date()): Promise<number> {
  let options: CliOptions | 'help';
  try {
    options = parseArgs(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.stderr(`rebal: ${e.message}\n${USAGE}\n`);
    return 1;
  }
  if (options === 'help') {
    io.stdout(`${USAGE}\n`);
    return 0;
  }
  try {
    await run(options, io, now);
    return 0;
  } catch (e) {
    if (isInputError(e) || e instanceof WorkbookError) {
      io.stderr(`rebal: ${e.message}\n`);
      return 1;
    }
    const detail = e instanceof Error ? e.message : String(e);
    io.stderr(`rebal: internal error: ${detail} (set REBAL_DEBUG=1 for details)\n`);
    if (process.env.REBAL_DEBUG && e instanceof Error) io.stderr(`${e.stack}\n`);
    return 2;
  }
}
