/**
 * The ExposurePort over the engine's look-through. It runs on the pane's thread: look-through of a
 * household's funds is a single pass over the Funds table (about a plain Map aggregation's cost; see
 * docs/benchmarks.md), so a worker would add more latency than it saves.
 */
import { centsToNumber, computeExposure, readHousehold } from '../engine';
import type { ExposurePort, ExposureResult } from './ports';

export const engineExposure: ExposurePort = {
  exposure: async ({ tables, top }): Promise<ExposureResult> => {
    const report = computeExposure(readHousehold(tables), { top });
    return {
      rows: report.rows.map((r) => ({
        holding: r.holding,
        direct: centsToNumber(r.direct),
        viaFunds: centsToNumber(r.viaFunds),
        total: centsToNumber(r.total),
        weight: r.weight,
        via: r.via.map((v) => v.fund),
      })),
      flags: report.flags.map((f) => ({ holding: f.holding, weight: f.weight, limit: f.limit, message: f.message })),
    };
  },
};
