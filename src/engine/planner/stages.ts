/**
 * The three stages of "best" (PRODUCT.md) as data: what each minimises, over which model, how close to
 * its proven bound counts as best, and how much work each may do. Work is counted in repair moves and
 * branch-and-bound nodes — never in seconds — so the same workbook gives the same plan on any machine;
 * the budgets are sized so that the largest households measured (bench/, docs/benchmarks.md) finish
 * them well inside the default TimeLimit, which is only the safety net.
 */
import { Objective, Scope } from './linear-model';

export interface Budget {
  /** Moves the whole-share repair may try. */
  readonly repairMoves: number;
  /** Branch-and-bound nodes HiGHS may explore (mip_max_nodes). */
  readonly nodes: number;
  /**
   * The widest model (columns in the stage's scope) HiGHS' branch and bound searches, whole shares and
   * fractional. Its root node — presolve, cut rounds, heuristics — is bounded by no node limit and
   * grows with the model, and whole share counts make it far slower (measured on this project's 2-core
   * machine: 0.4–1.7 s on the 123–189 columns of household M's whole-share stages 2 and 3; 0.9–1.5 s
   * on 261–505 columns in fractional shares). Above `proving` the search is restricted to the legs
   * that trade in the plan so far (finding better plans, proving nothing about the whole model), and
   * above `searched` the repair's plan stands, measured against the LP bounds.
   */
  readonly maxColumns: { readonly wholeShares: Widths; readonly fractional: Widths };
}

export interface Widths {
  /** Widest model searched whole, so that HiGHS' bound proves the stage. */
  readonly proving: number;
  /** Widest model searched at all (restricted to the legs that trade, when above `proving`). */
  readonly searched: number;
}

export interface Stage {
  readonly number: 1 | 2 | 3;
  readonly objective: Objective;
  /** Drift depends only on how much of each position is traded; tax needs the lots. */
  readonly scope: Scope;
  /** How far above its proven lower bound the stage's value still counts as best (T: the household total). */
  tolerance(bound: number, T: number): number;
  /** Where HiGHS may stop searching: a little inside the tolerance, so the cap left for the next stage has room. */
  readonly mipGap: { absolute(T: number): number; readonly relative: number };
  readonly budget: Budget;
}

export const STAGES: Readonly<Record<Objective, Stage>> = {
  drift: {
    number: 1,
    objective: 'drift',
    scope: 'positions',
    // D within 0.1% of T of the best possible.
    tolerance: (_bound, T) => 1e-3 * T,
    mipGap: { absolute: (T) => 0.5e-3 * T, relative: 1e-4 },
    budget: { repairMoves: 200_000, nodes: 200, maxColumns: { wholeShares: { proving: 600, searched: 600 }, fractional: { proving: 600, searched: 600 } } },
  },
  taxCost: {
    number: 2,
    objective: 'taxCost',
    scope: 'lots',
    // Tax + cost within 1% of the cheapest for that D (and a cent, for a plan that costs nothing).
    tolerance: (bound) => 0.01 * Math.abs(bound) + 0.01,
    mipGap: { absolute: () => 0.01, relative: 0.005 },
    budget: { repairMoves: 30_000, nodes: 30, maxColumns: { wholeShares: { proving: 100, searched: 100 }, fractional: { proving: 200, searched: 200 } } },
  },
  trades: {
    number: 3,
    objective: 'trades',
    scope: 'lots',
    // Trades are whole: proven fewest when no plan can have one fewer.
    tolerance: () => 0.99,
    mipGap: { absolute: () => 0.99, relative: 0 },
    // Fractional: no search restricted to the trading legs. On a fresh process's first draft it cost
    // up to 0.9 s (the 10-account household, against a 2-s safety net) for at most one trade fewer;
    // the reweighted LPs and the across-account moves stay within 2 trades of the fewest without it
    // (docs/benchmarks.md, "A fresh process's first draft").
    budget: { repairMoves: 50_000, nodes: 50, maxColumns: { wholeShares: { proving: 100, searched: 100 }, fractional: { proving: 120, searched: 0 } } },
  },
};

/**
 * The repair's goal in stage 1, as a share of the drift tolerance above the LP bound: whole shares
 * stop at 90% so that stage 2 has room below the cap; fractional shares round at no cost.
 */
export const REPAIR_GOAL = { wholeShares: 0.9, fractional: 0.99 } as const;

/**
 * The relaxed plans the repair starts from: the cheapest with D within half the tolerance (room for
 * rounding whole shares) and within 98% of it (fractional shares, which need almost no room).
 */
export const RELAXED_STARTS = { cheap: 0.5, inside: 0.98 } as const;

/**
 * Whole shares, stage 3: the share of each tolerance (drift, tax + cost) kept free when a support is
 * also sought under lowered caps (solve.ts roomForRounding). Measured on the six seeded households
 * (docs/benchmarks.md): household L fell from 44 trades to 42 (the exact MILP's fewest is 41), the
 * 24-account one from 69 to 68; a quarter of the drift tolerance kept L at 43.
 */
export const ROUNDING_ROOM = { drift: 0.1, taxCost: 0.25 } as const;

/** HiGHS' random seed, fixed: the same model gives the same search. */
export const SEED = 7;

/**
 * Whole shares: each account's options (options/). Limits: shares either side of the anchor, legs an
 * option may open, dollars of cash it may leave above the floor, combinations tried an account, and
 * how many combinations of the anchor's traded legs a longer reach may make. Budgets: rounds of column
 * generation, options added an account a round, HiGHS' nodes on the generated columns.
 * Measured on the seeded households (docs/benchmarks.md, session 13): stage 2 needs two opened legs
 * (the 10- and 16-account households stay above 1% with one); its MIP gap of 0.5% (half the stage's
 * tolerance) cut the 10-account household's MIP from 0.4 s to 15 ms; a window of $100 finds the plans
 * $400 does with a quarter of the options. Stage 3 opens no leg around its own plan; around a sparse
 * relaxed plan (few legs an account) it moves them up to 20 shares (while their combinations stay
 * within 5,000) and opens one — the 16-account household's trades fell from 37 to 33 with it, the
 * 10-account one's to 30 (its fewest at those caps, proven by HiGHS in 600 s, is 28; within 2,000
 * combinations it stayed at 31) — and two sparse plans find what four do.
 */
export const ACCOUNT_OPTIONS = {
  taxCost: {
    limits: { reach: 3, opened: 2, cashWindow: 100, work: 1_000_000, options: 100_000, combinations: Infinity },
    budget: { rounds: 6, perRound: 3, nodes: 500, mipGap: { absolute: 0.005, relative: 0.005 } },
  },
  trades: {
    limits: { reach: 3, opened: 0, cashWindow: 100, work: 1_000_000, options: 100_000, combinations: Infinity },
    budget: { rounds: 6, perRound: 3, nodes: 500, mipGap: { absolute: 0.99, relative: 0 } },
  },
  /** Stage 3's sparse relaxed plans, one after another: how many, and their options' limits. */
  sparse: {
    plans: 2,
    limits: { reach: 20, opened: 1, cashWindow: 100, work: 1_000_000, options: 100_000, combinations: 5_000 },
  },
} as const;
