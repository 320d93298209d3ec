/**
 * Funds that hold funds form a graph; look-through expands it recursively, which is only possible when
 * no fund holds itself, directly or through others. A circle is the user's mistake (usually a pasted
 * row under the wrong fund), so it is reported as bad input naming the whole circle and the row that
 * closes it.
 */
import { InputError } from './errors';
import { FundWeight } from './model';

interface Edge {
  readonly to: string;
  readonly row: number;
}

/** Fund → the rows where it holds another fund of the table. */
export function fundEdges(weights: readonly FundWeight[]): Map<string, Edge[]> {
  const funds = new Set<string>();
  for (const w of weights) funds.add(w.fund);
  const edges = new Map<string, Edge[]>();
  for (const w of weights) {
    if (!funds.has(w.holding)) continue;
    const list = edges.get(w.fund) ?? [];
    list.push({ to: w.holding, row: w.row });
    edges.set(w.fund, list);
  }
  return edges;
}

/** Throws `Funds, row 7, column Holding: FUNDA → FUNDB → FUNDA is a cycle` for the first circle found. */
export function checkFundCycles(weights: readonly FundWeight[], table: string, column: string): void {
  const edges = fundEdges(weights);
  const done = new Set<string>();
  const path: string[] = [];
  const onPath = new Set<string>();
  const visit = (fund: string): void => {
    if (done.has(fund)) return;
    path.push(fund);
    onPath.add(fund);
    for (const edge of edges.get(fund) ?? []) {
      if (onPath.has(edge.to)) {
        const circle = [...path.slice(path.indexOf(edge.to)), edge.to];
        throw new InputError({ table, row: edge.row, column }, `${circle.join(' → ')} is a cycle: a fund cannot hold itself, directly or through other funds`);
      }
      visit(edge.to);
    }
    path.pop();
    onPath.delete(fund);
    done.add(fund);
  };
  for (const fund of edges.keys()) visit(fund);
}
