/**
 * A real formula engine hosting the REBAL functions: HyperFormula with a function plugin whose
 * methods call the same custom-function adapters Excel calls. Formulas are typed in cells, ranges
 * arrive as 2-D values, results spill, and a change to a cell recalculates the spill.
 *
 * Each REBAL function is listed once in HOSTED_FUNCTIONS; the plugin's methods are generated from it.
 * The parameter addresses Excel would pass (`@requiresParameterAddresses`) are built from the ranges'
 * positions, so messages name real worksheet rows here too.
 */
import {
  ArraySize,
  CellError,
  EmptyValue,
  ErrorType,
  FunctionArgumentType,
  FunctionPlugin,
  HyperFormula,
  SimpleRangeValue,
} from 'hyperformula';
import type { ImplementedFunctions } from 'hyperformula';
import type { Solver } from '../../src/engine';
import { drift, due, exposure } from '../../src/functions/functions';
import { tradesWithSolver } from '../../src/functions/trades-core';
import { loadSolver } from './solver';

type Matrix = unknown[][];
type Invocation = { parameterAddresses?: string[] };
/** A custom function as Excel calls it: range values, then the invocation. */
type HostedFunction = (...args: unknown[]) => Matrix;

export interface HostedSpec {
  readonly name: string;
  readonly fn: HostedFunction;
  readonly required: number;
  readonly optional: number;
}

/** REBAL.TRADES needs a loaded solver: call loadFormulaSolver() before building the workbook. */
let hostedSolver: Solver | null = null;
let hostedToday = '2026-11-21';
/** HyperFormula asks for a spill's size, then its values: one solve answers both. */
const tradesMemo = new Map<string, Matrix>();

export async function loadFormulaSolver(today = '2026-11-21'): Promise<void> {
  hostedSolver = await loadSolver();
  hostedToday = today;
}

function hostedTrades(...args: unknown[]): Matrix {
  if (!hostedSolver) throw new Error('call loadFormulaSolver() before building a workbook that uses REBAL.TRADES');
  const key = JSON.stringify(args.slice(0, 5));
  const cached = tradesMemo.get(key);
  if (cached) return cached;
  const result = (tradesWithSolver(hostedSolver, () => hostedToday) as (...a: unknown[]) => Matrix)(...args);
  tradesMemo.clear();
  tradesMemo.set(key, result);
  return result;
}

export const HOSTED_FUNCTIONS: HostedSpec[] = [
  { name: 'REBAL.DRIFT', fn: drift as HostedFunction, required: 2, optional: 2 },
  { name: 'REBAL.DUE', fn: due as HostedFunction, required: 2, optional: 2 },
  { name: 'REBAL.EXPOSURE', fn: exposure as HostedFunction, required: 2, optional: 1 },
  { name: 'REBAL.TRADES', fn: hostedTrades, required: 2, optional: 4 },
];

/** HyperFormula's error types as Excel shows them. */
const EXCEL_ERROR_TEXT: Partial<Record<ErrorType, string>> = {
  [ErrorType.DIV_BY_ZERO]: '#DIV/0!',
  [ErrorType.NA]: '#N/A',
  [ErrorType.NAME]: '#NAME?',
  [ErrorType.NUM]: '#NUM!',
  [ErrorType.REF]: '#REF!',
  [ErrorType.VALUE]: '#VALUE!',
  [ErrorType.SPILL]: '#SPILL!',
};

/**
 * HyperFormula's values → what a REBAL function is handed: blank → null, an error → its text as Excel
 * shows it (the form Office.js' Range.values gives the task pane). In Excel itself a custom function
 * declared without `allowErrorForDataTypeAny` is not called at all when its range holds an error (the
 * cell shows that error); either way the engine must never read an error as a name or a number.
 */
function toExcelValue(v: unknown): unknown {
  if (v === EmptyValue || v === undefined) return null;
  if (v instanceof CellError) return EXCEL_ERROR_TEXT[v.type] ?? `#${v.type}!`;
  if (typeof v === 'object' && v !== null && 'val' in v) return (v as { val: unknown }).val;
  return v;
}

function columnLetters(col: number): string {
  let s = '';
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

type Ast = { type: string; start?: { toSimpleCellAddress(base: unknown): { sheet: number; row: number; col: number } } };
type State = { formulaAddress: unknown };

class RebalPlugin extends FunctionPlugin {
  static implementedFunctions: ImplementedFunctions = {};

  /** Calls the adapter with the evaluated ranges; an Excel error becomes #VALUE! with its message. */
  callHosted(spec: HostedSpec, ast: { args: Ast[] }, state: State): ReturnType<HostedFunction> | CellError {
    const self = this as unknown as {
      evaluateAst(a: Ast, s: State): unknown;
      dependencyGraph: { sheetMapping: { getSheetNameOrThrowError(id: number): string } };
    };
    const values: unknown[] = [];
    const addresses: string[] = [];
    for (let i = 0; i < spec.required + spec.optional; i++) {
      const arg = ast.args[i];
      if (!arg || arg.type === 'EMPTY') {
        values.push(null);
        addresses.push('');
        continue;
      }
      const v = self.evaluateAst(arg, state);
      values.push(v instanceof SimpleRangeValue ? v.rawData().map((row) => row.map(toExcelValue)) : toExcelValue(v));
      if (arg.start) {
        const at = arg.start.toSimpleCellAddress(state.formulaAddress);
        const sheet = self.dependencyGraph.sheetMapping.getSheetNameOrThrowError(at.sheet);
        addresses.push(`'${sheet}'!${columnLetters(at.col)}${at.row + 1}`);
      } else addresses.push('');
    }
    try {
      return spec.fn(...values, { parameterAddresses: addresses } satisfies Invocation);
    } catch (e) {
      return new CellError(ErrorType.VALUE, e instanceof Error ? e.message : String(e));
    }
  }
}

function parametersOf(spec: HostedSpec) {
  return [
    ...Array.from({ length: spec.required }, () => ({ argumentType: FunctionArgumentType.RANGE })),
    ...Array.from({ length: spec.optional }, () => ({ argumentType: FunctionArgumentType.RANGE, optionalArg: true })),
  ];
}

for (const spec of HOSTED_FUNCTIONS) {
  const method = spec.name.replace(/\W/g, '_');
  const proto = RebalPlugin.prototype as unknown as Record<string, unknown>;
  proto[method] = function (this: RebalPlugin, ast: { args: Ast[] }, state: State) {
    const result = this.callHosted(spec, ast, state);
    if (result instanceof CellError || !Array.isArray(result)) return result;
    return SimpleRangeValue.onlyValues(result as never);
  };
  proto[`${method}_size`] = function (this: RebalPlugin, ast: { args: Ast[] }, state: State) {
    const result = this.callHosted(spec, ast, state);
    if (result instanceof CellError || !Array.isArray(result)) return ArraySize.scalar();
    return new ArraySize(Math.max(...result.map((r) => r.length)), result.length);
  };
  RebalPlugin.implementedFunctions[spec.name] = {
    method,
    sizeOfResultArrayMethod: `${method}_size`,
    parameters: parametersOf(spec),
  };
}

const translations = { enGB: Object.fromEntries(HOSTED_FUNCTIONS.map((f) => [f.name, f.name])) };
HyperFormula.registerFunctionPlugin(RebalPlugin, translations);

/** A workbook in HyperFormula with the REBAL functions available. Sheets are name → rows. */
export function formulaWorkbook(sheets: Record<string, unknown[][]>): HyperFormula {
  return HyperFormula.buildFromSheets(sheets as never, { licenseKey: 'gpl-v3' });
}
