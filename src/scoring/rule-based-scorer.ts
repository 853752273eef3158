import { Matrix } from 'ml-matrix';
import type { Pool } from '../domain/pool.js';
import type { ScoreWeights } from '../domain/policy.js';
import type { ScoreBreakdown } from '../round/report.js';
import type { CandidatePair, PairScorer, ScoredPair } from './scorer.js';
import { blockFeatures, featureValue, type BlockFeatures } from './feature-matrices.js';
import { batchOf, blocksOf, type Block, type PairBatch } from './pair-blocks.js';
import { featureNames, resourceTerms, trainingShortageOf, type ResourceTerms } from './features.js';

/** A score whose breakdown is built only when someone reads it: a national round scores millions of pairs. */
class BlockScore implements ScoredPair {
  constructor(readonly score: number, private readonly features: Float64Array, private readonly offset: number, private readonly weights: ScoreWeights) {}

  get breakdown(): ScoreBreakdown {
    const breakdown: ScoreBreakdown = {};
    featureNames.forEach((name, f) => {
      const value = this.features[this.offset + f]!;
      const weight = this.weights[name];
      breakdown[name] = { value, weight, contribution: value * weight };
    });
    return breakdown;
  }
}

const width = featureNames.length;

/** Each block of pairs with its features. */
function* featureBlocks(pool: Pool, batch: PairBatch): Generator<{ block: Block; features: BlockFeatures }> {
  const referenceDate = pool.policy.referenceDate ?? pool.referenceDate;
  const shortage = trainingShortageOf(pool);
  for (const block of blocksOf(batch)) {
    const terms: ResourceTerms[] = block.resources.map((r) => resourceTerms(batch.resources[r]!, shortage));
    yield { block, features: blockFeatures(block.participants.map((p) => batch.participants[p]!), terms, referenceDate) };
  }
}

/** Feature values of every pair, pair-major: pair k's features are `[k·width, (k+1)·width)`. */
function pairFeatures(pool: Pool, pairs: readonly CandidatePair[]): Float64Array {
  const values = new Float64Array(pairs.length * width);
  for (const { block, features } of featureBlocks(pool, batchOf(pairs))) {
    block.pairs.forEach((k, n) => {
      for (let f = 0; f < width; f += 1) values[k * width + f] = featureValue(features, f, block.rows[n]!, block.columns[n]!);
    });
  }
  return values;
}

/** The policy's weights in the order of `featureNames`. */
function weightVector(weights: ScoreWeights): number[] {
  return featureNames.map((name) => weights[name]);
}

/** s = F·w: the pairs' features (one row per pair) times the policy's weights. */
function weightedScores(features: Float64Array, weights: ScoreWeights): Float64Array {
  const pairs = features.length / width;
  if (pairs === 0) return new Float64Array(0);
  return Float64Array.from(Matrix.from1DArray(pairs, width, features).mmul(Matrix.columnVector(weightVector(weights))).getColumn(0));
}

/**
 * S = Σ_f w_f·M_f for a block (participants × resources), the rank-one features added as
 * vectors (shortage by column, waiting by row) and as an outer product (childcare); the
 * pairs' scores are then read from S. Term for term and in the same order as `weightedScores`,
 * so that both paths give the same numbers to the last bit. The feature matrices are scaled
 * in place: the fast path never reads them again.
 */
function scoreMatrix(features: BlockFeatures, w: readonly number[]): Matrix {
  const [sector, skills, language, margin] = features.dense;
  const scores = sector.mul(w[0]!).add(skills.mul(w[1]!)).add(language.mul(w[2]!)).add(margin.mul(w[3]!));
  scores.addRowVector(Float64Array.from(features.shortage, (t) => w[4]! * t));
  scores.add(Matrix.columnVector(features.childcareNeed).mmul(Matrix.rowVector(features.childcareOffered)).mul(w[5]!));
  return scores.addColumnVector(Float64Array.from(features.waiting, (v) => w[6]! * v));
}

function blockScores(pool: Pool, batch: PairBatch): Float64Array {
  const w = weightVector(pool.policy.weights);
  const scores = new Float64Array(batch.participantOf.length);
  for (const { block, features } of featureBlocks(pool, batch)) {
    const matrix = scoreMatrix(features, w);
    for (let n = 0; n < block.pairs.length; n += 1) scores[block.pairs[n]!] = matrix.get(block.rows[n]!, block.columns[n]!);
  }
  return scores;
}

/**
 * The rule-based score s(p, r) = Σ_f weight_f · feature_f(p, r), each feature in [0, 1],
 * with the weights of the pool's policy. Features come from matrix products per block.
 */
export const ruleBasedScorer: PairScorer = (pool: Pool, pairs: readonly CandidatePair[]): ScoredPair[] => {
  const features = pairFeatures(pool, pairs);
  const scores = weightedScores(features, pool.policy.weights);
  return Array.from(scores, (score, k) => new BlockScore(score, features, k * width, pool.policy.weights));
};

ruleBasedScorer.valuesOf = blockScores;
