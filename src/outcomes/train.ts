import type { Outcome } from '../domain/outcome.js';
import { featureMatrix, featureNames, type PlacementFacts } from './feature-set.js';
import { fitLogistic, logits, sigmoid, standardisationOf, standardise } from './logistic.js';
import { runningFeatureSet, type OutcomeModel } from './model-file.js';

export interface TrainingOptions {
  /** L2 penalty on the standardised weights (default 1: light shrinkage for a few thousand records). */
  lambda?: number;
}

export const defaultLambda = 1;

/** Fits the model on a history: standardise the features, then Newton/IRLS. */
export function fitOutcomeModel(history: readonly Outcome[], options: TrainingOptions = {}): OutcomeModel {
  const lambda = options.lambda ?? defaultLambda;
  const x = featureMatrix(history);
  const standardisation = standardisationOf(x);
  const labels: number[] = history.map((o) => (o.inWorkOrTraining ? 1 : 0));
  const fit = fitLogistic(standardise(x, standardisation), labels, lambda);
  return {
    kind: 'placement-outcome-model',
    featureSet: runningFeatureSet,
    lambda,
    intercept: fit.intercept,
    coefficients: featureNames.map((feature, j) => ({
      feature, mean: standardisation.means[j]!, scale: standardisation.scales[j]!, weight: fit.weights[j]!,
    })),
    training: {
      records: history.length,
      positiveRate: labels.reduce((s, v) => s + v, 0) / Math.max(1, labels.length),
      iterations: fit.iterations,
      converged: fit.converged,
    },
  };
}

/** Logits η = b₀ + Σ_j w_j·(x_j − mean_j)/scale_j of many placements, as one matrix product. */
export function predictLogits(model: OutcomeModel, facts: readonly PlacementFacts[]): number[] {
  const means = model.coefficients.map((c) => c.mean);
  const scales = model.coefficients.map((c) => c.scale);
  return logits(standardise(featureMatrix(facts), { means, scales }), model.intercept, model.coefficients.map((c) => c.weight));
}

/** Predicted probabilities of being in work or training six months after each placement. */
export function predictOutcomes(model: OutcomeModel, facts: readonly PlacementFacts[]): number[] {
  return predictLogits(model, facts).map(sigmoid);
}

/** Weight per raw unit of each feature (w_j / scale_j): the effect of one more unit on the logit. */
export function rawCoefficients(model: OutcomeModel): Record<string, number> {
  return Object.fromEntries(model.coefficients.map((c) => [c.feature, c.weight / c.scale]));
}
