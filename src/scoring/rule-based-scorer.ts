import type { Pool } from '../domain/pool.js';
import type { ScoreWeights } from '../domain/policy.js';
import type { ScoreBreakdown } from '../round/report.js';
import type { CandidatePair, PairScorer, ScoredPair } from './scorer.js';
import { PairEncoder, writePairFeatures } from './pair-features.js';
import { batchOf, type PairBatch } from './pair-batch.js';
import { featureNames } from './features.js';

/** A score whose breakdown is built only when someone reads it: a national round scores millions of pairs. */
class PairScore implements ScoredPair {
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

/** The policy's weights in the order of `featureNames`. */
function weightVector(weights: ScoreWeights): Float64Array {
  return Float64Array.from(featureNames, (name) => weights[name]);
}

/** Σ_f w_f·x_f, in the order of `featureNames`: both paths add the same terms in the same order, so they agree to the last bit. */
function weightedSum(features: Float64Array, offset: number, w: Float64Array): number {
  let score = 0;
  for (let f = 0; f < width; f += 1) score += features[offset + f]! * w[f]!;
  return score;
}

/**
 * One participant's scores by resource shape (PairEncoder.shapeOf), stamped with the
 * participant's serial: resources of one shape are scored once per participant.
 */
class ShapeScores {
  readonly stamp: Int32Array;
  readonly score: Float64Array;
  serial = 0;

  constructor(shapes: number) {
    this.stamp = new Int32Array(shapes);
    this.score = new Float64Array(shapes);
  }
}

/**
 * A round calls the fast path once per batch of participants, always with the pool's resource
 * list: the resources are encoded once for all its batches, each participant once.
 */
interface Encoded { pool: Pool; participants: PairBatch['participants']; encoder: PairEncoder; memo: ShapeScores }

const encoders = new WeakMap<readonly unknown[], Encoded>();

function encodedFor(pool: Pool, batch: PairBatch): Encoded {
  const cached = encoders.get(batch.resources);
  if (cached && cached.pool === pool && cached.participants === batch.participants) return cached;
  const encoder = new PairEncoder(pool, batch.participants, batch.resources);
  const encoded = { pool, participants: batch.participants, encoder, memo: new ShapeScores(encoder.shapes) };
  encoders.set(batch.resources, encoded);
  return encoded;
}

/** Feature values of every pair, pair-major: pair k's features are `[k·width, (k+1)·width)`. */
function batchFeatures(encoder: PairEncoder, batch: PairBatch): Float64Array {
  const values = new Float64Array(batch.participantOf.length * width);
  for (let k = 0; k < batch.participantOf.length; k += 1) {
    writePairFeatures(encoder.participant(batch.participantOf[k]!), encoder.resource(batch.resourceOf[k]!), values, k * width);
  }
  return values;
}

function batchScores(pool: Pool, batch: PairBatch): Float64Array {
  const { encoder, memo } = encodedFor(pool, batch);
  const w = weightVector(pool.policy.weights);
  const scores = new Float64Array(batch.participantOf.length);
  const { stamp, score } = memo;
  const shapeOf = encoder.shapeOf;
  const features = new Float64Array(width);
  let last = -1;
  let serial = memo.serial;
  let code = scores.length > 0 ? encoder.participant(batch.participantOf[0]!) : undefined!;
  for (let k = 0; k < scores.length; k += 1) {
    const p = batch.participantOf[k]!;
    if (p !== last) {
      last = p;
      serial += 1;
      code = encoder.participant(p);
    }
    const r = batch.resourceOf[k]!;
    const shape = shapeOf[r]!;
    if (stamp[shape] !== serial) {
      stamp[shape] = serial;
      writePairFeatures(code, encoder.resource(r), features, 0);
      score[shape] = weightedSum(features, 0, w);
    }
    scores[k] = score[shape]!;
  }
  memo.serial = serial;
  return scores;
}

/**
 * The rule-based score s(p, r) = Σ_f weight_f · feature_f(p, r), each feature in [0, 1],
 * with the weights of the pool's policy.
 */
export const ruleBasedScorer: PairScorer = (pool: Pool, pairs: readonly CandidatePair[]): ScoredPair[] => {
  const batch = batchOf(pairs);
  const features = batchFeatures(new PairEncoder(pool, batch.participants, batch.resources), batch);
  const w = weightVector(pool.policy.weights);
  return Array.from(pairs, (_, k) => new PairScore(weightedSum(features, k * width, w), features, k * width, pool.policy.weights));
};

ruleBasedScorer.valuesOf = batchScores;
