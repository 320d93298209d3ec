/**
 * A failure that is not the user's (here: the solver itself throws, as a broken wasm load or a bug in
 * the planner would) is one plain line and exit 2 — never the raw solver message — and REBAL_DEBUG=1
 * adds the detail for a bug report.
 */
import * as fs from 'fs';
import * as path from 'path';
import { asTables, household, rebal, tempDir, writeBook } from './workbooks';

jest.mock('highs', () => () =>
  Promise.resolve({
    createModel: () => {
      throw new Error('passModel failed with HiGHS status -1');
    },
  }),
);

let dir: string;
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
  delete process.env.REBAL_DEBUG;
});

it('is one line without the solver message, exit 2', async () => {
  const input = await writeBook(path.join(dir, 'h.xlsx'), asTables(household()));
  const run = await rebal([input, '--json']);
  expect(run.code).toBe(2);
  expect(run.stderr).toBe('rebal: internal error (not a problem with your workbook); please report it, with the details REBAL_DEBUG=1 prints\n');
  expect(run.stderr).not.toContain('HiGHS');
});

it('with REBAL_DEBUG=1, the detail and stack follow the line', async () => {
  process.env.REBAL_DEBUG = '1';
  const input = await writeBook(path.join(dir, 'h.xlsx'), asTables(household()));
  const run = await rebal([input]);
  expect(run.code).toBe(2);
  const [first, ...rest] = run.stderr.trimEnd().split('\n');
  expect(first).toBe('rebal: internal error (not a problem with your workbook); please report it, with the details REBAL_DEBUG=1 prints');
  expect(rest.join('\n')).toContain('passModel failed with HiGHS status -1');
});
