/** HiGHS loaded once per test file, as the command line loads it. */
import highsLoader from 'highs';
import type { Highs } from 'highs';

let loading: Promise<Highs> | null = null;

export function loadSolver(): Promise<Highs> {
  loading ??= highsLoader();
  return loading;
}
