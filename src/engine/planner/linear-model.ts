/**
 * A small builder for a mixed-integer linear program: named columns with bounds, named rows
 * lower ≤ Σ a·x ≤ upper, and several linear objectives over the same columns (the planner solves
 * them one after another). It turns into HiGHS' ModelData (CSR rows) for one objective at a time.
 *
 * The model has two scopes. Everything added before `beginLots()` is the positions model (what is
 * bought and sold of each position); what comes after refines it lot by lot (which lots a sell
 * takes, and their tax). Drift depends only on the positions, so its stage solves the positions
 * model alone: the lot columns come last, and a positions solution is a prefix of a full one.
 */
import type { ModelData } from 'highs';

export type Objective = 'drift' | 'taxCost' | 'trades';
/** The positions model alone, or with its lots (see the header). */
export type Scope = 'positions' | 'lots';
export type Term = readonly [column: number, coefficient: number];

interface Column {
  readonly name: string;
  readonly lower: number;
  readonly upper: number;
  readonly integer: boolean;
}

export interface Row {
  readonly name: string;
  readonly lower: number;
  readonly upper: number;
  readonly terms: readonly Term[];
}

export class LinearModel {
  readonly columns: Column[] = [];
  readonly rows: Row[] = [];
  private readonly costs = new Map<Objective, Map<number, number>>();
  /**
   * Absolute slack isFeasible allows on rows besides its relative one: the solver's own tolerance on
   * rows (context.ts numericTolerance; 0 at everyday sizes, so nothing changes there).
   */
  absoluteTolerance = 0;
  /** Columns and rows of the positions model (all of them until beginLots). */
  private positionColumns: number | null = null;
  private positionRows: number | null = null;

  /** Everything added from here on belongs to the lots scope. */
  beginLots(): void {
    this.positionColumns = this.columns.length;
    this.positionRows = this.rows.length;
  }

  /** Number of columns of a scope: a positions solution has this many entries. */
  columnCount(scope: Scope): number {
    return scope === 'positions' ? (this.positionColumns ?? this.columns.length) : this.columns.length;
  }

  private rowCount(scope: Scope): number {
    return scope === 'positions' ? (this.positionRows ?? this.rows.length) : this.rows.length;
  }

  column(name: string, lower: number, upper: number, integer = false): number {
    this.columns.push({ name, lower, upper, integer });
    return this.columns.length - 1;
  }

  binary(name: string): number {
    return this.column(name, 0, 1, true);
  }

  /** lower ≤ Σ coefficient·column ≤ upper; repeated columns are summed. */
  row(name: string, lower: number, upper: number, terms: readonly Term[]): void {
    const merged = new Map<number, number>();
    for (const [c, a] of terms) merged.set(c, (merged.get(c) ?? 0) + a);
    this.rows.push({ name, lower, upper, terms: [...merged].filter(([, a]) => a !== 0) });
  }

  cost(objective: Objective, column: number, coefficient: number): void {
    const costs = this.costs.get(objective) ?? new Map<number, number>();
    costs.set(column, (costs.get(column) ?? 0) + coefficient);
    this.costs.set(objective, costs);
  }

  /** The objective's value at a solution. */
  evaluate(objective: Objective, x: ArrayLike<number>): number {
    let v = 0;
    for (const [c, a] of this.costs.get(objective) ?? []) v += a * x[c];
    return v;
  }

  /** Whether x keeps every bound, integrality and row (to the solver's tolerance). */
  isFeasible(x: ArrayLike<number>, extraRows: readonly Row[] = [], tolerance = 1e-6): boolean {
    if (x.length < this.columns.length) return false;
    const columnsOk = this.columns.every(
      (c, i) => x[i] >= c.lower - tolerance && x[i] <= c.upper + tolerance && (!c.integer || Math.abs(x[i] - Math.round(x[i])) <= tolerance),
    );
    const rowOk = (r: Row) => {
      const activity = r.terms.reduce((t, [c, a]) => t + a * x[c], 0);
      const slack = tolerance * Math.max(1, Math.abs(activity)) + this.absoluteTolerance;
      return activity >= r.lower - slack && activity <= r.upper + slack;
    };
    return columnsOk && this.rows.every(rowOk) && extraRows.every(rowOk);
  }

  objectiveTerms(objective: Objective): Term[] {
    return [...(this.costs.get(objective) ?? [])];
  }

  get hasIntegers(): boolean {
    return this.columns.some((c) => c.integer);
  }

