/** HiGHS loaded once per test file, as the command line loads it (src/cli/solver.ts). */
export { loadSolver } from '../../src/cli/solver';
