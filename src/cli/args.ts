/** `rebal <workbook.xlsx> [--out <file.xlsx>] [--json] [--as-of YYYY-MM-DD]` */
import * as path from 'path';
import { parseIsoDate } from '../engine';
import type { IsoDate } from '../engine';
import { eachFlag, UsageError } from './flags';

export interface CliOptions {
  readonly input: string;
  readonly out: string;
  readonly json: boolean;
  readonly asOf: IsoDate | null;
}

export const USAGE = 'usage: rebal <workbook.xlsx> [--out <file.xlsx>] [--json] [--as-of YYYY-MM-DD]';

/** A mistake on the command line itself: one line, then the usage. */
export { UsageError };

export function defaultOutput(input: string): string {
  const parsed = path.parse(input);
  return path.join(parsed.dir, `${parsed.name}.rebalanced.xlsx`);
}

export function parseArgs(argv: readonly string[]): CliOptions | 'help' {
  let input: string | null = null;
  let out: string | null = null;
  let json = false;
  let asOf: IsoDate | null = null;
  const asked = eachFlag(argv, (flag, value, arg) => {
    switch (flag) {
      case '-h':
      case '--help':
        return 'help';
      case '--json':
        json = true;
        break;
      case '--out':
      case '-o':
        out = value();
        break;
      case '--as-of': {
        const text = value();
        asOf = parseIsoDate(text);
        if (asOf === null || !/^\d{4}-\d{2}-\d{2}$/.test(text)) throw new UsageError(`--as-of ${text} is not a date (use YYYY-MM-DD)`);
        break;
      }
      default:
        if (flag.startsWith('-')) throw new UsageError(`unknown option ${flag}`);
        if (input !== null) throw new UsageError(`one workbook at a time (got ${input} and ${arg})`);
        input = arg;
    }
    return undefined;
  });
  if (asked === 'help') return 'help';
  if (input === null) throw new UsageError('which workbook? give the path of an .xlsx file');
  const output = out ?? defaultOutput(input);
  if (path.resolve(output) === path.resolve(input)) throw new UsageError('--out must differ from the input: rebal never writes to your workbook');
  return { input, out: output, json, asOf };
}
