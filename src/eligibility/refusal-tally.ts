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

  add(resource: string, reason: EligibilityReason, count = 1): void {
    let tally = this.byRule.get(reason.rule);
    if (!tally) {
      tally = { rule: reason.rule, count: 0, examples: [] };
      this.byRule.set(reason.rule, tally);
    }
    tally.count += count;
    if (tally.examples.length < examplesPerRule) tally.examples.push({ resource, ...reason });
  }

  /** Whether a refusal by `rule` would still be kept as an example: only then are its words needed. */
  wantsExample(rule: string): boolean {
    return (this.byRule.get(rule)?.examples.length ?? 0) < examplesPerRule;
  }

  /** Only the counts grow: for refusals whose examples are already stored. */
  addCount(rule: string, count: number): void {
    const tally = this.byRule.get(rule);
    if (tally) tally.count += count;
  }

  /** Most frequent rule first. */
  summary(): RuleTally[] {
    return [...this.byRule.values()].sort((a, b) => b.count - a.count || a.rule.localeCompare(b.rule));
  }
}
