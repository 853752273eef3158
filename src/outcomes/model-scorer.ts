import { Matrix } from 'ml-matrix';
import type { Pool } from '../domain/pool.js';
import type { RoundPolicy, ScoreWeights } from '../domain/policy.js';
import type { FeatureContribution, ScoreBreakdown } from '../round/report.js';
import { ruleBasedScorer } from '../scoring/rule-based-scorer.js';
import type { CandidatePair, PairScorer, ScoredPair } from '../scoring/scorer.js';
import { featureMatrix, type PlacementFacts } from './feature-set.js';
import { sigmoid } from './logistic.js';
import { liftBreakdown, predictFacts, type OutcomePrediction } from './model-explanation.js';
import type { OutcomeModel } from './model-file.js';
import { loadNamedModel } from './model-registry.js';
import { pairFacts } from './pair-facts.js';
import { asMainPlacement, liftOf, mentorPathBeside } from './path-facts.js';

export { outcomePrefix, predictFacts, type OutcomePrediction } from './model-explanation.js';

/** Each pair predicted as the main placement of its participant's path. */
export function predictPairs(model: OutcomeModel, pool: Pool, pairs: readonly CandidatePair[]): OutcomePrediction {
  return predictFacts(model, pairFacts(pool, pairs).map(asMainPlacement));
}

/** Largest rule-based score the policy's weights allow: the scale the model's probability is put on. */
export function ruleScale(weights: ScoreWeights): number {
  return Object.values(weights).reduce((s, w) => s + Math.max(0, w), 0) || 1;
}

function scaledRule(breakdown: ScoreBreakdown, share: number): ScoreBreakdown {
  const scaled: ScoreBreakdown = {};
  for (const [name, f] of Object.entries(breakdown) as [string, FeatureContribution][]) {
    scaled[name] = { value: f.value, weight: f.weight * share, contribution: f.contribution * share };
  }
  return scaled;
}

/**
 * The model on the raw scale, η = c + Σ_j a_j·x_j with a_j = w_j / s_j and c = b₀ − Σ_j a_j·m_j:
 * the logits of a whole batch are one matrix product X·a.
 */
function rawLogits(model: OutcomeModel, x: Matrix): number[] {
  if (x.rows === 0) return [];
  const a = model.coefficients.map((c) => c.weight / c.scale);
  const c = model.coefficients.reduce((sum, coefficient, j) => sum - a[j]! * coefficient.mean, model.intercept);
  return x.mmul(Matrix.columnVector(a)).to1DArray().map((eta) => eta + c);
}

/** The fallback b of every pair, predicted once per participant, language level and region of the placement. */
function fallbackProbabilities(model: OutcomeModel, pairs: readonly CandidatePair[], facts: readonly PlacementFacts[]): number[] {
  const rowOf = new Map<string, number>();
  const distinct: PlacementFacts[] = [];
  const rows = pairs.map((pair, k) => {
    const fallback = mentorPathBeside(facts[k]!);
    const key = `${pair.participant.id}\u0000${fallback.cefrLevel}\u0000${fallback.region ?? ''}`;
    let row = rowOf.get(key);
    if (row === undefined) rowOf.set(key, (row = distinct.push(fallback) - 1));
    return row;
  });
  const p = rawLogits(model, featureMatrix(distinct)).map(sigmoid);
  return rows.map((row) => p[row]!);
}

/**
 * s(p, r) = (1 − α)·rule(p, r) + α·W·lift(p, r), with lift the pair's addition to the chance
 * that p is in work (path-facts.ts), α the model's share and W the largest rule score, so
 * that α = 0 is exactly the rule-based score and α = 1 ranks pairs by the model alone, on the
 * scale of the policy's other terms (waiting bonus, stability penalty).
 */
export function outcomeModelScorer(model: OutcomeModel, share = 1, ruleScorer: PairScorer = ruleBasedScorer): PairScorer {
  return (pool, pairs) => {
    const factor = share * ruleScale(pool.policy.weights);
    const facts = pairFacts(pool, pairs).map(asMainPlacement);
    const probabilities = rawLogits(model, featureMatrix(facts)).map(sigmoid);
    const fallback = fallbackProbabilities(model, pairs, facts);
    const rule = share < 1 ? ruleScorer(pool, pairs) : [];
    return pairs.map((pair, k): ScoredPair => {
      const lift = liftOf(pair.resource.kind, probabilities[k]!, fallback[k]!);
      return {
        score: (1 - share) * (rule[k]?.score ?? 0) + factor * lift,
        // Built on demand: a round asks for the breakdowns of the few pairs in its plan only.
        get breakdown(): ScoreBreakdown {
          return { ...(rule[k] ? scaledRule(rule[k].breakdown, 1 - share) : {}), ...liftBreakdown(model, pair.resource.kind, facts[k]!, factor) };
        },
      };
    });
  };
}

/**
 * The scorer a round's policy asks for: rule-based, or mixed with the outcome model that
 * `policy.outcomeModel` names in the models directory (loaded, and its feature set checked, by `load`).
 */
export function scorerForPolicy(policy: RoundPolicy, load: (name: string) => OutcomeModel = loadNamedModel): PairScorer {
  if (!policy.outcomeModel) return ruleBasedScorer;
  return outcomeModelScorer(load(policy.outcomeModel), policy.outcomeModelWeight);
}
