/**
 * `npm run bench`: every benchmark of the project, sizes and timings as tables, each against a plain
 * baseline timed in the same run. Results are recorded in docs/benchmarks.md.
 *
 * `npm run bench -- planner` (any words) runs only the sections whose titles contain them. The
 * planner against the exact MILP is slow and runs only when asked for: `npm run bench -- exact`
 * (REBAL_BENCH_EXACT_SECONDS: time limit per stage, default 60; REBAL_BENCH_EXACT_HOUSEHOLDS: e.g.
 * "S,M,10" to run only those households).
 */
import * as os from 'os';
import { benchDrift } from './drift';
import { benchExposure } from './exposure';
import { benchImport } from './import';
import { benchMix } from './mix';
import { benchFirstDraft } from './first-draft';
import { benchPlanner, benchPlannerExact } from './planner';
import { benchReading } from './reading';

interface Section {
  readonly title: string;
  run(): string | Promise<string>;
  /** Slow: run only when this word is asked for (`npm run bench -- exact`), never by another section's word. */
  readonly optIn?: string;
}

const SECTIONS: Section[] = [
  { title: 'Drift (REBAL.DRIFT): median of repeated runs', run: benchDrift },
  { title: 'Exposure (REBAL.EXPOSURE look-through): median of repeated runs', run: benchExposure },
  { title: 'Trade planner (REBAL.TRADES): median of repeated runs, TimeLimit 2 s', run: benchPlanner },
  { title: "Trade planner: a fresh process's first draft (as the command line drafts), against a warm draft, TimeLimit 2 s", run: benchFirstDraft },
  { title: 'Trade planner vs the exact MILP (HiGHS, long limit)', run: benchPlannerExact, optIn: 'exact' },
  { title: 'Broker import (rebal import): a 5,000-line export against papaparse alone, median of repeated runs', run: benchImport },
  { title: 'Funds that span classes: drift and planning with 20% of the household in mixed funds, against the same household without', run: benchMix },
  { title: 'Reading a workbook: holdings with a stray cell at XFD1048576 (ExcelJS load + WorkbookTables + readHousehold), median of repeated runs', run: benchReading },
];

async function main(): Promise<void> {
  const only = process.argv.slice(2).map((a) => a.toLowerCase());
  console.log(`Node ${process.version} on ${os.cpus()[0]?.model ?? 'unknown CPU'} (${os.cpus().length} cores)\n`);
  for (const section of SECTIONS) {
    const asked = section.optIn !== undefined ? only.includes(section.optIn) : only.length === 0 || only.some((o) => section.title.toLowerCase().includes(o));
    if (!asked) continue;
    console.log(`## ${section.title}\n`);
    console.log(`${await section.run()}\n`);
  }
}

main();
