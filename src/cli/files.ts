/**
 * The command line's files: an input must be a regular file (never a folder, a FIFO or a device, which
 * would hang or mislead), read once open in case it was swapped; an output is never an input, and is
 * written without following it into a FIFO. Problems are one line naming the file.
 */
import * as fs from 'fs';
import ExcelJS from 'exceljs';

/** A problem with the file itself (missing, not a workbook, no Holdings table). */
export class WorkbookError extends Error {}

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

/** An input must be a regular file, known by stat without opening it (opening a FIFO waits for a writer). */
export function checkInput(file: string, kind = 'an .xlsx workbook'): void {
  let stats: fs.Stats;
  try {
    stats = fs.statSync(file);
  } catch (e) {
    throw new WorkbookError(`${file}: ${pathProblem(e)}`);
  }
  const problem = notAFile(stats);
  if (problem) throw new WorkbookError(`${file}: ${problem}, not ${kind}`);
}

/** The bytes of a file that checkInput passed, checked again once open in case it was replaced since. */
export function readRegularFile(file: string, kind = 'an .xlsx workbook'): Buffer {
  let fd: number | null = null;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | NONBLOCK);
    const opened = notAFile(fs.fstatSync(fd));
    if (opened) throw new WorkbookError(`${file}: ${opened}, not ${kind}`);
    return fs.readFileSync(fd);
  } catch (e) {
    if (e instanceof WorkbookError) throw e;
    throw new WorkbookError(`${file}: cannot be read: ${pathProblem(e)}`);
  } finally {
    if (fd !== null) fs.closeSync(fd);
  }
}

export async function loadWorkbook(file: string): Promise<ExcelJS.Workbook> {
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
/** Where a command reads its workbook and writes its result. */
export interface OutputPaths {
  readonly input: string;
  readonly out: string;
}

/** True when `out` already exists and is the input itself (a link to it, or the same name in another case). */
export function isSameFile(input: string, out: string): boolean {
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
export function checkOutput(options: OutputPaths): void {
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

export async function writeOutput(workbook: ExcelJS.Workbook, options: OutputPaths): Promise<void> {
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
