/**
 * The last check before a spill reaches Excel: every number in it finite. The engine never makes a
 * NaN or an Infinity from input it accepted (the readers refuse what could overflow); should a bug
 * ever make one, the cell says the add-in could not finish rather than showing #NUM! or a wrong 0.
 */
export function finiteSpill<T extends readonly (readonly unknown[])[]>(spill: T): T {
  for (const row of spill) {
    for (const v of row) if (typeof v === 'number' && !Number.isFinite(v)) throw new Error('a result is not a finite number');
  }
  return spill;
}
