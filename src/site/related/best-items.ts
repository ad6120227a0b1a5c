/** A bounded selection of the best-scoring items, for finding related papers without sorting everything. Pure. */

/**
 * Keeps the `limit` best of the items offered to it: highest score, ties to the smaller item.
 * A bounded heap whose root is the worst item kept, so most offers cost one comparison.
 */
export class Best {
  private readonly limit: number;
  private readonly scores: Float64Array;
  private readonly items: Int32Array;
  private size = 0;

  constructor(limit: number) {
    this.limit = limit;
    this.scores = new Float64Array(limit);
    this.items = new Int32Array(limit);
  }

  offer(item: number, score: number): void {
    const { scores, items } = this;
    let at: number;
    if (this.size < this.limit) {
      // Sift up from the end.
      at = this.size++;
      while (at > 0) {
        const parent = (at - 1) >>> 1;
        if (!worse(score, item, scores[parent]!, items[parent]!)) break;
        scores[at] = scores[parent]!;
        items[at] = items[parent]!;
        at = parent;
      }
    } else if (this.limit > 0 && worse(scores[0]!, items[0]!, score, item)) {
      // Replace the root and sift down.
      at = 0;
      for (;;) {
        let child = 2 * at + 1;
        if (child >= this.size) break;
        if (child + 1 < this.size && worse(scores[child + 1]!, items[child + 1]!, scores[child]!, items[child]!)) child += 1;
        if (!worse(scores[child]!, items[child]!, score, item)) break;
        scores[at] = scores[child]!;
        items[at] = items[child]!;
        at = child;
      }
    } else return;
    scores[at] = score;
    items[at] = item;
  }

  /** The items kept, in ascending order; empties the heap for the next round. */
  take(): Int32Array {
    const kept = this.items.slice(0, this.size).sort();
    this.size = 0;
    return kept;
  }

  /** The items kept, best first; empties the heap for the next round. */
  ranked(): number[] {
    const kept = Array.from(this.items.subarray(0, this.size), (item, index) => ({ item, score: this.scores[index]! }));
    this.size = 0;
    return kept.sort((a, b) => (worse(a.score, a.item, b.score, b.item) ? 1 : -1)).map(({ item }) => item);
  }
}

/** True when score `a` of item `ia` ranks below score `b` of item `ib`. */
function worse(a: number, ia: number, b: number, ib: number): boolean {
  return a < b || (a === b && ia > ib);
}
