/**
 * The `rebal` command: reads the household's tables from a workbook with ExcelJS, runs the engine,
 * writes the result sheets into a new workbook (never the input), and prints a summary or the JSON.
 * A user's mistake is one line on stderr and exit code 1; never a stack trace.
 */
import * as fs from 'fs';
import ExcelJS from 'exceljs';
import highsLoader from 'highs';
import { isInputError, localIsoDate, MIX_TABLE_NAMES, oneLine, readHousehold, topExposure, withAsOf } from '../engine';
import { CliOptions, parseArgs, USAGE, UsageError } from './args';
import { buildReport, reportJson, RebalanceReport, shownWarnings } from './report';
import { writeExposureSheet } from './exposure-sheet';
import { renderExposure } from './exposure-text';
import { writeDriftSheet, writeNoPlanSheet, writeTradesSheet } from './sheets';
import { renderDrift, renderTrades } from './text-table';
import { TableLookupError, WorkbookTables } from './workbook-tables';

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

/** Why a path cannot be used, from the error stat or open gave. */
const PATH_PROBLEMS: Record<string, string> = {
  ENOENT: 'no such file',
  ENOTDIR: 'no such file (a part of the path is a file, not a folder)',
  ELOOP: 'a symbolic link that loops',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ENAMETOOLONG: 'the name is too long',
};

/** The words for an fs error's code, from one of the tables above, else the error's own message. */
function errnoProblem(e: unknown, words: Readonly<Record<string, string>>): string {
  const code = (e as NodeJS.ErrnoException).code;
  return (code && words[code]) ?? (e instanceof Error ? e.message : String(e));
}

function pathProblem(e: unknown): string {
  return errnoProblem(e, PATH_PROBLEMS);
}

/** What a path is when it is not a regular file (a folder, a FIFO, /dev/zero), else null. */
function notAFile(stats: fs.Stats): string | null {
  if (stats.isFile()) return null;
  if (stats.isDirectory()) return 'a folder';
  if (stats.isFIFO()) return 'a pipe (FIFO)';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  if (stats.isSocket()) return 'a socket';
  return 'not a regular file';
}

/**
 * O_NONBLOCK: a path checked to be a regular file could be swapped for a FIFO before it is opened; a
 * blocking open would then wait for a writer (or reader) forever. Windows has no such flag or files.
 */
const NONBLOCK = fs.constants.O_NONBLOCK ?? 0;

/** The workbook must be a regular file, known by stat without opening it (opening a FIFO waits for a writer). */
function checkInput(file: string): void {
  let stats: fs.Stats;
  try {
    stats = fs.statSync(file);
  } catch (e) {
    throw new WorkbookError(`${file}: ${pathProblem(e)}`);
  }
  const kind = notAFile(stats);
  if (kind) throw new WorkbookError(`${file}: ${kind}, not an .xlsx workbook`);
}

/** The bytes of a file that checkInput passed, checked again once open in case it was replaced since. */
function readRegularFile(file: string): Buffer {
  let fd: number | null = null;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | NONBLOCK);
    const opened = notAFile(fs.fstatSync(fd));
    if (opened) throw new WorkbookError(`${file}: ${opened}, not an .xlsx workbook`);
    return fs.readFileSync(fd);
  } catch (e) {
    if (e instanceof WorkbookError) throw e;
    throw new WorkbookError(`${file}: cannot be read: ${pathProblem(e)}`);
  } finally {
    if (fd !== null) fs.closeSync(fd);
  }
}

async function loadWorkbook(file: string): Promise<ExcelJS.Workbook> {
  const data = readRegularFile(file);
  const workbook = new ExcelJS.Workbook();
  try {
    // ExcelJS declares its own Buffer (an ArrayBuffer); at run time it takes Node's.
    await workbook.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    throw new WorkbookError(`${file}: not an .xlsx workbook that can be read`);
  }
  return workbook;
}

/** Exit code 1 after the partial results are out: the plan could not be drafted from this input. */
class PlanNotDrafted extends Error {}

