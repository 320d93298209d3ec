/**
 * Placeholders for engine capabilities that arrive on other branches: the trade planner (a Web
 * Worker running the engine's planTrades) and look-through exposure (the engine's computeExposure).
 * They compute nothing and say so; the lead replaces them in index.tsx when merging.
 */
import { DraftPort, NotAvailable } from './ports';

export const plannerNotWired: DraftPort = {
  draft: () => Promise.reject(new NotAvailable('The trade planner is not part of this build yet, so trades cannot be drafted.')),
};