  /**
   * HiGHS model data of a scope minimising `objective`, with `extraRows` (the earlier stages' bounds)
   * appended and the columns of `fixed` held at their values (HiGHS' presolve removes them). Every number
   * is checked first (checkNumbers): the solver must never see one it cannot take.
   */
  toModelData(objective: Objective, extraRows: readonly Row[], integral: boolean, scope: Scope = 'lots', fixed: ReadonlyMap<number, number> = new Map()): ModelData {
    this.checkNumbers(objective, extraRows);
    const numCols = this.columnCount(scope);
    const rows = [...this.rows.slice(0, this.rowCount(scope)), ...extraRows];
    for (const r of extraRows) for (const [c] of r.terms) if (c >= numCols) throw new PlannerNumberError(`row ${r.name} uses column ${this.columns[c]?.name ?? c}, which is not in the ${scope} model`);
    const columns = this.columns.slice(0, numCols);
    const starts = [0];
    const indices: number[] = [];
    const values: number[] = [];
    for (const r of rows) {
      for (const [c, a] of r.terms) {
        indices.push(c);
        values.push(a);
      }
      starts.push(indices.length);
    }
    const colCost = new Float64Array(numCols);
    for (const [c, a] of this.costs.get(objective) ?? []) {
      if (c >= numCols) throw new PlannerNumberError(`the ${objective} objective uses column ${this.columns[c].name}, which is not in the ${scope} model`);
      colCost[c] = a;
    }
    return {
      numCols,
      numRows: rows.length,
      colCost,
      colLower: columns.map((c, i) => fixed.get(i) ?? c.lower),
      colUpper: columns.map((c, i) => fixed.get(i) ?? c.upper),
      rowLower: rows.map((r) => r.lower),
      rowUpper: rows.map((r) => r.upper),
      matrix: { format: 'csr', numRows: rows.length, numCols, starts, indices, values },
      integrality: integral ? columns.map((c) => (c.integer ? 1 : 0)) : undefined,
    };
  }

  /**
   * A NaN, an infinite coefficient or cost, a bound on the wrong side, or a coefficient outside what
   * HiGHS takes (it refuses |a| ≥ 1e15 and drops |a| ≤ 1e-9 as zero) is the planner's bug, not the
   * user's: it fails here with the row and column named, rather than as "rowLower[18] must be a
   * number" or "passModel failed with HiGHS status -1" from inside the solver.
   */
  checkNumbers(objective: Objective, extraRows: readonly Row[] = []): void {
    const bad = (what: string, value: number | string) => {
      throw new PlannerNumberError(`the trade planner's model has ${what} = ${value}, which the solver cannot take`);
    };
    // A finite bound at or beyond HiGHS' infinity would silently mean "no bound".
    const badBounds = (lower: number, upper: number) =>
      Number.isNaN(lower) || Number.isNaN(upper) || lower === Infinity || upper === -Infinity || lower > upper ||
      (Number.isFinite(lower) && Math.abs(lower) >= SOLVER_INFINITY) || (Number.isFinite(upper) && Math.abs(upper) >= SOLVER_INFINITY);
    for (const c of this.columns) if (badBounds(c.lower, c.upper)) bad(`column ${c.name} bounds`, `${c.lower}..${c.upper}`);
    for (const [c, a] of this.costs.get(objective) ?? []) if (!Number.isFinite(a) || Math.abs(a) >= SOLVER_INFINITY) bad(`the ${objective} cost of column ${this.columns[c].name}`, a);
    for (const r of [...this.rows, ...extraRows]) {
      if (badBounds(r.lower, r.upper) && !(r.lower > r.upper)) bad(`row ${r.name} bounds`, `${r.lower}..${r.upper}`);
      for (const [c, a] of r.terms) {
        if (!Number.isFinite(a) || Math.abs(a) >= LARGEST_COEFFICIENT || Math.abs(a) <= SMALLEST_COEFFICIENT) bad(`the coefficient of ${this.columns[c]?.name ?? `column ${c}`} in row ${r.name}`, a);
      }
    }
  }
}

/** HiGHS' defaults: large_matrix_value, small_matrix_value, and infinite_bound / infinite_cost. */
const LARGEST_COEFFICIENT = 1e15;
const SMALLEST_COEFFICIENT = 1e-9;
const SOLVER_INFINITY = 1e20;

/** A number the solver cannot take reached the model: a bug in the planner (an internal error). */
export class PlannerNumberError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PlannerNumberError';
  }
}

/** The same check for a starting solution handed to the solver. */
export function checkStart(x: ArrayLike<number>, columns: readonly { readonly name: string }[]): void {
  for (let i = 0; i < x.length; i++) {
    if (!Number.isFinite(x[i])) throw new PlannerNumberError(`the trade planner's starting plan has column ${columns[i]?.name ?? i} = ${x[i]}, which the solver cannot take`);
  }
}