async function run(options: CliOptions, io: Io, now: Date): Promise<void> {
  // Both paths before any work: a folder or a FIFO given as --out is said at once, not after the plan.
  checkInput(options.input);
  checkOutput(options);
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
      mix: MIX_TABLE_NAMES.map((name) => tables.find(name)).find((t) => t !== null) ?? null,
    }),
    options.asOf,
    localIsoDate(now),
  );
  const report = buildReport(household, household.settings.asOf ?? localIsoDate(now), await highsLoader(), tables.warnings());
  writeDriftSheet(workbook, report.drift, `drift as of ${report.asOf}`);
  writeExposureSheet(workbook, report.exposure, `look-through exposure as of ${report.asOf}`);
  if (report.plan) writeTradesSheet(workbook, report.plan, `trades drafted as of ${report.asOf}; nothing is placed until you place it`);
  else writeNoPlanSheet(workbook, report.planError?.message ?? '', `no plan could be drafted as of ${report.asOf}`);
  await writeOutput(workbook, options);
  // Drift and exposure are out (sheets, then stdout) before a plan's error makes the exit code 1.
  const failed = report.planError;
  if (options.json) io.stdout(`${JSON.stringify(reportJson(report), null, 2)}\n`);
  else printText(report, options, io);
  if (failed) throw new PlanNotDrafted(failed.message);
}

function printText(report: RebalanceReport, options: CliOptions, io: Io): void {
  io.stdout(`Drift as of ${report.asOf}\n\n${renderDrift(report.drift)}\n`);
  const top = topExposure(report.exposure, TOP_EXPOSURES);
  io.stdout(`\nLargest exposures, looking through funds (top ${TOP_EXPOSURES})\n\n${renderExposure(top)}\n`);
  if (report.plan) io.stdout(`\nTrades (drafted, not placed)\n\n${renderTrades(report.plan)}\n`);
  else io.stdout('\nTrades: none drafted; the plan could not be made from this workbook (the reason is the last line, on stderr)\n');
  const warnings = shownWarnings(report);
  if (warnings.length > 0) io.stdout(`\nWarnings:\n${warnings.map((w) => `- ${w.message}`).join('\n')}\n`);
  io.stdout(`\nWrote ${options.out}\n`);
}

/** True when `out` already exists and is the input itself (a link to it, or the same name in another case). */
function isSameFile(input: string, out: string): boolean {
  try {
    const [a, b] = [fs.statSync(input), fs.statSync(out)];
    return a.dev === b.dev && a.ino === b.ino;
  } catch {
    return false;
  }
}

const WRITE_PROBLEMS: Record<string, string> = {
  ENOENT: 'its folder does not exist',
  ENOTDIR: 'its folder does not exist',
  ELOOP: 'it is a symbolic link that loops',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EBUSY: 'the file is open in another program (close it in Excel and run again)',
  EISDIR: 'it is a folder, not a file',
  ENXIO: 'it is a pipe (FIFO), not a file',
};

function writeProblem(e: unknown): string {
  return errnoProblem(e, WRITE_PROBLEMS);
}

/** `--out` must be a new file or a regular one that is not the input: never a folder, a FIFO or a device. */
function checkOutput(options: CliOptions): void {
  if (isSameFile(options.input, options.out)) {
    throw new WorkbookError(`${options.out} is the input workbook itself; rebal never writes to your workbook (choose another --out)`);
  }
  let stats: fs.Stats;
  try {
    stats = fs.statSync(options.out);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return; // a new file; a missing folder is said when writing
    throw new WorkbookError(`cannot write ${options.out}: ${writeProblem(e)}`);
  }
  const kind = notAFile(stats);
  if (kind) throw new WorkbookError(`cannot write ${options.out}: it is ${kind}, not a file`);
}

async function writeOutput(workbook: ExcelJS.Workbook, options: CliOptions): Promise<void> {
  checkOutput(options);
  const data = Buffer.from(await workbook.xlsx.writeBuffer());
  let fd: number | null = null;
  try {
    fd = fs.openSync(options.out, fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_TRUNC | NONBLOCK, 0o666);
    const kind = notAFile(fs.fstatSync(fd));
    if (kind) throw new WorkbookError(`cannot write ${options.out}: it is ${kind}, not a file`);
    fs.writeFileSync(fd, data);
  } catch (e) {
    if (e instanceof WorkbookError) throw e;
    throw new WorkbookError(`cannot write ${options.out}: ${writeProblem(e)}`);
  } finally {
    if (fd !== null) fs.closeSync(fd);
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
    io.stderr(`rebal: ${oneLine(e.message)}\n${USAGE}\n`);
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
    if (isInputError(e) || e instanceof WorkbookError || e instanceof TableLookupError || e instanceof PlanNotDrafted) {
      // A file name may hold a line break; the message stays one line (⏎) whatever it quotes.
      io.stderr(`rebal: ${oneLine(e.message)}\n`);
      return 1;
    }
    // The raw message (a solver's or JavaScript's) means nothing to the user: one plain line, and
    // the detail and stack only when asked for.
    io.stderr('rebal: internal error (not a problem with your workbook); please report it, with the details REBAL_DEBUG=1 prints\n');
    if (process.env.REBAL_DEBUG) io.stderr(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    return 2;
  }
}
