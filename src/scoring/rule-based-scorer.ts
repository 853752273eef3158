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
  const blocks: Block[] = [];
  pairs.forEach((pair, k) => {
    const key = `${pair.resource.kind}|${pair.resource.item.region ?? ''}`;
    let block = open.get(key);
    if (!block || block.participants.size * block.resources.size >= maxBlockCells) {
      block = { participants: new Map(), resources: new Map(), pairs: [] };
      open.set(key, block);
      blocks.push(block);
    }
    if (!block.participants.has(pair.participant)) block.participants.set(pair.participant, block.participants.size);
    if (!block.resources.has(pair.resource.item)) block.resources.set(pair.resource.item, { index: block.resources.size, resource: pair.resource });
    block.pairs.push(k);
  });
  return blocks;
}

/**
 * The rule-based score s(p, r) = Σ_f weight_f · feature_f(p, r), each feature in [0, 1],
 * with the weights of the pool's policy. Features come from matrix products per block.
 */
export const ruleBasedScorer: PairScorer = (pool: Pool, pairs: readonly CandidatePair[]): ScoredPair[] => {
  const weights = pool.policy.weights;
  const referenceDate = pool.policy.referenceDate ?? pool.referenceDate;
  const shortage = trainingShortageOf(pool);
  const width = featureNames.length;
  const features = new Float64Array(pairs.length * width);
  const weightVector = featureNames.map((name) => weights[name]);
  for (const block of blocksOf(pairs)) {
    const terms: ResourceTerms[] = [...block.resources.values()].map(({ resource }) => resourceTerms(resource, shortage));
    const matrices: Matrix[] = featureMatrices([...block.participants.keys()], terms, referenceDate);
    for (const k of block.pairs) {
      const pair = pairs[k]!;
      const row = block.participants.get(pair.participant)!;
      const column = block.resources.get(pair.resource.item)!.index;
      matrices.forEach((m, f) => { features[k * width + f] = m.get(row, column); });
    }
  }
  return pairs.map((_, k) => {
    let score = 0;
    for (let f = 0; f < width; f += 1) score += weightVector[f]! * features[k * width + f]!;
    return new BlockScore(score, features, k * width, weights);
  });
};
