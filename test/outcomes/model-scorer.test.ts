import { describe, it, expect } from 'vitest';
import { Pool } from '../../src/domain/pool.js';
import { evaluatePool } from '../../src/eligibility/evaluate.js';
import { OutcomeModelError, loadOutcomeModel } from '../../src/outcomes/model-file.js';
import { outcomeModelScorer, outcomePrefix, predictPairs, ruleScale, scorerForPolicy } from '../../src/outcomes/model-scorer.js';
import { ruleBasedScorer } from '../../src/scoring/rule-based-scorer.js';
import type { CandidatePair } from '../../src/scoring/scorer.js';
import { smallPool } from '../round/support/small-pool.js';

const model = loadOutcomeModel('fixtures/outcomes/model.json');
const pool = Pool.parse(smallPool());

/** Every eligible pair of the small pool: mentors, a French course, an opening, housing. */
function eligiblePairs(): CandidatePair[] {
  const eligibility = evaluatePool(pool);
  return pool.participants.flatMap((participant, p) => Object.values(eligibility.participants[p]!.byKind)
    .flatMap((kind) => kind.eligible.map((r) => ({ participant, resource: eligibility.index.resources[r]! }))));
}

const sum = (breakdown: Record<string, { contribution: number }>, prefix = '') =>
  Object.entries(breakdown).filter(([name]) => name.startsWith(prefix)).reduce((s, [, f]) => s + f.contribution, 0);

describe('scoring pairs with the outcome model', () => {
  const pairs = eligiblePairs();
  const kinds = new Set(pairs.map((p) => p.resource.kind));

  it('covers every kind of resource in the small pool', () => {
    expect([...kinds].sort()).toEqual(['housing', 'mentor', 'opening', 'training']);
  });

  it('scores a mentor by its probability, a training session or an opening by its lift over a mentor path, housing by nothing', () => {
    const scale = ruleScale(pool.policy.weights);
    const p = predictPairs(model, pool, pairs).probabilities;
    outcomeModelScorer(model, 1)(pool, pairs).forEach((scored, k) => {
      const kind = pairs[k]!.resource.kind;
      const breakdown = scored.breakdown;
      if (kind === 'housing') return expect(scored.score).toBe(0);
      const fallback = breakdown[`${outcomePrefix}mentorPathAtHome`]?.value ?? 0;
      if (kind === 'mentor') expect(breakdown[`${outcomePrefix}mentorPathAtHome`]).toBeUndefined();
      else expect(fallback).toBeGreaterThan(0);
      expect(scored.score).toBeCloseTo(scale * (p[k]! - fallback), 9);
    });
  });

  it('explains the predicted probability feature by feature: baseline and shares add up to it', () => {
    const scale = ruleScale(pool.policy.weights);
    const p = predictPairs(model, pool, pairs).probabilities;
    outcomeModelScorer(model, 1)(pool, pairs).forEach((scored, k) => {
      if (pairs[k]!.resource.kind === 'housing') return;
      const { [`${outcomePrefix}mentorPathAtHome`]: fallback, ...probability } = scored.breakdown;
      expect(Object.keys(probability)).toContain(`${outcomePrefix}sectorMatch`);
      expect(sum(probability) / scale).toBeCloseTo(p[k]!, 9);
      expect(sum(scored.breakdown)).toBeCloseTo(scored.score, 9);
      expect(fallback?.contribution ?? 0).toBeLessThanOrEqual(0);
    });
  });

  it('mixes with the rule-based score by its share: 0 is the rule-based score, and breakdowns still add up', () => {
    const rule = ruleBasedScorer(pool, pairs);
    outcomeModelScorer(model, 0)(pool, pairs).forEach((scored, k) => expect(scored.score).toBeCloseTo(rule[k]!.score, 12));
    const full = outcomeModelScorer(model, 1)(pool, pairs);
    outcomeModelScorer(model, 0.3)(pool, pairs).forEach((scored, k) => {
      expect(scored.score).toBeCloseTo(0.7 * rule[k]!.score + 0.3 * full[k]!.score, 9);
      expect(sum(scored.breakdown)).toBeCloseTo(scored.score, 9);
      expect(sum(scored.breakdown, outcomePrefix)).toBeCloseTo(0.3 * full[k]!.score, 9);
    });
  });

  it('follows the policy: rule-based without a model, the named model at its weight, a refusal for a bad name', () => {
    expect(scorerForPolicy(pool.policy)).toBe(ruleBasedScorer);
    const named = scorerForPolicy({ ...pool.policy, outcomeModel: 'fixtures/outcomes/model.json', outcomeModelWeight: 0.3 });
    const mixed = outcomeModelScorer(model, 0.3)(pool, pairs);
    named(pool, pairs).forEach((scored, k) => expect(scored.score).toBe(mixed[k]!.score));
    expect(() => scorerForPolicy({ ...pool.policy, outcomeModel: 'nowhere.json' })).toThrow(OutcomeModelError);
  });
});
