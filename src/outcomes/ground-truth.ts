import type { OutcomeFeature, PlacementFacts } from './feature-set.js';
import { featureNames, featureVector } from './feature-set.js';
import { sigmoid } from './logistic.js';

/**
 * The synthetic world the history fixture (fixtures/outcomes/history.csv) is drawn from,
 * documented in docs/outcomes.md: the log-odds of being in work or training six months
 * after placement is
 *   η = intercept + Σ_j coefficient_j · x_j(p, r) + u,   u ~ N(0, unobservedSd²)
 * over the raw features x of `featureVector`, u standing for what a file never records
 * (motivation, health, network), drawn once per person and shared by their records. The outcome is drawn as Bernoulli(σ(η)), then a share
 * `recordingErrorRate` of recorded outcomes is flipped, as follow-up data entry does.
 */
export const groundTruth = {
  intercept: -0.2,
  coefficients: {
    age: -0.035,
    education: 0.15,
    cefr: 0.3,
    cefrMargin: 0.2,
    statusYears: 0.12,
    waitingYears: -0.45,
    barriers: -0.3,
    childcareUnmet: -0.9,
    sectorMatch: 0.8,
    shortage: 1.0,
    relocated: -0.6,
    shortageRelocated: 1.1,
    withMentor: 0.5,
    kindOpening: 0.7,
    kindTraining: 0.3,
    kindHousing: -0.5,
    contractAlternance: 0.45,
    contractFixedTerm: 0.4,
    contractPermanent: 0.8,
    trainingQualifying: 0.55,
    trainingAlternance: 0.75,
    trainingLanguage: -0.6,
    languageTrainingBeginner: 0.35,
  } satisfies Record<OutcomeFeature, number>,
  unobservedSd: 0.5,
  /**
   * How strongly u (in standard deviations) drives the kind of placement in the fixture's
   * history (fixtures/outcomes/history-generator.ts, `readiness`): caseworkers see motivation
   * that no file records, and give openings to the job-ready. Not part of P(work | placement):
   * it biases what a model learns from the history, not the outcome.
   */
  selectionOnUnobserved: 0.6,
  recordingErrorRate: 0.02,
};

/** η without the unobserved term: the best any model of these features can do. */
export function trueLogit(facts: PlacementFacts): number {
  const x = featureVector(facts);
  return featureNames.reduce((eta, name, j) => eta + groundTruth.coefficients[name] * x[j]!, groundTruth.intercept);
}

/**
 * The true chance of being in work, E_u[σ(η + u)], by the probit approximation
 * E[σ(η + u)] ≈ σ(η / √(1 + π·s²/8)) with s the spread of u (error below 0.01 for s = 0.5).
 * Recording errors change the records, not the person's situation, so they are left out.
 */
export function trueProbability(facts: PlacementFacts): number {
  return sigmoid(trueLogit(facts) / Math.sqrt(1 + (Math.PI * groundTruth.unobservedSd ** 2) / 8));
}
