/**
 * `npm run bench`: every benchmark of the project, sizes and timings as tables, each against a plain
 * baseline timed in the same run. Results are recorded in docs/benchmarks.md.
 */
import * as os from 'os';
import { benchDrift } from './drift';
import { benchExposure } from './exposure';
import { benchPlanner } from './planner';
import { benchReading } from './reading';

interface Section {
  readonly title: string;
  run(): string | Promise<string>;
}

const SECTIONS: Section[] = [
  { title: 'Drift (REBAL.DRIFT): median of repeated runs', run: benchDrift },
  { title: 'Exposure (REBAL.EXPOSURE look-through): median of repeated runs', run: benchExposure },
  { title: 'Trade planner (REBAL.TRADES): median of repeated runs, TimeLimit 2 s', run: benchPlanner },
  { title: 'Reading a workbook: holdings with a stray cell at XFD1048576 (ExcelJS load + WorkbookTables + readHousehold), median of repeated runs', run: benchReading },
];

async function main(): Promise<void> {
  const only = process.argv.slice(2).map((a) => a.toLowerCase());
  console.log(`Node ${process.version} on ${os.cpus()[0]?.model ?? 'unknown CPU'} (${os.cpus().length} cores)\n`);
  for (const section of SECTIONS) {
    if (only.length > 0 && !only.some((o) => section.title.toLowerCase().includes(o))) continue;
    console.log(`## ${section.title}\n`);
    console.log(`${await section.run()}\n`);
  }
}

main();
