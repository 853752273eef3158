import type { Branching } from './pseudocosts.js';
import type { WarmStart } from './relaxation.js';

/** Open nodes of the search, best (largest) relaxation bound first: a binary max-heap. */
export interface OpenNode {
  /** −1 free, 0 or 1 fixed, per variable. */
  fixed: Int8Array;
  /** Upper bound on any plan below this node (the parent's relaxation). */
  bound: number;
  /** The parent's relaxation state, when kept: re-solving from it takes a few pivots. */
  warm?: WarmStart;
  /** The branching that made this node, to learn its pseudocost once solved. */
  origin?: Branching;
}

export class NodeQueue {
  private readonly heap: OpenNode[] = [];

  get size(): number {
    return this.heap.length;
  }

  /** Best bound still open; −∞ when the search is exhausted. */
  get bestBound(): number {
    return this.heap[0]?.bound ?? -Infinity;
  }

  push(node: OpenNode): void {
    const heap = this.heap;
    heap.push(node);
    let at = heap.length - 1;
    while (at > 0) {
      const parent = (at - 1) >> 1;
      if (heap[parent]!.bound >= node.bound) break;
      heap[at] = heap[parent]!;
      at = parent;
    }
    heap[at] = node;
  }

  pop(): OpenNode | undefined {
    const heap = this.heap;
    const top = heap[0];
    const last = heap.pop();
    if (top === undefined || last === undefined || heap.length === 0) return top;
    let at = 0;
    for (;;) {
      const left = 2 * at + 1;
      if (left >= heap.length) break;
      const right = left + 1;
      const child = right < heap.length && heap[right]!.bound > heap[left]!.bound ? right : left;
      if (heap[child]!.bound <= last.bound) break;
      heap[at] = heap[child]!;
      at = child;
    }
    heap[at] = last;
    return top;
  }
}
