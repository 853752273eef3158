import type { Participant } from '../domain/participant.js';
import type { PoolResource } from '../scoring/scorer.js';
import type { EligibilityContext, EligibilityReason, PairRule } from './types.js';
import { ageRange, isolatedAdultsOnly, legalStatus, programmeTags } from './criteria-rules.js';
import { availability, resourceOpen } from './date-rules.js';
import { housingKind, housingNeed } from './housing-rules.js';
import { cefrEntry, openingMinCefr } from './language-rules.js';
import { mentorPreferences } from './mentor-rules.js';
import { relocation } from './location-rules.js';

/**
 * The date rules come first: the pool evaluator applies them from a table of day numbers per
 * resource (date-table.ts), which gives the same verdicts as calling them pair by pair.
 */
export const dateRules: readonly PairRule[] = [resourceOpen, availability];

/**
 * Rules that the pool evaluator runs on each candidate pair after the date rules, cheapest
 * first. Location is not among them: the evaluator only looks at regions the participant
 * accepts. The opening's minimum CEFR level is not either: a bridge can lift it.
 */
export const pairRules: readonly PairRule[] = [
  programmeTags,
  ageRange,
  legalStatus,
  isolatedAdultsOnly,
  housingNeed,
  housingKind,
  mentorPreferences,
  cefrEntry,
];

/** Every rule, in the order a single pair is judged (minimum CEFR without bridges). */
export const allRules: readonly PairRule[] = [relocation, ...dateRules, ...pairRules, openingMinCefr];

/** The first rule that refuses the pair, without its words. */
export function firstRefusingRule(
  rules: readonly PairRule[],
  participant: Participant,
  resource: PoolResource,
  context: EligibilityContext,
): PairRule | null {
  for (const rule of rules) if (rule.refuses(participant, resource, context)) return rule;
  return null;
}

export function firstRefusal(
  rules: readonly PairRule[],
  participant: Participant,
  resource: PoolResource,
  context: EligibilityContext,
): EligibilityReason | null {
  for (const rule of rules) {
    const reason = rule(participant, resource, context);
    if (reason) return reason;
  }
  return null;
}

/** Judges one pair on its own, as a coordinator would ask "why not this one?". */
export function checkPair(participant: Participant, resource: PoolResource, context: EligibilityContext): EligibilityReason | null {
  return firstRefusal(allRules, participant, resource, context);
}
