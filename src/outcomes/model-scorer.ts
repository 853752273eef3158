import { Matrix } from 'ml-matrix';
import type { Pool } from '../domain/pool.js';
import type { RoundPolicy, ScoreWeights } from '../domain/policy.js';
import type { FeatureContribution, ScoreBreakdown } from '../round/report.js';
import { ruleBasedScorer } from '../scoring/rule-based-scorer.js';
import type { CandidatePair, PairScorer, ScoredPair } from '../scoring/scorer.js';
import { featureMatrix, featureNames } from './feature-set.js';
import { sigmoid, standardise } from './logistic.js';
import { loadOutcomeModel, type OutcomeModel } from './model-file.js';
import { pairFacts } from './pair-facts.js';

/** Prefix of the model's entries in a score breakdown, beside the rule-based features. */
export const outcomePrefix = 'outcome.';

/**
 * The predicted probability p = σ(b₀ + Σ_j η_j) of a batch of pairs, with η_j = w_j·z_j the
 * logit contribution of feature j, as matrices: E = Z ∘ w (pairs × features).
 */
export interface OutcomePrediction {
  features: Matrix;
  contributions: Matrix;
  probabilities: number[];
}

export function predictPairs(model: OutcomeModel, pool: Pool, pairs: readonly CandidatePair[]): OutcomePrediction {
  const features = featureMatrix(pairFacts(pool, pairs));
  const means = model.coefficients.map((c) => c.mean);
  const scales = model.coefficients.map((c) => c.scale);
  const contributions = standardise(features, { means, scales }).mulRowVector(model.coefficients.map((c) => c.weight));
  const probabilities = contributions.rows === 0 ? [] : contributions.sum('row').map((eta) => sigmoid(model.intercept + eta));
  return { features, contributions, probabilities };
}

/**
 * Each feature's share of the predicted probability: p − p₀ (p₀ = σ(b₀), the baseline) split
 * in proportion to the logit contributions, share_j = η_j·(p − p₀)/Σ_k η_k. The shares and
 * the baseline add up to p exactly; `weight` is the logit per unit of the feature (w_j / scale_j).
 */
function outcomeBreakdown(model: OutcomeModel, prediction: OutcomePrediction, row: number, factor: number): ScoreBreakdown {
  const p0 = sigmoid(model.intercept);
  const p = prediction.probabilities[row]!;
  const eta = prediction.contributions.getRow(row);
  const total = eta.reduce((s, v) => s + v, 0);
  const slope = Math.abs(total) > 1e-12 ? (p - p0) / total : 0;
  const breakdown: ScoreBreakdown = { [`${outcomePrefix}baseline`]: { value: 1, weight: p0, contribution: factor * p0 } };
  featureNames.forEach((name, j) => {
    const c = model.coefficients[j]!;
    breakdown[`${outcomePrefix}${name}`] = { value: prediction.features.get(row, j), weight: c.weight / c.scale, contribution: factor * eta[j]! * slope };
  });
  return breakdown;
}

/** Largest rule-based score the policy's weights allow: the scale the model's probability is put on. */
export function ruleScale(weights: ScoreWeights): number {
  return Object.values(weights).reduce((s, w) => s + Math.max(0, w), 0) || 1;
}

class MixedScore implements ScoredPair {
  constructor(
    readonly score: number,
    private readonly explain: () => ScoreBreakdown,
  ) {}

  get breakdown(): ScoreBreakdown {
    return this.explain();
  }
}

function scaledRule(breakdown: ScoreBreakdown, share: number): ScoreBreakdown {
  const scaled: ScoreBreakdown = {};
  for (const [name, f] of Object.entries(breakdown) as [string, FeatureContribution][]) {
    scaled[name] = { value: f.value, weight: f.weight * share, contribution: f.contribution * share };
  }
  return scaled;
}

/**
 * s(p, r) = (1 − α)·rule(p, r) + α·W·P(work | p, r), with α the model's share and W the largest
 * rule score, so that α = 0 is exactly the rule-based score and α = 1 ranks pairs by predicted
 * success alone, on the same scale as the policy's other terms.
 */
export function outcomeModelScorer(model: OutcomeModel, share = 1, ruleScorer: PairScorer = ruleBasedScorer): PairScorer {
  return (pool, pairs) => {
    const scale = ruleScale(pool.policy.weights);
    const prediction = predictPairs(model, pool, pairs);
    const rule = share < 1 ? ruleScorer(pool, pairs) : [];
    return pairs.map((_, k) => {
      const ruleScore = rule[k]?.score ?? 0;
      const score = (1 - share) * ruleScore + share * scale * prediction.probabilities[k]!;
      return new MixedScore(score, () => ({
        ...(rule[k] ? scaledRule(rule[k].breakdown, 1 - share) : {}),
        ...outcomeBreakdown(model, prediction, k, share * scale),
      }));
    });
  };
}

/**
 * The scorer a round's policy asks for: rule-based, or mixed with the outcome model that
 * `policy.outcomeModel` names (loaded, and its feature set checked, by `load`).
 */
export function scorerForPolicy(policy: RoundPolicy, load: (name: string) => OutcomeModel = loadOutcomeModel): PairScorer {
  if (!policy.outcomeModel) return ruleBasedScorer;
  return outcomeModelScorer(load(policy.outcomeModel), policy.outcomeModelWeight);
}
