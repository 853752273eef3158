import { describe, it, expect } from 'vitest';
import type { SolveResult } from '../../solver/result.js';
import { prepareRound } from '../../src/round/prepare-round.js';
import { explainRound, pairKey } from '../../src/round/explain.js';
import { ruleBasedScorer } from '../../src/scoring/rule-based-scorer.js';
import { housing, mentor, participant, pool, training } from './support/factories.js';
import { runRound } from '../../src/round/run-round.js';
import { describeMissing } from '../../src/round/format-unplaced.js';

const placed = participant({ id: 'placed', priorityGroups: ['women_with_children'] });
const late = participant({ id: 'late', priorityGroups: ['women_with_children'] });
const old = participant({ id: 'old', birthYear: 1970 });
const base = pool({
  participants: [placed, late, old],
  mentors: [mentor({ id: 'm1', caseloadCap: 1, eligibility: { maxAge: 40 } }).item, mentor({ id: 'm2', region: 'Bretagne', caseloadCap: 4, eligibility: { maxAge: 40 } }).item],
  trainingSessions: [training({ id: 't1', region: 'Occitanie', seats: 5, eligibility: { maxAge: 30 } }).item],
});
const { eligibility, problem } = prepareRound(base);
const score = (p: string, r: string) => problem.edges.find((e) => e.participant === p && e.resource === r)!.score;

/** The plan a solver would return: 'placed' takes the only mentor seat and a training. */
const result: SolveResult = {
  status: 'optimal', objective: score('placed', 'm1') + score('placed', 't1'), gap: 0,
  assignments: [
    { participant: 'placed', resource: 'm1', kind: 'mentor', score: score('placed', 'm1') },
    { participant: 'placed', resource: 't1', kind: 'training', score: score('placed', 't1') },
  ],
  regions: { placed: 'Occitanie', late: 'Occitanie', old: 'Occitanie' },
  conflicts: [], stats: { variables: 6, constraints: 9, milliseconds: 3, backend: 'jsLPSolver' },
};
const breakdowns = new Map(result.assignments.map((a) => {
  const pair = { participant: placed, resource: eligibility.index.resources[eligibility.index.position.get(a.resource)!]! };
  return [pairKey(a.participant, a.resource), ruleBasedScorer(base, [pair])[0]!.breakdown];
}));
const report = explainRound({ pool: base, eligibility, problem, result, breakdowns });
const of = (id: string) => report.participants.find((p) => p.participant === id)!;

describe('explainRound', () => {
  it('shows what a placed participant got, with a breakdown that adds up to the score', () => {
    expect(of('placed').placed).toBe(true);
    expect(of('placed').assignments.map((a) => a.resource)).toEqual(['m1', 't1']);
    for (const a of of('placed').assignments) {
      expect(Object.values(a.breakdown).reduce((s, f) => s + f.contribution, 0)).toBeCloseTo(a.score, 10);
    }
    expect(of('placed').missing).toEqual([]);
  });

  it('says the only eligible mentor was full, and the training was there but not selected', () => {
    const [mentorWhy, trainingWhy] = of('late').missing;
    expect(mentorWhy).toMatchObject({ kind: 'mentor', reason: 'capacity', fullResources: ['m1'], eligibleResources: 1 });
    expect(mentorWhy!.refusalsByRule!.map((r) => [r.rule, r.count])).toEqual([['relocation', 1]]);
    expect(trainingWhy).toMatchObject({ kind: 'training', reason: 'not_selected', fullResources: [] });
  });

  it('names the rules that refused every resource to an unplaced participant', () => {
    const [mentorWhy, trainingWhy] = of('old').missing;
    expect(mentorWhy!.reason).toBe('no_eligible_resource');
    expect(mentorWhy!.refusalsByRule!.map((r) => [r.rule, r.count])).toEqual([['ageRange', 1], ['relocation', 1]]);
    expect(mentorWhy!.refusals).toContainEqual({ resource: 'm1', rule: 'ageRange', message: 'aged 56, the mentor admits up to 40' });
    expect(trainingWhy!.refusals).toEqual([{ resource: 't1', rule: 'ageRange', message: 'aged 56, the session admits up to 30' }]);
  });

  it('reports the use of every resource against its capacity', () => {
    expect(report.resources).toEqual([
      { resource: 'm1', kind: 'mentor', region: 'Occitanie', capacity: 1, used: 1, remaining: 0 },
      { resource: 'm2', kind: 'mentor', region: 'Bretagne', capacity: 4, used: 0, remaining: 4 },
      { resource: 't1', kind: 'training', region: 'Occitanie', capacity: 5, used: 1, remaining: 4 },
    ]);
  });

  it('totals by region, kind and priority group', () => {
    expect(report.totals).toMatchObject({ participants: 3, placed: 1, unplaced: 2 });
    expect(report.totals.score).toBeCloseTo(result.objective!, 10);
    expect(report.totals.byRegion.Occitanie).toMatchObject({ placed: 1, assignments: 2 });
    expect(report.totals.byKind.mentor).toMatchObject({ placed: 1, assignments: 1 });
    expect(report.totals.byPriorityGroup).toEqual({ women_with_children: { members: 2, placed: 1 } });
    expect(report).toMatchObject({ pool: 'test pool', referenceDate: '2026-01-15', status: 'optimal', gap: 0 });
  });
});

describe('a housing unit with room left, but not enough for the household', () => {
  it('is called too small for the household, not full', async () => {
    const family = participant({ id: 'family', household: { adults: 2, children: 2, isolated: false }, housing: { needed: true, sharedAcceptable: false } });
    const round = pool({ participants: [family], housingUnits: [housing({ id: 'h-small', kind: 'family', places: 3, suitableForChildren: true }).item] });
    const { report } = await runRound(round);
    const why = report.participants[0]!.missing.find((m) => m.kind === 'housing')!;
    expect(why).toMatchObject({ reason: 'capacity', fullResources: ['h-small'], tooSmallResources: ['h-small'], needs: 4 });
    expect(describeMissing(why)).toBe('the only eligible one has room left, but too small for a household of 4: h-small');
  });
});
