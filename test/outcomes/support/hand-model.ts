import { featureNames, type OutcomeFeature } from '../../../src/outcomes/feature-set.js';
import { runningFeatureSet, type OutcomeModel } from '../../../src/outcomes/model-file.js';

/**
 * A model written by hand: the logit is intercept + Σ weight·feature on the raw scale
 * (mean 0, scale 1), every feature not named weighing nothing.
 */
export function handModel(intercept: number, weights: Partial<Record<OutcomeFeature, number>>): OutcomeModel {
  return {
    kind: 'placement-outcome-model',
    featureSet: runningFeatureSet,
    lambda: 0,
    intercept,
    coefficients: featureNames.map((feature) => ({ feature, mean: 0, scale: 1, weight: weights[feature] ?? 0 })),
    training: { records: 0, positiveRate: 0.5, iterations: 0, converged: true },
  };
}
