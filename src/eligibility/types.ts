import type { Participant } from '../domain/participant.js';
import type { PoolResource } from '../scoring/scorer.js';

/** Why a rule refused a pair, in words a coordinator understands. */
export interface EligibilityReason {
  rule: string;
  message: string;
}

/** What the rules need to know about one participant, computed once per round. */
export interface ParticipantFacts {
  age: number;
  /** Whole months since the legal status (or the asylum claim) began. */
  statusMonths: number;
  /** CEFR rank (A0 = 0 … C2 = 6) by language code. */
  levels: ReadonlyMap<string, number>;
  /** Regions the participant accepts to live in; null when there is no home region. */
  acceptedRegions: ReadonlySet<string> | null;
  /** First day the participant can start: the later of availableFrom and the reference date. */
  startDate: string;
  /** Latest availability date of a mentor or housing unit that can still follow this participant. */
  latestResourceStart: string;
  /** The same dates as day numbers, as the date rules compare them: the reference date, availableFrom, latestResourceStart. */
  referenceDay: number;
  availableFromDay: number;
  latestResourceStartDay: number;
}

export interface EligibilityContext {
  referenceDate: string;
  facts: ParticipantFacts;
}

export type PairTest = (participant: Participant, resource: PoolResource, context: EligibilityContext) => boolean;
export type PairExplanation = (participant: Participant, resource: PoolResource, context: EligibilityContext) => string;

/**
 * One eligibility rule: called, null when the pair passes, a reason when it refuses.
 * `refuses` gives the verdict without the words: a national round judges millions of pairs
 * and keeps the words of only a few refusals per rule (see RefusalTally).
 */
export interface PairRule {
  (participant: Participant, resource: PoolResource, context: EligibilityContext): EligibilityReason | null;
  readonly rule: string;
  readonly refuses: PairTest;
  /**
   * False for a resource the rule can never refuse, whoever the participant (a mentor for a
   * housing rule, a session without an age range for the age rule): the evaluator skips the
   * rule for that resource, and most pairs of a national round meet two or three rules, not ten.
   */
  readonly appliesTo: (resource: PoolResource) => boolean;
  /**
   * What of the resource the verdict reads, beside its kind and region. Two resources with the
   * same words get the same verdict from every participant, so the evaluator judges them once
   * per participant: a national pool's 1,000 mentors fall into 134 such classes. Absent: every
   * resource is judged on its own.
   */
  readonly reads?: (resource: PoolResource) => string;
}

export interface RuleScope {
  appliesTo?: (resource: PoolResource) => boolean;
  reads?: (resource: PoolResource) => string;
}

/** A rule from its verdict and its explanation; `explain` is only asked about pairs that `refuses` refused. */
export function pairRule(rule: string, refuses: PairTest, explain: PairExplanation, scope: RuleScope = {}): PairRule {
  const judge = (participant: Participant, resource: PoolResource, context: EligibilityContext): EligibilityReason | null =>
    (refuses(participant, resource, context) ? { rule, message: explain(participant, resource, context) } : null);
  return Object.assign(judge, { rule, refuses, appliesTo: scope.appliesTo ?? (() => true), ...(scope.reads ? { reads: scope.reads } : {}) });
}
