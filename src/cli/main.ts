/**
 * The `rebal` command: reads the household's tables from a workbook with ExcelJS, runs the engine,
 * writes the result sheets into a new workbook (never the input), and prints a summary or the JSON.
 * A user's mistake is one line on stderr and exit code 1; never a stack trace.
 */
import { isImportError, isInputError, localIsoDate, MIX_TABLE_NAMES, oneLine, readHousehold, topExposure, withAsOf } from '../engine';
import { CliOptions, parseArgs, USAGE, UsageError } from './args';
import { checkInput, checkOutput, loadWorkbook, WorkbookError, writeOutput } from './files';
import { runImport } from './import-command';
import { IMPORT_USAGE, ImportOptions, isImportCommand, parseImportArgs } from './import-args';
import { loadSolver } from './solver';
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
  const report = buildReport(household, household.settings.asOf ?? localIsoDate(now), await loadSolver(), tables.warnings());
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


function missing(file: string, table: string): never {
  throw new WorkbookError(`${file}: no ${table} table or sheet (name an Excel table or a sheet "${table}")`);
}

/** Runs the command (`rebal <workbook>` or `rebal import <file...>`); resolves to the exit code. */
export async function main(argv: readonly string[], io: Io = processIo, now: Date = new Date()): Promise<number> {
  const importing = isImportCommand(argv);
  let options: CliOptions | ImportOptions | 'help';
  try {
    options = importing ? parseImportArgs(argv.slice(1)) : parseArgs(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.stderr(`rebal: ${oneLine(e.message)}\n${importing ? IMPORT_USAGE : USAGE}\n`);
    return 1;
  }
  if (options === 'help') {
    // `rebal --help` names both commands; `rebal import --help` the import alone.
    io.stdout(`${importing ? IMPORT_USAGE : `${USAGE}\n${IMPORT_USAGE.replace('usage: ', '       ')}`}\n`);
    return 0;
  }
  try {
    if ('files' in options) await runImport(options, io);
    else await run(options, io, now);
    return 0;
  } catch (e) {
    if (isInputError(e) || isImportError(e) || e instanceof WorkbookError || e instanceof TableLookupError || e instanceof PlanNotDrafted) {
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
