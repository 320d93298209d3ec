/**
 * The `rebal` command: reads the household's tables from a workbook with ExcelJS, runs the engine,
 * writes the result sheets into a new workbook (never the input), and prints a summary or the JSON.
 * A user's mistake is one line on stderr and exit code 1; never a stack trace.
 */
import * as fs from 'fs';
import ExcelJS from 'exceljs';
import highsLoader from 'highs';
import { isInputError, localIsoDate, readHousehold, topExposure, TRADES_HEADER, withAsOf } from '../engine';
import { CliOptions, parseArgs, USAGE, UsageError } from './args';
import { buildReport, reportJson, RebalanceReport } from './report';
import { writeExposureSheet } from './exposure-sheet';
import { renderExposure } from './exposure-text';
import { ownSheet, writeDriftSheet, writeTable, writeTradesSheet } from './sheets';
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

/** How many holdings the summary shows; the Exposure sheet and the JSON have them all. */
const TOP_EXPOSURES = 10;

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

/** Exit code 1 after the partial results are out: the plan could not be drafted from this input. */
class PlanNotDrafted extends Error {}

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
  writeExposureSheet(workbook, report.exposure, `look-through exposure as of ${report.asOf}`);
  writeTrades(workbook, report);
  await writeOutput(workbook, options);
  // Drift and exposure are out (sheets, then stdout) before a plan's error makes the exit code 1.
  const failed = report.planError;
  if (options.json) io.stdout(`${JSON.stringify(reportJson(report), null, 2)}\n`);
  else printText(report, options, io);
  if (failed) throw new PlanNotDrafted(failed.message);
}

/**
 * The Trades sheet, also when no plan could be drafted: a stale one from an earlier run must not
 * survive in the output as if it were this run's plan.
 */
function writeTrades(workbook: ExcelJS.Workbook, report: RebalanceReport): void {
  if (report.plan) {
    writeTradesSheet(workbook, report.plan, `trades drafted as of ${report.asOf}; nothing is placed until you place it`);
    return;
  }
  const sheet = ownSheet(workbook, 'Trades');
  const spill = [[...TRADES_HEADER], ['No plan', '', '', '', '', '', '', `No trades were drafted: ${report.planError?.message ?? ''}`]];
  writeTable(sheet, spill, [{ width: 20 }, { width: 9 }, { width: 8 }, { width: 10 }, { width: 14 }, { width: 14 }, { width: 14 }, { width: 90 }], `no plan could be drafted as of ${report.asOf}`);
}

function printText(report: RebalanceReport, options: CliOptions, io: Io): void {
  io.stdout(`Drift as of ${report.asOf}\n\n${renderDrift(report.drift)}\n`);
  const top = topExposure(report.exposure, TOP_EXPOSURES);
  io.stdout(`\nLargest exposures, looking through funds (top ${TOP_EXPOSURES})\n\n${renderExposure(top)}\n`);
  if (report.plan) io.stdout(`\nTrades (drafted, not placed)\n\n${renderTrades(report.plan)}\n`);
  else io.stdout('\nTrades: none drafted; the plan could not be made from this workbook (the reason is the last line, on stderr)\n');
  const warnings = (report.plan ?? report.household).warnings;
  if (warnings.length > 0) io.stdout(`\nWarnings:\n${warnings.map((w) => `- ${w.message}`).join('\n')}\n`);
  io.stdout(`\nWrote ${options.out}\n`);
}

/** True when `out` already exists and is the input itself (a link to it, or the same name in another case). */
function isSameFile(input: string, out: string): boolean {
  if (!fs.existsSync(out)) return false;
  const [a, b] = [fs.statSync(input), fs.statSync(out)];
  return a.dev === b.dev && a.ino === b.ino;
}

const WRITE_PROBLEMS: Record<string, string> = {
  ENOENT: 'its folder does not exist',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EBUSY: 'the file is open in another program (close it in Excel and run again)',
  EISDIR: 'it is a folder',
};

async function writeOutput(workbook: ExcelJS.Workbook, options: CliOptions): Promise<void> {
  if (isSameFile(options.input, options.out)) {
    throw new WorkbookError(`${options.out} is the input workbook itself; rebal never writes to your workbook (choose another --out)`);
  }
  try {
    await workbook.xlsx.writeFile(options.out);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = (code && WRITE_PROBLEMS[code]) ?? (e instanceof Error ? e.message : String(e));
    throw new WorkbookError(`cannot write ${options.out}: ${why}`);
  }
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
    if (isInputError(e) || e instanceof WorkbookError || e instanceof PlanNotDrafted) {
      io.stderr(`rebal: ${e.message}\n`);
      return 1;
    }
    // The raw message (a solver's or JavaScript's) means nothing to the user: one plain line, and
    // the detail and stack only when asked for.
    io.stderr('rebal: internal error (not a problem with your workbook); please report it, with the details REBAL_DEBUG=1 prints\n');
    if (process.env.REBAL_DEBUG) io.stderr(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    return 2;
  }
}
