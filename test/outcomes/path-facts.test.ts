import { describe, it, expect } from 'vitest';
import { expectedInWork } from '../../src/outcomes/gain.js';
import { modelJudge } from '../../src/outcomes/judge.js';
import { loadOutcomeModel } from '../../src/outcomes/model-file.js';
import { outcomeModelScorer, ruleScale } from '../../src/outcomes/model-scorer.js';
import { pairFacts } from '../../src/outcomes/pair-facts.js';
import { predictOutcomes } from '../../src/outcomes/train.js';
import type { PoolResource } from '../../src/scoring/scorer.js';
import { mentor, opening, participant, pool as poolOf } from '../round/support/factories.js';

/**
 * The solver maximises Σ scores; the evaluation judges each path by P(work | main placement,
 * with or without a mentor). docs/outcomes.md §3 says exactly when the two agree: these tests
 * hold it to that, on one participant from Occitanie who wishes sector F and may move to Bretagne.
 */
describe('the model objective against the judge, path by path', () => {
  const model = loadOutcomeModel('fixtures/outcomes/model.json');
  const person = participant({ id: 'p', sectorWishes: ['F'], relocation: { willing: true, regions: ['Bretagne'] }, languages: [{ language: 'fr', level: 'A2' }] });
  const resources = {
    plainMentor: mentor({ id: 'm-plain', sectors: ['G'] }),
    sectorMentor: mentor({ id: 'm-sector', sectors: ['F'] }),
    bretonMentor: mentor({ id: 'm-bzh', region: 'Bretagne' }),
    remoteMentor: mentor({ id: 'm-remote', region: undefined }),
    jobAtHome: opening({ id: 'o-occ', sector: 'F', shortageIndex: 0.8 }),
    jobInBretagne: opening({ id: 'o-bzh', sector: 'F', shortageIndex: 0.8, region: 'Bretagne' }),
  };
  const pool = poolOf({
    participants: [person], employers: [{ id: 'e1', name: 'E' }],
    mentors: [resources.plainMentor.item, resources.sectorMentor.item, resources.bretonMentor.item, resources.remoteMentor.item],
    openings: [resources.jobAtHome.item, resources.jobInBretagne.item],
  });
  const factor = ruleScale(pool.policy.weights);
  const scorer = outcomeModelScorer(model, 1);
  /** The model's part of the objective for a plan, on the probability scale. */
  const objective = (...plan: PoolResource[]) => scorer(pool, plan.map((resource) => ({ participant: person, resource }))).reduce((s, x) => s + x.score, 0) / factor;
  const judged = (...plan: PoolResource[]) => expectedInWork(modelJudge(model, 'm'), pool, [{ participant: person, resources: plan }]).expectedInWork;
  const probability = (resource: PoolResource, withMentor: boolean) =>
    predictOutcomes(model, pairFacts(pool, [{ participant: person, resource }]).map((f) => ({ ...f, withMentor })))[0]!;

  it('a mentor alone: the objective is the judged probability', () => {
    expect(objective(resources.plainMentor)).toBeCloseTo(judged(resources.plainMentor), 12);
    expect(objective(resources.sectorMentor)).toBeCloseTo(judged(resources.sectorMentor), 12);
  });

  it('an opening with a mentor of its region outside the wished sector: exactly the judged probability, at home and after a move', () => {
    expect(objective(resources.plainMentor, resources.jobAtHome)).toBeCloseTo(judged(resources.plainMentor, resources.jobAtHome), 12);
    expect(objective(resources.bretonMentor, resources.jobInBretagne)).toBeCloseTo(judged(resources.bretonMentor, resources.jobInBretagne), 12);
    expect(objective(resources.remoteMentor, resources.jobAtHome)).toBeCloseTo(judged(resources.remoteMentor, resources.jobAtHome), 12);
  });

  it('an opening with a mentor in the wished sector: the objective exceeds the judge by that mentor\'s sector-match bonus', () => {
    const bonus = probability(resources.sectorMentor, true) - probability(resources.plainMentor, true);
    expect(bonus).toBeGreaterThan(0.01);
    expect(objective(resources.sectorMentor, resources.jobAtHome) - judged(resources.sectorMentor, resources.jobAtHome)).toBeCloseTo(bonus, 12);
  });

  it('a remote mentor beside an opening after a move: the objective exceeds the judge by the move\'s penalty on a mentor path', () => {
    const gap = probability(resources.remoteMentor, true) - objective(resources.bretonMentor);
    expect(objective(resources.remoteMentor, resources.jobInBretagne) - judged(resources.remoteMentor, resources.jobInBretagne)).toBeCloseTo(gap, 12);
  });

  it('an opening without a mentor: the objective is p(with a mentor) − b, the judge p(without one)', () => {
    const b = objective(resources.plainMentor);
    expect(objective(resources.jobAtHome)).toBeCloseTo(probability(resources.jobAtHome, true) - b, 12);
    expect(judged(resources.jobAtHome)).toBeCloseTo(probability(resources.jobAtHome, false), 12);
  });

  it('two openings: the objective adds both lifts, the judge credits the first main placement only', () => {
    const both = objective(resources.plainMentor, resources.jobAtHome, resources.jobInBretagne);
    expect(both - objective(resources.plainMentor, resources.jobAtHome)).toBeCloseTo(objective(resources.jobInBretagne), 12);
    expect(judged(resources.plainMentor, resources.jobAtHome, resources.jobInBretagne)).toBeCloseTo(judged(resources.plainMentor, resources.jobAtHome), 12);
  });
});
