/**
 * `npm run demo`: builds the example household workbook, runs the `rebal` command line on it, and
 * leaves the output workbook beside it.
 */
import * as path from 'path';
import { main } from '../src/cli/main';
import { makeHouseholdExample } from './make-examples';

async function demo(): Promise<number> {
  const workbook = await makeHouseholdExample();
  const out = workbook.replace(/\.xlsx$/, '.rebalanced.xlsx');
  const shown = (p: string) => path.relative(process.cwd(), p);
  console.log(`$ npx rebal ${shown(workbook)} --out ${shown(out)}\n`);
  return main([workbook, '--out', out]);
}

demo().then((code) => {
  process.exitCode = code;
});
