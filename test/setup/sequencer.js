/**
 * Jest's own order (failed first, then slowest first), except that the suites which plan against the
 * real clock and the default 2-s TimeLimit and assert the safety net was not reached run first, in a
 * worker that has run nothing else. Late in a full run a cold draft in a fresh module registry was
 * measured at 2.4 s where it takes about 0.5 s in a fresh worker (docs/benchmarks.md, session 11);
 * these suites test the plan at the user's pace, not at the pace of a worker that has run 70 files.
 */
const path = require('path');
const Sequencer = require(require.resolve('@jest/test-sequencer', { paths: [path.dirname(require.resolve('jest'))] })).default;

const CLOCK_SENSITIVE = ['test/planner/determinism.test.ts', 'test/cli/subprocess.test.ts'];

const rank = (test) => {
  const relative = path.relative(test.context.config.rootDir, test.path).split(path.sep).join('/');
  const i = CLOCK_SENSITIVE.indexOf(relative);
  return i < 0 ? CLOCK_SENSITIVE.length : i;
};

class ClockSensitiveFirst extends Sequencer {
  sort(tests) {
    // Array.prototype.sort is stable: Jest's order holds within each rank.
    const clockSensitiveFirst = (sorted) => [...sorted].sort((a, b) => rank(a) - rank(b));
    const sorted = super.sort(tests);
    return typeof sorted?.then === 'function' ? sorted.then(clockSensitiveFirst) : clockSensitiveFirst(sorted);
  }
}

module.exports = ClockSensitiveFirst;
