/**
 * One account's options, stored flat: an account may have a few hundred thousand, and an object per
 * option costs more in garbage collection than the whole choice does. Option o's leg j is q[o·legs + j],
 * its change of class c is delta[o·classes + c].
 */
export class OptionTable {
  count = 0;
  q: Float64Array;
  delta: Float64Array;
  taxCost: Float64Array;
  trades: Float64Array;

  constructor(
    readonly account: number,
    /** The account's legs (indices into RepairState.facts), in the order of each option's quantities. */
    readonly legs: readonly number[],
    readonly classes: number,
    capacity = 64,
  ) {
    this.q = new Float64Array(capacity * legs.length);
    this.delta = new Float64Array(capacity * classes);
    this.taxCost = new Float64Array(capacity);
    this.trades = new Float64Array(capacity);
  }

  /** Appends an option: each leg's quantity, each class's change, its tax + cost and trades. */
  push(q: ArrayLike<number>, delta: ArrayLike<number>, taxCost: number, trades: number): void {
    if (this.count === this.taxCost.length) this.grow();
    const o = this.count++;
    for (let j = 0; j < this.legs.length; j++) this.q[o * this.legs.length + j] = q[j];
    for (let c = 0; c < this.classes; c++) this.delta[o * this.classes + c] = delta[c];
    this.taxCost[o] = taxCost;
    this.trades[o] = trades;
  }

  /** Option o's quantity of leg j (the account's j-th leg). */
  quantity(o: number, j: number): number {
    return this.q[o * this.legs.length + j];
  }

  /** Option o's change of class c. */
  change(o: number, c: number): number {
    return this.delta[o * this.classes + c];
  }

  private grow(): void {
    const capacity = this.taxCost.length * 2;
    const grown = (a: Float64Array, width: number) => {
      const b = new Float64Array(capacity * width);
      b.set(a);
      return b;
    };
    this.q = grown(this.q, this.legs.length);
    this.delta = grown(this.delta, this.classes);
    this.taxCost = grown(this.taxCost, 1);
    this.trades = grown(this.trades, 1);
  }
}
