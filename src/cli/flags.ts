/**
 * The command line's arguments as flags: `--out x`, `--out=x` and `-o x` alike. `visit` gets each flag
 * (or plain argument) with a `value()` that takes the flag's value — or says it is missing: `--out
 * --json` forgot the file name, and must not write a file called "--json". Returning 'help' stops.
 */
/** A mistake in how the command was typed: said on one line with the usage. */
export class UsageError extends Error {}

export function eachFlag(argv: readonly string[], visit: (flag: string, value: () => string, arg: string) => 'help' | void): 'help' | void {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, null];
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === '' || (inline === null && v.startsWith('--'))) throw new UsageError(`${flag} needs a value`);
      return v;
    };
    if (visit(flag, value, arg) === 'help') return 'help';
  }
}
