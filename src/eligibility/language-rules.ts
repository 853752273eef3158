import { cefrRank } from '../domain/common.js';
import type { TrainingSession } from '../domain/training-session.js';
import type { Opening } from '../domain/opening.js';
import { pairRule, type ParticipantFacts } from './types.js';
import { levelName } from './facts.js';

/** The participant's level in a language: A0 when the language is not listed. */
export function levelIn(facts: ParticipantFacts, language: string): number {
  return facts.levels.get(language) ?? 0;
}

/** A session admits levels within its entry range, in the session's language. */
export const cefrEntry = pairRule(
  'cefrEntry',
  (_participant, resource, { facts }) => {
    if (resource.kind !== 'training') return false;
    const level = levelIn(facts, resource.item.language);
    return level < cefrRank(resource.item.cefrEntry.min) || level > cefrRank(resource.item.cefrEntry.max);
  },
  (_participant, resource, { facts }) => {
    if (resource.kind !== 'training') return '';
    const { language, cefrEntry: range } = resource.item;
    return `${levelName(levelIn(facts, language))} in ${language}, the session admits ${range.min}–${range.max}`;
  },
  {
    appliesTo: (resource) => resource.kind === 'training',
    reads: (resource) => (resource.kind === 'training' ? `${resource.item.language}|${resource.item.cefrEntry.min}-${resource.item.cefrEntry.max}` : ''),
  },
);

/**
 * An opening's minimum level. A refusal here can still be lifted by a language
 * bridge (see `bridgeTrainings`), which is why the evaluator runs this rule last.
 */
export const openingMinCefr = pairRule(
  'minCefr',
  (_participant, resource, { facts }) => resource.kind === 'opening' && levelIn(facts, resource.item.language) < cefrRank(resource.item.minCefr),
  (_participant, resource, { facts }) => {
    if (resource.kind !== 'opening') return '';
    const { language, minCefr } = resource.item;
    return `${levelName(levelIn(facts, language))} in ${language}, the opening needs ${minCefr} and no eligible language training leads there`;
  },
  {
    appliesTo: (resource) => resource.kind === 'opening',
    reads: (resource) => (resource.kind === 'opening' ? `${resource.item.language}|${resource.item.minCefr}` : ''),
  },
);

/**
 * A session bridges to an opening when the opening names it in `bridgeTrainings`, or, when
 * the opening names none, when it is a language session in the opening's language that leads
 * to at least its minimum level.
 */
export function bridgesTo(training: TrainingSession, opening: Opening): boolean {
  if (opening.bridgeTrainings) return opening.bridgeTrainings.includes(training.id);
  return training.kind === 'language'
    && training.language === opening.language
    && training.cefrExit !== undefined
    && cefrRank(training.cefrExit) >= cefrRank(opening.minCefr);
}
