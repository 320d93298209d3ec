/**
 * Excel's cell values → the engine's cells. `Range.values` gives a data-type cell (a Stocks cell) only
 * as text, or as the #VALUE! its basic value is; `Range.valuesAsJson` (ExcelApi 1.16) gives the
 * whole value. Where the host has it, entities are handed to the engine in the documented shape
 * (type, text, and properties that are cell values with a basicValue); every other cell stays what
 * `values` says, so the two reads cannot disagree about plain numbers, text, dates or errors.
 */
import type { Cell, EntityCell } from '../engine';

/** The requirement set that brought `valuesAsJson` and the entity cell values. */
export const VALUES_AS_JSON_SET = { name: 'ExcelApi', version: '1.16' } as const;

/** What Office.context.requirements answers; injected so tests and older hosts can say no. */
export interface Requirements {
  isSetSupported(name: string, version: string): boolean;
}

const ENTITY_TYPES = new Set(['Entity', 'LinkedEntity']);

/** One cell of `valuesAsJson` as an EntityCell when it is an entity, else null. */
export function entityOf(json: unknown): EntityCell | null {
  if (typeof json !== 'object' || json === null) return null;
  const value = json as { type?: unknown; text?: unknown; properties?: unknown };
  if (typeof value.type !== 'string' || !ENTITY_TYPES.has(value.type)) return null;
  const properties = typeof value.properties === 'object' && value.properties !== null ? value.properties : {};
  return { type: value.type, text: typeof value.text === 'string' ? value.text : undefined, properties };
}

/** `values`, with each entity cell of `valuesAsJson` (when read) put in its place. */
export function cellsOf(values: readonly (readonly unknown[])[], json: readonly (readonly unknown[])[] | null): Cell[][] {
  return values.map((row, r) =>
    row.map((plain, c) => {
      const entity = json ? entityOf(json[r]?.[c]) : null;
      return entity ?? (plain as Cell);
    }),
  );
}
