import type { Matrix } from 'ml-matrix';
import type { ResourceKind } from '../../solver/problem.js';
import type { ScoreBreakdown } from '../round/report.js';
import { featureMatrix, featureNames, type PlacementFacts } from './feature-set.js';
import { sigmoid, standardise } from './logistic.js';
import type { OutcomeModel } from './model-file.js';
import { mentorPathBeside } from './path-facts.js';

/** Prefix of the model's entries in a score breakdown, beside the rule-based features. */
export const outcomePrefix = 'outcome.';

/**
 * The predicted probability p = σ(b₀ + Σ_j η_j) of a batch of placements, with η_j = w_j·z_j
 * the logit contribution of feature j, as matrices: E = Z ∘ w (placements × features).
 */
export interface OutcomePrediction {
  features: Matrix;
  contributions: Matrix;
  probabilities: number[];
}

export function predictFacts(model: OutcomeModel, facts: readonly PlacementFacts[]): OutcomePrediction {
  const features = featureMatrix(facts);
  const means = model.coefficients.map((c) => c.mean);
  const scales = model.coefficients.map((c) => c.scale);
  const contributions = standardise(features, { means, scales }).mulRowVector(model.coefficients.map((c) => c.weight));
  const probabilities = contributions.rows === 0 ? [] : contributions.sum('row').map((eta) => sigmoid(model.intercept + eta));
  return { features, contributions, probabilities };
}

/**
 * Splits a difference of probabilities σ(η₁) − σ(η₀) over the logit differences Δ_j that
 * make it up, in proportion: share_j = Δ_j·(σ(η₁) − σ(η₀))/Σ_k Δ_k. σ is increasing, so each
 * share has the sign of its Δ_j, and the shares add up to the difference exactly. Where
 * Σ Δ is (nearly) 0 the ratio is the slope of σ there, p(1 − p).
 */
function proportionalShares(deltas: readonly number[], p1: number, p0: number): number[] {
  const total = deltas.reduce((s, v) => s + v, 0);
  const slope = Math.abs(total) > 1e-12 ? (p1 - p0) / total : p1 * (1 - p1);
  return deltas.map((d) => d * slope);
}

/**
 * A mentor's score is its probability p: the baseline p₀ = σ(b₀) (an average record) and
 * each feature's share of p − p₀, by its logit contribution w_j·z_j; `weight` is the logit
 * per unit of the feature (w_j / scale_j). The entries add up to p.
 */
export function probabilityBreakdown(model: OutcomeModel, facts: PlacementFacts, factor: number): ScoreBreakdown {
  const prediction = predictFacts(model, [facts]);
  const p0 = sigmoid(model.intercept);
  const shares = proportionalShares(prediction.contributions.getRow(0), prediction.probabilities[0]!, p0);
  const breakdown: ScoreBreakdown = { [`${outcomePrefix}baseline`]: { value: 1, weight: p0, contribution: factor * p0 } };
  featureNames.forEach((name, j) => {
    const c = model.coefficients[j]!;
    breakdown[`${outcomePrefix}${name}`] = { value: prediction.features.get(0, j), weight: c.weight / c.scale, contribution: factor * shares[j]! };
  });
  return breakdown;
}

/**
 * An opening's or a training session's score is its lift p − b over the mentor path beside
 * it, split feature by feature over the logit differences Δ_j = (w_j / scale_j)·(x_j − x_j(b)).
 * The participant's own features (age, education, barriers, …) are the same on both sides and
 * contribute nothing: what remains is what the placement changes (the kind, its sector match,
 * the shortage, the move, the contract), never a large probability less a large fallback.
 * `value` is the feature's difference from the mentor path; the entries add up to p − b.
 */
export function liftDifferenceBreakdown(model: OutcomeModel, facts: PlacementFacts, factor: number): ScoreBreakdown {
  const prediction = predictFacts(model, [facts, mentorPathBeside(facts)]);
  const perUnit = model.coefficients.map((c) => c.weight / c.scale);
  const difference = featureNames.map((_, j) => prediction.features.get(0, j) - prediction.features.get(1, j));
  const deltas = difference.map((d, j) => d * perUnit[j]!);
  const shares = proportionalShares(deltas, prediction.probabilities[0]!, prediction.probabilities[1]!);
  const breakdown: ScoreBreakdown = {};
  featureNames.forEach((name, j) => {
    if (difference[j] === 0 || perUnit[j] === 0) return;
    breakdown[`${outcomePrefix}${name}`] = { value: difference[j]!, weight: perUnit[j]!, contribution: factor * shares[j]! };
  });
  return breakdown;
}

/** The model's part of a pair's breakdown, by kind: what `liftOf` scores, feature by feature. */
export function liftBreakdown(model: OutcomeModel, kind: ResourceKind, facts: PlacementFacts, factor: number): ScoreBreakdown {
  switch (kind) {
    case 'housing': return {};
    case 'mentor': return probabilityBreakdown(model, facts, factor);
    case 'training':
    case 'opening': return liftDifferenceBreakdown(model, facts, factor);
  }
}
