/**
 * A Worker stand-in that runs the real planner service in this process (HiGHS loaded once), so the
 * add-in's planner client and the pane's DraftPort can be tested without a browser. Terminating it
 * drops whatever it would still have said, as a real Worker's terminate() does.
 */
import type { WorkerLike } from '../../src/worker/planner-client';
import { handleDraft } from '../../src/worker/planner-service';
import type { DraftRequest } from '../../src/worker/protocol';
import { loadSolver } from './solver';

export class InProcessWorker implements WorkerLike {
  onmessage: WorkerLike['onmessage'] = null;
  terminated = false;
  postMessage(request: DraftRequest): void {
    setTimeout(async () => {
      const solver = await loadSolver();
      if (this.terminated) return;
      handleDraft(request, solver, (reply) => !this.terminated && this.onmessage?.({ data: reply }), () => performance.now());
    }, 5);
  }
  terminate(): void {
    this.terminated = true;
  }
}
