/**
 * What the planner is given to solve with: the HiGHS instance the adapter loaded, the safety net's
 * time limit and clock, and where progress goes. Types only, so every stage module can name them
 * without importing the stages.
 */
import type { Highs } from 'highs';

/** The solver as the adapters load it: `await require('highs')()` in Node, in a Web Worker in Excel. */
export type Solver = Highs;

export interface SolveOptions {
  /** Seconds the planner may run before the safety net stops it (the TimeLimit setting). */
  readonly timeLimit: number;
  /** Asked at the solver's checkpoints; true stops the search and keeps the best plan so far. */
  readonly shouldStop?: () => boolean;
  readonly onProgress?: (progress: SolveProgress) => void;
  /** Clock for the safety net (injected: the engine reads no clock of its own). */
  readonly now?: () => number;
}

export interface SolveProgress {
  readonly stage: 1 | 2 | 3;
  readonly gap: number | null;
}
