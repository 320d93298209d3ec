/**
 * The planner's Web Worker entry (webpack bundles it as planner-worker.js). HiGHS' wasm is loaded on
 * the first request — webpack emits it as an asset and rewrites the loader's URL to it — and kept for
 * the next ones. The solve blocks this thread, never Excel's.
 */
import highsLoader from 'highs';
import type { Solver } from '../engine';
import { handleDraft } from './planner-service';
import { DraftRequest, WorkerReply } from './protocol';

interface WorkerScope {
  onmessage: ((event: MessageEvent<DraftRequest>) => void) | null;
  postMessage(message: WorkerReply): void;
}

const scope = self as unknown as WorkerScope;
let solver: Promise<Solver> | null = null;

function loadSolver(): Promise<Solver> {
  solver ??= highsLoader();
  return solver;
}

scope.onmessage = (event) => {
  const request = event.data;
  loadSolver().then(
    (loaded) => handleDraft(request, loaded, (reply) => scope.postMessage(reply), () => performance.now()),
    (e: unknown) => scope.postMessage({ id: request.id, kind: 'error', error: { message: `the solver could not load: ${e instanceof Error ? e.message : String(e)}`, input: null } }),
  );
};
