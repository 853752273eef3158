import type { Matrix } from 'ml-matrix';
import type { Participant } from '../domain/participant.js';
import type { Pool } from '../domain/pool.js';
import type { ScoreWeights } from '../domain/policy.js';
import type { ScoreBreakdown } from '../round/report.js';
import type { CandidatePair, PairScorer, PoolResource, ScoredPair } from './scorer.js';
import { featureMatrices } from './feature-matrices.js';
import { featureNames, resourceTerms, trainingShortageOf, type ResourceTerms } from './features.js';

/** Largest participants × resources block computed at once (keeps each feature matrix under ~2 MB). */
const maxBlockCells = 1 << 18;

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

interface Block {
  participants: Map<Participant, number>;
  resources: Map<PoolResource['item'], { index: number; resource: PoolResource }>;
  pairs: number[];
}

/** Pairs grouped by resource kind and region: within a block most participant × resource cells are wanted pairs. */
function blocksOf(pairs: readonly CandidatePair[]): Block[] {
  const open = new Map<string, Block>();
  const keys = new Map<PoolResource['item'], string>();
  const blocks: Block[] = [];
  pairs.forEach((pair, k) => {
    const item = pair.resource.item;
    let key = keys.get(item);
    if (key === undefined) {
      key = `${pair.resource.kind}|${item.region ?? ''}`;
      keys.set(item, key);
    }
    let block = open.get(key);
    if (!block || block.participants.size * block.resources.size >= maxBlockCells) {
      block = { participants: new Map(), resources: new Map(), pairs: [] };
      open.set(key, block);
      blocks.push(block);
    }
    if (!block.participants.has(pair.participant)) block.participants.set(pair.participant, block.participants.size);
    if (!block.resources.has(item)) block.resources.set(item, { index: block.resources.size, resource: pair.resource });
    block.pairs.push(k);
  });
  return blocks;
}

const width = featureNames.length;

/** Feature values of every pair, pair-major: pair k's features are `[k·width, (k+1)·width)`. */
function pairFeatures(pool: Pool, pairs: readonly CandidatePair[]): Float64Array {
  const referenceDate = pool.policy.referenceDate ?? pool.referenceDate;
  const shortage = trainingShortageOf(pool);
  const features = new Float64Array(pairs.length * width);
  for (const block of blocksOf(pairs)) {
    const terms: ResourceTerms[] = [...block.resources.values()].map(({ resource }) => resourceTerms(resource, shortage));
    const matrices: Matrix[] = featureMatrices([...block.participants.keys()], terms, referenceDate);
    for (const k of block.pairs) {
      const pair = pairs[k]!;
      const row = block.participants.get(pair.participant)!;
      const column = block.resources.get(pair.resource.item)!.index;
      for (let f = 0; f < width; f += 1) features[k * width + f] = matrices[f]!.get(row, column);
    }
  }
  return features;
}

/** s = F·w: each pair's features times the policy's weights. */
function weightedScores(features: Float64Array, weights: ScoreWeights): Float64Array {
  const w = featureNames.map((name) => weights[name]);
  const scores = new Float64Array(features.length / width);
  for (let k = 0; k < scores.length; k += 1) {
    let score = 0;
    for (let f = 0; f < width; f += 1) score += w[f]! * features[k * width + f]!;
    scores[k] = score;
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

ruleBasedScorer.values = (pool, pairs) => weightedScores(pairFeatures(pool, pairs), pool.policy.weights);
