/**
 * sparsify.ts: reweighted LPs find a smaller trade set within both caps, and the plan on it keeps every
 * rule. Two IRAs that each buy US Stocks and Bonds can do the same with one buy each.
 */
import { RepairState } from '../../src/engine/planner/repair';
import { Row } from '../../src/engine/planner/linear-model';
import { sparserPlan } from '../../src/engine/planner/sparsify';
import { loadSolver } from '../support/solver';
import { legAt, twoIras } from './model-helpers';

describe.each([false, true])('sparserPlan (whole shares %s)', (whole) => {
  test('four buys become two, within both caps, keeping every rule', async () => {
    const solver = await loadSolver();
    const pm = twoIras(whole);
    const s = new RepairState(pm);
    const leg = (account: string, ticker: string) => legAt(pm, account, ticker);
    const q = new Float64Array(pm.legs.length);
    q[leg('IRA A', 'VTI')] = 40;
    q[leg('IRA A', 'BND')] = 59;
    q[leg('IRA B', 'VTI')] = 59;
    q[leg('IRA B', 'BND')] = 40;
    s.set(q);
    const start = s.columns();
    expect(pm.model.evaluate('trades', start)).toBe(4);
    const caps: Row[] = [
      { name: 'drift', lower: -Infinity, upper: pm.model.evaluate('drift', start) + 1e-6, terms: pm.model.objectiveTerms('drift') },
      { name: 'taxCost', lower: -Infinity, upper: pm.model.evaluate('taxCost', start) + 1e-6, terms: pm.model.objectiveTerms('taxCost') },
    ];
    const sparse = sparserPlan(solver, pm, caps, start, start, 50, 10);
    expect(sparse.timedOut).toBe(false);
    expect(sparse.plans).toHaveLength(whole ? 2 : 1);
    for (const x of sparse.plans) {
      expect(pm.model.evaluate('trades', x)).toBe(2);
      if (!whole) expect(pm.model.isFeasible(x, caps)).toBe(true); // whole shares: the caller rounds it (repairRounded)
    }
  });

  test('nothing sparser to find: no plan', async () => {
    const solver = await loadSolver();
    const pm = twoIras(whole);
    const s = new RepairState(pm);
    const q = new Float64Array(pm.legs.length);
    q[legAt(pm, 'IRA A', 'BND')] = 99;
    s.set(q);
    const start = s.columns();
    const caps: Row[] = [{ name: 'drift', lower: -Infinity, upper: pm.model.evaluate('drift', start) + 1e-6, terms: pm.model.objectiveTerms('drift') }];
    expect(sparserPlan(solver, pm, caps, start, start, 50, 10).plans).toEqual([]);
    expect(sparserPlan(solver, pm, caps, start, new Float64Array(start.length), 50, 10).plans).toEqual([]);
  });
});
