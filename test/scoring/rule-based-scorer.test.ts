import { describe, it, expect } from 'vitest';
import { ruleBasedScorer } from '../../src/scoring/rule-based-scorer.js';
import type { CandidatePair } from '../../src/scoring/scorer.js';
import { housing, mentor, opening, participant, pool, training } from '../round/support/factories.js';
import { referenceFeatures, referenceScore } from './support/reference-score.js';
import { randomPool } from '../round/support/random-pool.js';
import { poolResources } from '../../src/eligibility/pool-index.js';
import { batchOf } from '../../src/scoring/pair-batch.js';
import { Pool } from '../../src/domain/pool.js';
import { syntheticPool } from '../../fixtures/generator/synthetic/pool.js';

const amina = participant({
  sectorWishes: ['G', 'F'], skills: ['s1', 's2'], childcareNeed: true, waitingSince: '2025-01-15',
  languages: [{ language: 'fr', level: 'B1' }, { language: 'ar', level: 'C2' }],
});
const job = opening({ sector: 'F', skills: ['s1'], minCefr: 'A2', shortageIndex: 0.8 });
const fle = training({ kind: 'language', cefrEntry: { min: 'A1', max: 'B1' }, childcareProvided: true });
const duo = mentor({ sectors: ['G', 'F'], languages: ['ar'] });
const tiny = pool({ participants: [amina], openings: [job.item], trainingSessions: [fle.item], mentors: [duo.item] });

describe('ruleBasedScorer', () => {
  const [forJob, forFle, forDuo] = ruleBasedScorer(tiny, [
    { participant: amina, resource: job }, { participant: amina, resource: fle }, { participant: amina, resource: duo },
  ]);

  it('scores an opening as the weighted sum of its features, computed by hand', () => {
    // second wish 3·½, skill cosine 2·1/√2, French 1, margin B1−A2 = 1/6, shortage 2·0.8, waiting 365/730
    expect(forJob!.score).toBeCloseTo(1.5 + Math.SQRT2 + 1 + 1 / 6 + 1.6 + 0 + 0.5, 10);
    const skills = forJob!.breakdown.skills!;
    expect(skills.value).toBeCloseTo(Math.SQRT1_2, 12);
    expect(skills.weight).toBe(2);
    expect(skills.contribution).toBeCloseTo(Math.SQRT2, 12);
    expect(forJob!.breakdown.childcare!.value).toBe(0);
  });

  it('rewards a session with childcare for someone who needs it, and caps a mentor\'s sectors at 1', () => {
    expect(forFle!.breakdown.childcare!.value).toBe(1);
    expect(forFle!.breakdown.cefrMargin!.value).toBeCloseTo(2 / 6, 12);
    expect(forDuo!.breakdown.sector!.value).toBe(1);
    expect(forDuo!.breakdown.language!.value).toBe(1);
    expect(forDuo!.score).toBeCloseTo(3 + 1 + 0.5, 12);
  });

  it('keeps a breakdown whose contributions sum to the score', () => {
    for (const scored of [forJob!, forFle!, forDuo!]) {
      const sum = Object.values(scored.breakdown).reduce((s, f) => s + f.contribution, 0);
      expect(sum).toBeCloseTo(scored.score, 12);
    }
  });

  it('follows the policy\'s weights', () => {
    const sectorOnly = pool({ ...tiny, policy: { weights: { sector: 1, skills: 0, language: 0, cefrMargin: 0, shortage: 0, childcare: 0, waiting: 0 } } });
    expect(ruleBasedScorer(sectorOnly, [{ participant: amina, resource: job }])[0]!.score).toBeCloseTo(0.5, 12);
  });

  it('equals a pair-by-pair reference on a random pool, over every kind and region', () => {
    const random = randomPool(7, { participants: 40, mentors: 12, trainings: 10, openings: 15, housing: 10 });
    const resources = poolResources(random);
    const pairs: CandidatePair[] = random.participants.flatMap((p) => resources.map((resource) => ({ participant: p, resource })));
    const scored = ruleBasedScorer(random, pairs);
    pairs.forEach((pair, k) => {
      const expected = referenceFeatures(random, pair.participant, pair.resource);
      for (const [name, value] of Object.entries(expected)) expect(scored[k]!.breakdown[name]!.value).toBeCloseTo(value, 10);
      expect(scored[k]!.score).toBeCloseTo(referenceScore(random, pair.participant, pair.resource), 10);
    });
  });

  it('gives the same scores through its fast path, which a round uses for every eligible pair', () => {
    const random = randomPool(11, { participants: 30, mentors: 8, trainings: 8, openings: 10, housing: 6 });
    const resources = poolResources(random);
    const pairs: CandidatePair[] = random.participants.flatMap((p) => resources.map((resource) => ({ participant: p, resource })));
    const values = ruleBasedScorer.valuesOf!(random, batchOf(pairs));
    expect(Array.from(values)).toEqual(ruleBasedScorer(random, pairs).map((s) => s.score));
  });

  it('gives the same scores to pairs given by index, as a round passes them', () => {
    const random = randomPool(13, { participants: 25, mentors: 8, trainings: 8, openings: 10, housing: 6 });
    const resources = poolResources(random);
    const pairs: CandidatePair[] = random.participants.flatMap((p) => resources.map((resource) => ({ participant: p, resource })));
    const batch = {
      participants: random.participants, resources,
      participantOf: Int32Array.from(pairs, (_, k) => Math.floor(k / resources.length)),
      resourceOf: Int32Array.from(pairs, (_, k) => k % resources.length),
    };
    expect(Array.from(ruleBasedScorer.valuesOf!(random, batch))).toEqual(ruleBasedScorer(random, pairs).map((s) => s.score));
  });

  it('gives the same scores on a generated pool, whose resources share shapes, with participants in any order', () => {
    const generated = Pool.parse(syntheticPool({ participants: 300, seed: 4 }));
    const resources = poolResources(generated);
    const pairs: CandidatePair[] = generated.participants.flatMap((p) => resources.map((resource) => ({ participant: p, resource })));
    const byResource = [...pairs.keys()].sort((a, b) => (a % resources.length) - (b % resources.length) || a - b);
    const byPair = ruleBasedScorer(generated, pairs).map((s) => s.score);
    expect(Array.from(ruleBasedScorer.valuesOf!(generated, batchOf(pairs)))).toEqual(byPair);
    expect(Array.from(ruleBasedScorer.valuesOf!(generated, batchOf(byResource.map((k) => pairs[k]!))))).toEqual(byResource.map((k) => byPair[k]));
    expect(new Set(byPair).size).toBeGreaterThan(1000);
  });

  it('scores housing on childcare suitability and waiting only', () => {
    const family = participant({ childcareNeed: true, waitingSince: '2026-01-15' });
    const [unit] = ruleBasedScorer(tiny, [{ participant: family, resource: housing({ kind: 'family', suitableForChildren: true }) }]);
    expect(unit!.score).toBe(1);
  });
});
