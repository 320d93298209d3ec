/**
 * HiGHS for a Node process (the command line, and the tests that stand in for it), loaded once.
 *
 * Before HiGHS' WebAssembly is compiled, V8 is told to keep it in its baseline compiler (Liftoff) and
 * never recompile it optimised (TurboFan). By default V8 recompiles each HiGHS function that runs hot
 * on background threads; on a 2-core machine that work (about 2.3 s of CPU for household M's first
 * draft) competes with the planner's own thread, and a fresh process's first draft — the only draft a
 * command-line run makes — took 2–3 times as long as with Liftoff only, past the 2-s TimeLimit on the
 * larger households (docs/benchmarks.md, "Jest's pace, and HiGHS kept in Liftoff on the command line"). The planner's HiGHS calls are
 * short, so optimised code would pay for itself only over many drafts in one process.
 *
 * Node only: a browser takes no V8 flags, so the add-in's worker (src/worker/) loads HiGHS as it is.
 */
import * as v8 from 'v8';
import highsLoader from 'highs';
import type { Solver } from '../engine';

const WASM_FLAGS = '--liftoff-only';

let loading: Promise<Solver> | null = null;

export function loadSolver(): Promise<Solver> {
  if (!loading) {
    v8.setFlagsFromString(WASM_FLAGS);
    loading = highsLoader();
  }
  return loading;
}
