/**
 * Where the rows of a virtual list are, when every row is `estimate` pixels tall but the few measured
 * (`measured`: index → height). A row's top is found among the measured rows only — their indexes in
 * order and the running sum of how much each differs —, never by summing all the rows: a 100,000-row
 * list that changes as an import or a sync goes on would redo that at every change.
 */
export class RowOffsets {
  private readonly indexes: number[];
  private readonly sums: Float64Array;

  constructor(
    private readonly estimate: number,
    measured: ReadonlyMap<number, number>,
  ) {
    this.indexes = [...measured.keys()].sort((a, b) => a - b);
    this.sums = new Float64Array(this.indexes.length + 1);
    this.indexes.forEach((index, k) => (this.sums[k + 1] = (this.sums[k] ?? 0) + (measured.get(index) ?? estimate) - estimate));
  }

  /** The top of row `index` (the list's height when `index` is the row count). */
  offsetOf(index: number): number {
    let [low, high] = [0, this.indexes.length];
    while (low < high) {
      const mid = (low + high) >> 1;
      if ((this.indexes[mid] ?? 0) < index) low = mid + 1;
      else high = mid;
    }
    return index * this.estimate + (this.sums[low] ?? 0);
  }

  /** The first of `count` rows whose bottom is below `y`. */
  indexAt(y: number, count: number): number {
    let [low, high] = [0, count];
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.offsetOf(mid + 1) <= y) low = mid + 1;
      else high = mid;
    }
    return low;
  }
}
