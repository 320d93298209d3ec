/**
 * The safety net is said whenever it may have shaped the plan. HiGHS gives each sub-MIP of its root
 * (RENS, RINS) the run's time left as its own limit and a sub-MIP stopped there returns its best
 * silently, so a run can end "optimal" or at its node limit having been cut short by the clock. Its own
 * clock (getRunTime) reaching the time limit it was given is the sign: the plan must then say
 * timeLimitReached, whatever status the run ended with.
 */
import type { Solver } from '../../src/engine';
import { planTrades } from '../../src/engine';
import { sparserPlan } from '../../src/engine/planner/sparsify';
import { Row } from '../../src/engine/planner/linear-model';
import { RepairState } from '../../src/engine/planner/repair';
import { SIZES, syntheticHousehold, toHousehold } from '../../bench/planner-households';
import { loadSolver } from '../support/solver';
import { legAt, twoIras } from './model-helpers';

/**
 * The real solver, except that every MILP (a run given mip_max_nodes) reports that its clock reached
 * the time_limit it was given: what a sub-MIP cut short by the clock looks like from outside.
 */
function clockAtLimit(real: Solver): { solver: Solver; milps: () => number } {
  let milps = 0;
  const wrap = (model: ReturnType<Solver['createModel']>) => {
    let limit: number | null = null;
    let milp = false;
    return new Proxy(model, {
      get(target, prop) {
        if (prop === 'options') {
          const options = target.options;
          return new Proxy(options, {
            get(o, p) {
              const v = Reflect.get(o, p, o);
              if (p !== 'set' || typeof v !== 'function') return typeof v === 'function' ? v.bind(o) : v;
              return (values: Record<string, unknown>) => {
                if (typeof values.time_limit === 'number') limit = values.time_limit;
                if ('mip_max_nodes' in values) milp = true;
                return (v as (x: unknown) => unknown).call(o, values);
              };
            },
          });
        }
        if (prop === 'run') {
          return (...args: unknown[]) => {
            const result = (target.run as (...a: unknown[]) => unknown).apply(target, args);
            if (milp) milps++;
            return result;
          };
        }
        if (prop === 'getRunTime') return () => (milp && limit !== null ? limit : target.getRunTime());
        const value = Reflect.get(target, prop, target);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
  };
  const solver = new Proxy(real, {
    get(target, prop) {
      if (prop === 'createModel') return (...args: Parameters<Solver['createModel']>) => wrap(target.createModel(...args));
      const value = Reflect.get(target, prop, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return { solver, milps: () => milps };
}

let real: Solver;
beforeAll(async () => {
  real = await loadSolver();
}, 30_000);

test('a plan whose MILPs ran into their time limit says so, whatever status they ended with', () => {
  const h = toHousehold(syntheticHousehold(SIZES[1], 11, true));
  const unhurried = planTrades(h, real, { now: () => 0 });
  expect(unhurried.summary.gap.timeLimitReached).toBe(false);
  const { solver, milps } = clockAtLimit(real);
  const cut = planTrades(h, solver, { now: () => 0 });
  expect(milps()).toBeGreaterThan(0);
  expect(cut.summary.gap.timeLimitReached).toBe(true);
  // Proven within the tolerances or not, the plan says the net was reached.
  expect(cut.warnings.find((w) => w.kind === 'planNotProven' || w.kind === 'timeLimitReached')?.message).toMatch(/time limit/);
}, 30_000);

test('the sparsest-support solve says so too', () => {
  const pm = twoIras(true);
  const s = new RepairState(pm);
  const q = new Float64Array(pm.legs.length);
  q[legAt(pm, 'IRA A', 'VTI')] = 40;
  q[legAt(pm, 'IRA A', 'BND')] = 59;
  q[legAt(pm, 'IRA B', 'VTI')] = 59;
  q[legAt(pm, 'IRA B', 'BND')] = 40;
  s.set(q);
  const start = s.columns();
  const caps: Row[] = (['drift', 'taxCost'] as const).map((name) => ({ name, lower: -Infinity, upper: pm.model.evaluate(name, start) + 1e-6, terms: pm.model.objectiveTerms(name) }));
  expect(sparserPlan(real, pm, caps, start, start, 50, 10).timedOut).toBe(false);
  const { solver } = clockAtLimit(real);
  expect(sparserPlan(solver, pm, caps, start, start, 50, 10).timedOut).toBe(true);
});
