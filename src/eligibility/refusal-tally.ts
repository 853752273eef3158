import type { Refusal } from '../round/report.js';
import type { EligibilityReason } from './types.js';

/** Refusals of one rule for one participant and kind: how many, and a few examples. */
export interface RuleTally {
  rule: string;
  count: number;
  examples: Refusal[];
}

export const examplesPerRule = 3;

/**
 * Keeps refusals compactly: a count per rule and the first few examples, so that a
 * national round's millions of refused pairs fit in memory and explanations need no second pass.
 */
export class RefusalTally {
  private readonly byRule = new Map<string, RuleTally>();
  /**
   * The tally last asked for: a participant's refusals of one kind come in runs of one rule
   * (a national pool counts millions of them), so most need no look-up.
   */
  private last: RuleTally | undefined;

  private tallyOf(rule: string): RuleTally {
    if (this.last?.rule === rule) return this.last;
    let tally = this.byRule.get(rule);
    if (!tally) this.byRule.set(rule, (tally = { rule, count: 0, examples: [] }));
    return (this.last = tally);
  }

  add(resource: string, reason: EligibilityReason, count = 1): void {
    const tally = this.tallyOf(reason.rule);
    tally.count += count;
    if (tally.examples.length < examplesPerRule) tally.examples.push({ resource, ...reason });
  }

  /**
   * Counts `count` refusals by `rule` when its examples are all stored, and says so; false
   * (nothing counted) when the first of them is still wanted as an example, in words (`add`).
   */
  countedWithoutWords(rule: string, count: number): boolean {
    const tally = this.tallyOf(rule);
    if (tally.examples.length < examplesPerRule) return false;
    tally.count += count;
    return true;
  }

  /** Most frequent rule first. */
  summary(): RuleTally[] {
    return [...this.byRule.values()].sort((a, b) => b.count - a.count || a.rule.localeCompare(b.rule));
  }
}
