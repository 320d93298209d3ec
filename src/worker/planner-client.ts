/**
 * The add-in's handle on the planner worker: draftPlan(tables, today, {onProgress, signal}) resolves
 * to the Plan. The worker starts on the first draft (so HiGHS' wasm loads on first use, not at
 * start-up) and is reused. Cancelling terminates it — a blocking solve cannot read messages — and
 * the next draft starts a fresh one.
 */
import { InputError } from '../engine';
import type { HouseholdTables, IsoDate, Plan, SolveProgress } from '../engine';
import { DraftRequest, WorkerReply } from './protocol';

/** The part of a Worker the client uses, so tests can pass an in-process one. */
export interface WorkerLike {
  onmessage: ((event: { data: WorkerReply }) => void) | null;
  postMessage(message: DraftRequest): void;
  terminate(): void;
}

export interface DraftOptions {
  /** Overrides the TimeLimit setting (seconds). */
  readonly timeLimit?: number;
  readonly onProgress?: (progress: SolveProgress) => void;
  readonly signal?: AbortSignal;
}

interface Pending {
  resolve(plan: Plan): void;
  reject(e: Error): void;
  onProgress?: (progress: SolveProgress) => void;
}

/** The worker beside the page's scripts, as webpack emits it. */
export function browserWorker(): WorkerLike {
  const base = typeof document !== 'undefined' ? document.baseURI : self.location.href;
  return new Worker(new URL('planner-worker.js', base)) as unknown as WorkerLike;
}

export class PlannerClient {
  private worker: WorkerLike | null = null;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;

  constructor(private readonly createWorker: () => WorkerLike = browserWorker) {}

  draftPlan(tables: HouseholdTables, today: IsoDate, options: DraftOptions = {}): Promise<Plan> {
    if (options.signal?.aborted) return Promise.reject(abortError());
    const worker = this.ensureWorker();
    const id = this.nextId++;
    return new Promise<Plan>((resolve, reject) => {
      this.pending.set(id, { resolve, reject, onProgress: options.onProgress });
      options.signal?.addEventListener('abort', () => this.cancel(), { once: true });
      worker.postMessage({ id, tables, today, timeLimit: options.timeLimit });
    });
  }

  /** Stops the worker; every pending draft rejects with an AbortError. */
  cancel(): void {
    this.worker?.terminate();
    this.worker = null;
    for (const p of this.pending.values()) p.reject(abortError());
    this.pending.clear();
  }

  private ensureWorker(): WorkerLike {
    if (this.worker) return this.worker;
    const worker = this.createWorker();
    worker.onmessage = (event) => this.receive(event.data);
    this.worker = worker;
    return worker;
  }

  private receive(reply: WorkerReply): void {
    const pending = this.pending.get(reply.id);
    if (!pending) return;
    if (reply.kind === 'progress') {
      pending.onProgress?.(reply.progress);
      return;
    }
    this.pending.delete(reply.id);
    if (reply.kind === 'plan') pending.resolve(reply.plan);
    else pending.reject(reply.error.input ? new InputError(reply.error.input, reply.error.input.detail) : new Error(reply.error.message));
  }
}

function abortError(): Error {
  const e = new Error('the plan was cancelled');
  e.name = 'AbortError';
  return e;
}
