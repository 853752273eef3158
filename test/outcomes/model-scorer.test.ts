import { describe, it, expect } from 'vitest';
import { Pool } from '../../src/domain/pool.js';
import { evaluatePool } from '../../src/eligibility/evaluate.js';
import { OutcomeModelError, loadOutcomeModel } from '../../src/outcomes/model-file.js';
import { loadNamedModel } from '../../src/outcomes/model-registry.js';
import { outcomeModelScorer, outcomePrefix, predictPairs, ruleScale, scorerForPolicy } from '../../src/outcomes/model-scorer.js';
import { ruleBasedScorer } from '../../src/scoring/rule-based-scorer.js';
import type { CandidatePair } from '../../src/scoring/scorer.js';
import { predictFacts } from '../../src/outcomes/model-explanation.js';
import { pairFacts } from '../../src/outcomes/pair-facts.js';
import { asMainPlacement, mentorPathBeside } from '../../src/outcomes/path-facts.js';
import { smallPool } from '../round/support/small-pool.js';

const model = loadOutcomeModel('fixtures/outcomes/model.json');
const pool = Pool.parse(smallPool());

/** Every eligible pair of the small pool: mentors, a French course, an opening, housing. */
function eligiblePairs(): CandidatePair[] {
  const eligibility = evaluatePool(pool);
  return pool.participants.flatMap((participant, p) => Object.values(eligibility.participants[p]!.byKind)
    .flatMap((kind) => Array.from(kind.eligible, (r) => ({ participant, resource: eligibility.index.resources[r]! }))));
}

const sum = (breakdown: Record<string, { contribution: number }>, prefix = '') =>
  Object.entries(breakdown).filter(([name]) => name.startsWith(prefix)).reduce((s, [, f]) => s + f.contribution, 0);

describe('scoring pairs with the outcome model', () => {
  const pairs = eligiblePairs();
  const kinds = new Set(pairs.map((p) => p.resource.kind));

  it('covers every kind of resource in the small pool', () => {
    expect([...kinds].sort()).toEqual(['housing', 'mentor', 'opening', 'training']);
  });

  const facts = pairFacts(pool, pairs).map(asMainPlacement);
  const p = predictPairs(model, pool, pairs).probabilities;
  const fallback = facts.map((f) => predictFacts(model, [mentorPathBeside(f)]).probabilities[0]!);

  it('scores a mentor by its probability, a training session or an opening by its lift over the mentor path beside it, housing by nothing', () => {
    const scale = ruleScale(pool.policy.weights);
    outcomeModelScorer(model, 1)(pool, pairs).forEach((scored, k) => {
      const kind = pairs[k]!.resource.kind;
      if (kind === 'housing') return expect(scored.score).toBe(0);
      expect(scored.score).toBeCloseTo(scale * (kind === 'mentor' ? p[k]! : p[k]! - fallback[k]!), 12);
    });
    // The mentor path an opening in Bretagne replaces is one in Bretagne, where the mentor beside it would be.
    const job = pairs.findIndex((pair) => pair.resource.item.id === 'job-bzh');
    expect(mentorPathBeside(facts[job]!)).toMatchObject({ resourceKind: 'mentor', region: 'Bretagne', homeRegion: 'Occitanie', withMentor: true });
    expect(mentorPathBeside(facts[job]!).sector).toBeUndefined();
  });

  it('explains a lift feature by feature: the entries add up to the score, and features the placement does not change contribute nothing', () => {
    const participantSide = ['age', 'education', 'cefr', 'statusYears', 'waitingYears', 'barriers', 'withMentor'].map((f) => `${outcomePrefix}${f}`);
    outcomeModelScorer(model, 1)(pool, pairs).forEach((scored, k) => {
      const kind = pairs[k]!.resource.kind;
      const entries = Object.entries(scored.breakdown);
      expect(sum(scored.breakdown)).toBeCloseTo(scored.score, 9);
      if (kind !== 'opening' && kind !== 'training') return;
      // No lump: no baseline, no −b, and no entry for what the participant brings to both sides.
      expect(entries.map(([name]) => name).filter((name) => name === `${outcomePrefix}baseline` || participantSide.includes(name))).toEqual([]);
      expect(entries.length).toBeGreaterThan(0);
      // Each entry has the sign of the logit difference it stands for (value × weight).
      for (const [, f] of entries) expect(Math.sign(f.contribution)).toBe(Math.sign(f.value * f.weight));
    });
    const job = outcomeModelScorer(model, 1)(pool, pairs)[pairs.findIndex((pair) => pair.resource.item.id === 'job-bzh')]!;
    expect(Object.keys(job.breakdown)).toEqual(expect.arrayContaining([`${outcomePrefix}kindOpening`, `${outcomePrefix}sectorMatch`, `${outcomePrefix}shortageRelocated`]));
    expect(job.breakdown[`${outcomePrefix}sectorMatch`]!.contribution).toBeGreaterThan(0);
  });

  it('explains a mentor by its probability: a baseline and one share per feature, adding up to p', () => {
    const scale = ruleScale(pool.policy.weights);
    outcomeModelScorer(model, 1)(pool, pairs).forEach((scored, k) => {
      if (pairs[k]!.resource.kind !== 'mentor') return;
      expect(Object.keys(scored.breakdown)).toContain(`${outcomePrefix}baseline`);
      expect(sum(scored.breakdown) / scale).toBeCloseTo(p[k]!, 9);
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
    const fromFixtures = (name: string) => loadNamedModel(name, 'fixtures/outcomes');
    const named = scorerForPolicy({ ...pool.policy, outcomeModel: 'model.json', outcomeModelWeight: 0.3 }, fromFixtures);
    const mixed = outcomeModelScorer(model, 0.3)(pool, pairs);
    named(pool, pairs).forEach((scored, k) => expect(scored.score).toBe(mixed[k]!.score));
    expect(() => scorerForPolicy({ ...pool.policy, outcomeModel: 'nowhere.json' }, fromFixtures)).toThrow(OutcomeModelError);
    // By default, in the models directory: never a path, even one that exists.
    expect(() => scorerForPolicy({ ...pool.policy, outcomeModel: 'fixtures/outcomes/model.json' })).toThrow(/^policy\.outcomeModel: must be the name of a model/);
  });
});
