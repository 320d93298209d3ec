/** `rebal import <file.csv...> [--into <workbook.xlsx>] [--out <file.xlsx>] [--json]` */
import * as path from 'path';
import { eachFlag, UsageError } from './flags';

export interface ImportOptions {
  readonly files: readonly string[];
  /** The workbook to merge into; null prints what the files hold. */
  readonly into: string | null;
  /** Where the merged workbook is written (never `into` itself); null without `into`. */
  readonly out: string | null;
  readonly json: boolean;
}

export const IMPORT_USAGE = 'usage: rebal import <positions.csv...> [--into <workbook.xlsx>] [--out <file.xlsx>] [--json]';

/** `rebal import …`: a workbook literally named "import" is `rebal ./import`. */
export function isImportCommand(argv: readonly string[]): boolean {
  return argv[0] === 'import';
}

export function defaultImportOutput(workbook: string): string {
  const parsed = path.parse(workbook);
  return path.join(parsed.dir, `${parsed.name}.imported.xlsx`);
}

export function parseImportArgs(argv: readonly string[]): ImportOptions | 'help' {
  const files: string[] = [];
  let into: string | null = null;
  let out: string | null = null;
  let json = false;
  const asked = eachFlag(argv, (flag, value, arg) => {
    switch (flag) {
      case '-h':
      case '--help':
        return 'help';
      case '--json':
        json = true;
        break;
      case '--into':
        into = value();
        break;
      case '--out':
      case '-o':
        out = value();
        break;
      default:
        if (flag.startsWith('-')) throw new UsageError(`unknown option ${flag}`);
        files.push(arg);
    }
    return undefined;
  });
  if (asked === 'help') return 'help';
  if (files.length === 0) throw new UsageError('which files? give the positions exports (.csv) downloaded from your brokers');
  if (out !== null && into === null) throw new UsageError('--out needs --into (the workbook to import into)');
  const output = into === null ? null : (out ?? defaultImportOutput(into));
  if (output !== null && into !== null && path.resolve(output) === path.resolve(into)) {
    throw new UsageError('--out must differ from --into: rebal never writes to your workbook');
  }
  if (output !== null && files.some((f) => path.resolve(f) === path.resolve(output))) throw new UsageError(`--out ${output} is one of the files being imported`);
  return { files, into, out: output, json };
}
