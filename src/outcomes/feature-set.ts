import { Matrix } from 'ml-matrix';
import { cefrRank } from '../domain/common.js';
import type { Outcome } from '../domain/outcome.js';

/**
 * What the model sees of one placement: the participant at the time of placement and
 * what they were placed in. A history record and a candidate pair of a pool are both
 * turned into these facts, so that training and scoring compute features one way.
 */
export type PlacementFacts = Omit<Outcome, 'id' | 'participantId' | 'placementDate' | 'outcomeDate' | 'inWorkOrTraining'>;

/**
 * The features, in the order of the model's weights. Changing, adding or reordering one
 * changes what a weight means: bump `featureSetVersion`, and old model files are refused.
 */
export const featureNames = [
  'age', 'education', 'cefr', 'cefrMargin', 'statusYears', 'waitingYears', 'barriers', 'childcareUnmet',
  'sectorMatch', 'shortage', 'relocated', 'shortageRelocated', 'withMentor',
  'kindOpening', 'kindTraining', 'kindHousing',
  'contractAlternance', 'contractFixedTerm', 'contractPermanent',
  'trainingQualifying', 'trainingAlternance', 'trainingLanguage', 'languageTrainingBeginner',
] as const;
export type OutcomeFeature = (typeof featureNames)[number];

export const featureSetName = 'placement-outcome';
export const featureSetVersion = 1;

const flag = (condition: boolean): number => (condition ? 1 : 0);

/** True when the placement is in another region than the participant's home. */
export function relocated(facts: PlacementFacts): boolean {
  return facts.region !== undefined && facts.homeRegion !== undefined && facts.region !== facts.homeRegion;
}

/**
 * The feature vector x(p, r). Interactions:
 *  cefrMargin = rank(level) − rank(required level), 0 without a requirement;
 *  sectorMatch = [strongest wish = sector of the placement];
 *  shortageRelocated = shortage index × [relocated];
 *  languageTrainingBeginner = [language training] × max(0, rank(B1) − rank(level)).
 */
export function featureVector(facts: PlacementFacts): number[] {
  const level = cefrRank(facts.cefrLevel);
  const moved = flag(relocated(facts));
  const shortage = facts.shortageIndex ?? 0;
  const language = flag(facts.trainingKind === 'language');
  const values: Record<OutcomeFeature, number> = {
    age: facts.age,
    education: facts.educationLevel,
    cefr: level,
    cefrMargin: facts.minCefr ? level - cefrRank(facts.minCefr) : 0,
    statusYears: facts.statusMonths / 12,
    waitingYears: facts.waitingDays / 365,
    barriers: facts.barrierCount,
    childcareUnmet: flag(facts.childcareNeed && !facts.childcareProvided),
    sectorMatch: flag(facts.sectorWish !== undefined && facts.sectorWish === facts.sector),
    shortage,
    relocated: moved,
    shortageRelocated: shortage * moved,
    withMentor: flag(facts.withMentor),
    kindOpening: flag(facts.resourceKind === 'opening'),
    kindTraining: flag(facts.resourceKind === 'training'),
    kindHousing: flag(facts.resourceKind === 'housing'),
    contractAlternance: flag(facts.contractType === 'alternance'),
    contractFixedTerm: flag(facts.contractType === 'fixed_term'),
    contractPermanent: flag(facts.contractType === 'permanent'),
    trainingQualifying: flag(facts.trainingKind === 'qualifying'),
    trainingAlternance: flag(facts.trainingKind === 'alternance'),
    trainingLanguage: language,
    languageTrainingBeginner: language * Math.max(0, cefrRank('B1') - level),
  };
  return featureNames.map((name) => values[name]);
}

/** The design matrix: one row per placement, one column per feature. */
export function featureMatrix(facts: readonly PlacementFacts[]): Matrix {
  return facts.length === 0 ? new Matrix(0, featureNames.length) : new Matrix(facts.map(featureVector));
}
