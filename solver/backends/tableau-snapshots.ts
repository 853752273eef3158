import type { LpTableau } from './javascript-lp-solver.js';
import type { WarmStart } from './relaxation.js';

/**
 * Copies of solved tableaux, kept so that a node popped later restarts from its
 * parent's optimum (one new bound row, a few dual pivots) instead of from the
 * root (one row per fixing). Memory is bounded: past the budget the oldest
 * copies are dropped and their nodes fall back to the root.
 */
const budgetBytes = 96 * 1024 * 1024;

export class TableauSnapshots {
  private readonly kept: WarmStart[] = [];
  private bytes = 0;

  keep(tableau: LpTableau, fixed: Int8Array): WarmStart {
    const state = tableau.copy();
    const size = (state as { matrix: Float64Array }).matrix.byteLength;
    const warm: WarmStart = { fixed: fixed.slice(), state };
    this.kept.push(warm);
    this.bytes += size;
    while (this.bytes > budgetBytes && this.kept.length > 1) {
      const oldest = this.kept.shift()!;
      this.bytes -= (oldest.state as { matrix: Float64Array } | null)?.matrix.byteLength ?? 0;
      oldest.state = null;
    }
    return warm;
  }

  /** Puts `warm`'s state into `tableau`; false when it was dropped. */
  restore(tableau: LpTableau, warm: WarmStart): boolean {
    if (warm.state === null) return false;
    // The library restores only from `savedState` (the root): lend it the snapshot for one call.
    const root = tableau.savedState;
    tableau.savedState = warm.state;
    tableau.restore();
    tableau.savedState = root;
    return true;
  }
}
