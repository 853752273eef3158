import { cefrRank } from '../domain/common.js';
import type { TrainingSession } from '../domain/training-session.js';
import type { Opening } from '../domain/opening.js';
import type { ParticipantFacts, PairRule } from './types.js';
import { levelName } from './facts.js';

/** The participant's level in a language: A0 when the language is not listed. */
export function levelIn(facts: ParticipantFacts, language: string): number {
  return facts.levels.get(language) ?? 0;
}

/** A session admits levels within its entry range, in the session's language. */
export const cefrEntry: PairRule = (_participant, resource, { facts }) => {
  if (resource.kind !== 'training') return null;
  const { language, cefrEntry: range } = resource.item;
  const level = levelIn(facts, language);
  if (level >= cefrRank(range.min) && level <= cefrRank(range.max)) return null;
  return {
    rule: 'cefrEntry',
    message: `${levelName(level)} in ${language}, the session admits ${range.min}–${range.max}`,
  };
};

/**
 * An opening's minimum level. A refusal here can still be lifted by a language
 * bridge (see `bridgeTrainings`), which is why the evaluator runs this rule last.
 */
export const openingMinCefr: PairRule = (_participant, resource, { facts }) => {
  if (resource.kind !== 'opening') return null;
  const { language, minCefr } = resource.item;
  const level = levelIn(facts, language);
  if (level >= cefrRank(minCefr)) return null;
  return {
    rule: 'minCefr',
    message: `${levelName(level)} in ${language}, the opening needs ${minCefr} and no eligible language training leads there`,
  };
};

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
