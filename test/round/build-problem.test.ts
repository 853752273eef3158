import { describe, it, expect } from 'vitest';
import { solve } from '../../solver/solve.js';
import { prepareRound } from '../../src/round/prepare-round.js';
import { housing, mentor, opening, participant, pool, training } from './support/factories.js';

describe('buildProblem', () => {
  const stays = participant({ id: 'stays', homeRegion: 'Occitanie', waitingSince: '2025-01-15', priorityGroups: ['women_with_children'] });
  const listed = participant({ id: 'listed', relocation: { willing: true, regions: ['Bretagne'] } });
  const anywhere = participant({ id: 'anywhere', relocation: { willing: true, regions: [] } });
  const online = participant({ id: 'online', homeRegion: undefined });
  const base = pool({
    participants: [stays, listed, anywhere, online],
    mentors: [mentor({ id: 'busy', caseloadCap: 18, currentCaseload: 18 }).item, mentor({ id: 'free', caseloadCap: 18, currentCaseload: 16 }).item],
    trainingSessions: [training({ id: 'fle', region: 'Grand Est', seats: 12 }).item],
    openings: [opening({ id: 'open', seats: 2 }).item, opening({ id: 'filled', status: 'filled' }).item],
    housingUnits: [housing({ id: 'flat', region: 'Bretagne', places: 3 }).item],
    policy: { requireOne: ['mentor'], waitingBonusPerDay: 0.01, timeLimitMs: 5000, candidatesPerKind: 5 },
  });
  const { problem } = prepareRound(base, { overrides: [{ participant: 'stays', resource: 'free', action: 'require' }] });

  it('gives each participant the regions they accept, and none to a participant without a home region', () => {
    const regions = Object.fromEntries(problem.participants.map((p) => [p.id, p.regions]));
    expect(regions).toEqual({
      stays: ['Occitanie'],
      listed: ['Bretagne', 'Occitanie'],
      anywhere: ['Bretagne', 'Grand Est', 'Occitanie'],
      online: undefined,
    });
    expect(problem.participants.find((p) => p.id === 'online')!.homeRegion).toBeUndefined();
  });

  it('counts waiting days to the reference date and keeps priority groups', () => {
    expect(problem.participants[0]).toMatchObject({ waitingDays: 365, priorityGroups: ['women_with_children'] });
  });

  it('sets remaining capacities: caseload cap minus caseload (never below 0), seats, places; closed openings are left out', () => {
    expect(problem.resources.map((r) => [r.id, r.capacity])).toEqual([['busy', 0], ['free', 2], ['fle', 12], ['open', 2], ['flat', 3]]);
  });

  it('maps the policy and the overrides', () => {
    expect(problem.policy).toMatchObject({ requireOne: ['mentor'], waitingBonusPerDay: 0.01 });
    // The solve gets the round's 5 s less what came before it, what its report keeps (10 ms,
    // and 250 ms, 5 %, for the bound over every eligible pair) and 2 % for its own overrun.
    expect(problem.policy.timeLimitMs).toBeLessThanOrEqual(5000 - 260 - 100);
    expect(problem.policy.timeLimitMs).toBeGreaterThan(4000);
    // The edges are the kept candidates already: the solver must not cut them again.
    expect(problem.policy.candidatesPerKind).toBeUndefined();
    expect(problem.overrides).toEqual([{ participant: 'stays', resource: 'free', action: 'require' }]);
  });

  it('makes edges only for eligible pairs that fit, with the housing load of the whole household', () => {
    const edges = problem.edges.map((e) => `${e.participant}→${e.resource}`);
    expect(edges).toContain('listed→flat');
    expect(edges).not.toContain('stays→flat');
    expect(edges).not.toContain('stays→busy');
    expect(edges).not.toContain('stays→filled');
    expect(edges).toContain('anywhere→fle');
  });
});

describe('buildProblem bridges and pruning', () => {
  const learner = participant({ id: 'learner', languages: [{ language: 'fr', level: 'A1' }] });
  const fles = [1, 2, 3].map((i) => training({ id: `fle${i}`, kind: 'language', cefrEntry: { min: 'A0', max: 'A2' }, cefrExit: i === 3 ? 'A2' : 'B1', sector: i === 1 ? 'F' : undefined }).item);
  const job = opening({ id: 'job', minCefr: 'B1', sector: 'F' }).item;
  const base = pool({ participants: [learner], trainingSessions: fles, openings: [job] });

  it('emits a bridge listing the language sessions that lead to the opening\'s level', () => {
    const { problem } = prepareRound(base);
    expect(problem.bridges).toEqual([{ participant: 'learner', opening: 'job', trainings: ['fle1', 'fle2'] }]);
  });

  it('keeps the best K per kind, yet keeps a bridging session for every kept bridged opening', () => {
    // Five learners alike, one seat per session: each session keeps its own best two (the first
    // listed), so the last learner has only the best K, and the bridge, to go by.
    const learners = [1, 2, 3, 4, 5].map((i) => participant({ ...learner, id: `learner${i}` }));
    const oneSeat = fles.map((session) => ({ ...session, seats: 1 }));
    const { problem } = prepareRound(pool({
      participants: learners, trainingSessions: oneSeat, openings: [job],
      policy: { candidatesPerKind: 1, weights: { childcare: 0, waiting: 0, cefrMargin: 5 } },
    }));
    const trainings = problem.edges.filter((e) => e.participant === 'learner5' && e.resource.startsWith('fle')).map((e) => e.resource);
    const bridges = problem.bridges.filter((b) => b.participant === 'learner5');
    expect(bridges).toHaveLength(1);
    expect(bridges[0]!.trainings.length).toBeGreaterThan(0);
    expect(trainings).toEqual(expect.arrayContaining(bridges[0]!.trainings));
    // Its best one, and the bridge's best session when that is another.
    expect(trainings.length).toBeLessThanOrEqual(2);
  });
});

describe('buildProblem candidates of a resource nobody ranks first', () => {
  // Four participants alike and two mentors, the first of their sector: everyone's best one is the first.
  const people = [1, 2, 3, 4].map((i) => participant({ id: `p${i}`, sectorWishes: ['G'] }));
  const mentors = [mentor({ id: 'first', caseloadCap: 1, sectors: ['G'] }).item, mentor({ id: 'second', caseloadCap: 1 }).item];
  const round = pool({ participants: people, mentors, policy: { candidatesPerKind: 1 } });

  it('keeps, beside each participant\'s best K, each resource\'s own best two per place', () => {
    const { problem } = prepareRound(round);
    const to = (resource: string) => problem.edges.filter((e) => e.resource === resource).map((e) => e.participant);
    expect(to('first')).toEqual(['p1', 'p2', 'p3', 'p4']);
    expect(to('second')).toEqual(['p1', 'p2']);
  });

  it('so the round fills both mentors instead of leaving the second one without anybody', async () => {
    const { problem } = prepareRound(round);
    const result = await solve(problem);
    expect(result.status).toBe('optimal');
    expect(result.assignments.map((a) => a.resource).sort()).toEqual(['first', 'second']);
  });
});
