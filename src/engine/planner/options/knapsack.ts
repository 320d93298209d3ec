/**
 * One option per account, chosen over the household: a multiple-choice knapsack. Besides one row per
 * account (Σ y = 1) it has only the drift rows — per class e_c ≥ ±(V_c − target), Σ e_c ≤ the drift
 * cap — and, in stage 3, the tax + cost cap. Its LP is solved by column generation (only the options
 * the LP's duals price below zero join it), then HiGHS' branch and bound picks whole options among
 * the columns generated, from the incumbent, within a node budget.
 */
import type { Solver } from '../solver';
import { reachedTimeLimit } from '../solver-options';
import { SEED } from '../stages';
import { OptionTable } from './table';

export interface Knapsack {
  /** Each class's value now, and its target band (low, high), in dollars. */
  readonly base: Float64Array;
  readonly low: Float64Array;
  readonly high: Float64Array;
  readonly accounts: readonly OptionTable[];
  readonly driftCap: number;
  /** Stage 3's cap on tax + cost; null in stage 2. */
  readonly taxCap: number | null;
  readonly objective: 'taxCost' | 'trades';
}

export interface KnapsackBudget {
  /** Rounds of column generation. */
  readonly rounds: number;
  /** Options added per account and round (the most negative reduced costs). */
  readonly perRound: number;
  /** HiGHS' branch-and-bound nodes on the generated columns. */
  readonly nodes: number;
  readonly mipGap: { readonly absolute: number; readonly relative: number };
}

/** What the choice found: the option each account takes (index into its table), or null when it found none. */
export interface Choice {
  readonly options: number[] | null;
  /** True when the safety net's time limit, not the node budget, stopped HiGHS. */
  readonly timedOut: boolean;
}

/**
 * The best choice of one option per account within the budget; `seconds` is the safety net's time
 * left, HiGHS' time limit (a machine fast enough finishes the node budget long before it).
 */
export function chooseOptions(solver: Solver, problem: Knapsack, budget: KnapsackBudget, seconds: number): Choice {
  const { accounts } = problem;
  const costs = accounts.map((t) => (problem.objective === 'taxCost' ? t.taxCost : t.trades));
  const cost = (a: number, o: number) => costs[a][o];
  // Start from the incumbent's option and each account's cheapest.
  const columns: [account: number, option: number][] = [];
  const inModel = accounts.map((t) => new Uint8Array(t.count));
  const addColumn = (a: number, o: number) => {
    if (inModel[a][o]) return;
    inModel[a][o] = 1;
    columns.push([a, o]);
  };
  accounts.forEach((t, a) => {
    addColumn(a, 0);
    let cheapest = 0;
    for (let o = 1; o < t.count; o++) if (cost(a, o) < cost(a, cheapest)) cheapest = o;
    addColumn(a, cheapest);
  });
  for (let round = 0; round < budget.rounds; round++) {
    const duals = solveLp(solver, problem, columns, cost);
    if (!duals) return { options: null, timedOut: false };
    let added = 0;
    accounts.forEach((t, a) => {
      for (const o of mostNegative(problem, duals, t, a, costs[a], inModel[a], budget.perRound)) {
        addColumn(a, o);
        added++;
      }
    });
    if (added === 0) break;
  }
  return solveMip(solver, problem, columns, cost, budget, seconds);
}

interface Duals {
  readonly account: Float64Array;
  readonly over: Float64Array;
  readonly under: Float64Array;
  readonly tax: number;
}

/**
 * The options of one account with the most negative reduced costs (HiGHS': the cost less Σ row
 * coefficient × row dual), at most `count`, cheapest first (ties by index, so the choice is the same
 * on every run).
 */
function mostNegative(problem: Knapsack, duals: Duals, t: OptionTable, a: number, costs: Float64Array, inModel: Uint8Array, count: number): number[] {
  const C = t.classes;
  const price = new Float64Array(C);
  for (let c = 0; c < C; c++) price[c] = duals.under[c] - duals.over[c];
  const taxDual = problem.taxCap === null ? 0 : duals.tax;
  const best: [number, number][] = [];
  for (let o = 0; o < t.count; o++) {
    if (inModel[o]) continue;
    let rc = costs[o] - duals.account[a] - t.taxCost[o] * taxDual;
    const base = o * C;
    for (let c = 0; c < C; c++) rc -= t.delta[base + c] * price[c];
    if (rc >= -1e-7 || (best.length === count && rc >= best[count - 1][0])) continue;
    best.push([rc, o]);
    best.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
    if (best.length > count) best.pop();
  }
  return best.map(([, o]) => o);
}

/**
 * Columns: e_c for each class, then one y per generated option. Rows: one per account (= 1), over_c
 * (e_c − Σ Δ_c·y ≥ base_c − high_c), under_c (e_c + Σ Δ_c·y ≥ low_c − base_c), the drift cap and,
 * in stage 3, the tax + cost cap.
 */
