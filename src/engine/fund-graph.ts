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

/**
 * How deep funds may hold funds. Real funds of funds nest two or three levels (a target-date fund
 * holding total-market funds); a longer chain is a pasted table gone wrong, and expanding it would
 * cost memory in the square of its length.
 */
export const MAX_FUND_DEPTH = 50;

/**
 * Throws `Funds, row 7, column Holding: FUNDA → FUNDB → FUNDA is a cycle` for the first circle found,
 * and names a chain of funds nested deeper than MAX_FUND_DEPTH. The walk keeps its own stack, so a
 * chain thousands long costs memory, never the call stack.
 */
export function checkFundCycles(weights: readonly FundWeight[], table: string, column: string): void {
  const edges = fundEdges(weights);
  /** Longest chain of funds below each finished fund (1 for a fund holding no fund). */
  const depth = new Map<string, number>();
  for (const root of edges.keys()) {
    if (depth.has(root)) continue;
    const path: { fund: string; next: number }[] = [{ fund: root, next: 0 }];
    const onPath = new Set<string>([root]);
    while (path.length > 0) {
      const top = path[path.length - 1];
      const out = edges.get(top.fund) ?? [];
      if (top.next < out.length) {
        const edge = out[top.next++];
        if (onPath.has(edge.to)) {
          const funds = path.map((p) => p.fund);
          const circle = [...funds.slice(funds.indexOf(edge.to)), edge.to];
          throw new InputError({ table, row: edge.row, column }, `${shorten(circle)} is a cycle: a fund cannot hold itself, directly or through other funds`);
        }
        if (depth.has(edge.to)) continue;
        if (path.length >= MAX_FUND_DEPTH) {
          throw new InputError(
            { table, row: edge.row, column },
            `${shorten([...path.map((p) => p.fund), edge.to])} nests funds more than ${MAX_FUND_DEPTH} levels deep; real funds of funds nest two or three (check the Fund column)`,
          );
        }
        path.push({ fund: edge.to, next: 0 });
        onPath.add(edge.to);
        continue;
      }
      let below = 0;
      for (const edge of out) below = Math.max(below, depth.get(edge.to) ?? 0);
      if (below + 1 > MAX_FUND_DEPTH) {
        throw new InputError(
          { table, row: out[0].row, column },
          `${top.fund} holds funds nested more than ${MAX_FUND_DEPTH} levels deep; real funds of funds nest two or three (check the Fund column)`,
        );
      }
      depth.set(top.fund, below + 1);
      path.pop();
      onPath.delete(top.fund);
    }
  }
}

/** A chain of funds for a message: the first three, an ellipsis, and the last two when it is long. */
function shorten(funds: readonly string[]): string {
  return (funds.length <= 6 ? funds : [...funds.slice(0, 3), '…', ...funds.slice(-2)]).join(' → ');
}