function modelData(problem: Knapsack, columns: readonly [number, number][], cost: (a: number, o: number) => number, integral: boolean) {
  const C = problem.base.length;
  const A = problem.accounts.length;
  const over = A;
  const under = A + C;
  const drift = A + 2 * C;
  const tax = drift + 1;
  const numRows = problem.taxCap === null ? drift + 1 : drift + 2;
  const numCols = C + columns.length;
  const starts = [0];
  const indices: number[] = [];
  const values: number[] = [];
  const colCost = new Float64Array(numCols);
  for (let c = 0; c < C; c++) {
    indices.push(over + c, under + c, drift);
    values.push(1, 1, 1);
    starts.push(indices.length);
  }
  columns.forEach(([a, o], k) => {
    const t = problem.accounts[a];
    colCost[C + k] = cost(a, o);
    indices.push(a);
    values.push(1);
    for (let c = 0; c < C; c++) {
      const d = t.change(o, c);
      if (Math.abs(d) < 1e-9) continue;
      indices.push(over + c, under + c);
      values.push(-d, d);
    }
    if (problem.taxCap !== null && t.taxCost[o] !== 0) {
      indices.push(tax);
      values.push(t.taxCost[o]);
    }
    starts.push(indices.length);
  });
  const rowLower = new Float64Array(numRows);
  const rowUpper = new Float64Array(numRows).fill(Infinity);
  for (let a = 0; a < A; a++) rowLower[a] = rowUpper[a] = 1;
  for (let c = 0; c < C; c++) {
    rowLower[over + c] = problem.base[c] - problem.high[c];
    rowLower[under + c] = problem.low[c] - problem.base[c];
  }
  rowLower[drift] = -Infinity;
  rowUpper[drift] = problem.driftCap;
  if (problem.taxCap !== null) {
    rowLower[tax] = -Infinity;
    rowUpper[tax] = problem.taxCap;
  }
  return {
    numCols,
    numRows,
    colCost,
    colLower: new Float64Array(numCols),
    colUpper: Float64Array.from({ length: numCols }, (_, j) => (j < C ? Infinity : 1)),
    rowLower,
    rowUpper,
    matrix: { format: 'csc' as const, numRows, numCols, starts, indices, values },
    integrality: integral ? Array.from({ length: numCols }, (_, j) => (j < C ? 0 : 1)) : undefined,
  };
}

function solveLp(solver: Solver, problem: Knapsack, columns: readonly [number, number][], cost: (a: number, o: number) => number): Duals | null {
  const model = solver.createModel(modelData(problem, columns, cost, false));
  try {
    model.options.set({ output_flag: false });
    const status = model.run().modelStatus;
    if (status !== solver.constants.modelStatus.optimal) return null;
    const { rowDual } = model.getSolution();
    const C = problem.base.length;
    const A = problem.accounts.length;
    return {
      account: rowDual.slice(0, A),
      over: rowDual.slice(A, A + C),
      under: rowDual.slice(A + C, A + 2 * C),
      tax: problem.taxCap === null ? 0 : rowDual[A + 2 * C + 1],
    };
  } finally {
    model.dispose();
  }
}

function solveMip(solver: Solver, problem: Knapsack, columns: readonly [number, number][], cost: (a: number, o: number) => number, budget: KnapsackBudget, seconds: number): Choice {
  const model = solver.createModel(modelData(problem, columns, cost, true));
  try {
    model.options.set({
      output_flag: false,
      mip_max_nodes: budget.nodes,
      mip_abs_gap: budget.mipGap.absolute,
      mip_rel_gap: budget.mipGap.relative,
      random_seed: SEED,
      time_limit: seconds,
      // As in branch-and-bound.ts: this root heuristic heeds no limit, and the incumbent is a good start.
      mip_heuristic_run_root_reduced_cost: false,
    });
    // The incumbent (every account's first option), with each class's excess as it leaves it.
    const C = problem.base.length;
    const start = new Float64Array(C + columns.length);
    const value = Float64Array.from(problem.base);
    columns.forEach(([a, o], k) => {
      if (o !== 0) return;
      start[C + k] = 1;
      for (let c = 0; c < C; c++) value[c] += problem.accounts[a].change(0, c);
    });
    for (let c = 0; c < C; c++) start[c] = Math.max(0, value[c] - problem.high[c], problem.low[c] - value[c]);
    model.setSolution({ colValue: start });
    const status = model.run().modelStatus;
    const timedOut = reachedTimeLimit(model, status, solver.constants.modelStatus.timeLimit, seconds);
    if (model.info.get('primal_solution_status') !== solver.constants.solutionStatus.feasible) return { options: null, timedOut };
    const x = model.getSolution().colValue;
    const choice = problem.accounts.map(() => 0);
    columns.forEach(([a, o], k) => {
      if (x[C + k] > 0.5) choice[a] = o;
    });
    return { options: choice, timedOut };
  } finally {
    model.dispose();
  }
}
