import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startService, type RunningService } from '../support/running-service.js';
import { servicePolicy } from '../support/service-pool.js';

interface Marginal { kind: string; region: string | null; value: number | null; placedGain: number | null }

describe('capacity scenarios over HTTP', () => {
  let running: RunningService;
  let key: string;
  beforeAll(async () => {
    running = await startService();
    key = running.keys.planner;
  });
  afterAll(async () => running.stop());

  /** Every live table as the database holds it, timestamps included. */
  async function liveData() {
    const p = running.service.db.prisma;
    const [participants, mentors, trainings, openings, housing, assignments, rounds] = await Promise.all([
      p.participant.findMany({ orderBy: { id: 'asc' } }), p.mentor.findMany({ orderBy: { id: 'asc' } }),
      p.trainingSession.findMany({ orderBy: { id: 'asc' } }), p.opening.findMany({ orderBy: { id: 'asc' } }),
      p.housingUnit.findMany({ orderBy: { id: 'asc' } }), p.assignment.findMany({ orderBy: { id: 'asc' } }), p.round.findMany({ orderBy: { id: 'asc' } }),
    ]);
    return { participants, mentors, trainings, openings, housing, assignments, rounds };
  }

  async function runScenario(body: object) {
    const started = await running.api.post('/api/v1/scenarios', { key, json: body });
    expect(started.status, started.text).toBe(202);
    expect(started.body).toMatchObject({ scenarioId: expect.any(String), status: 'queued', poll: `/api/v1/jobs/${started.body.jobId}` });
    const job = await running.api.waitForJob(started.body.jobId, key);
    expect(job).toMatchObject({ kind: 'scenario', status: 'succeeded' });
    const scenario = await running.api.get(`/api/v1/scenarios/${started.body.scenarioId}`, { key });
    expect(scenario.body.status).toBe('done');
    return scenario.body;
  }

  it('gives the scenario metrics next to the base and the marginal value of each capacity group, changing no live data', async () => {
    const before = await liveData();
    const scenario = await runScenario({
      name: '+2 mentors in Occitanie',
      base: { filters: {}, policy: servicePolicy },
      changes: [{ kind: 'mentor', region: 'Occitanie', delta: 2, unit: 'resources', note: 'two new volunteers' }],
    });
    const { base, scenario: metrics, difference, marginalValues, changes } = scenario.result;
    expect(base).toMatchObject({ status: 'optimal', participants: 6 });
    expect(base.placed + base.unplaced).toBe(6);
    // Two more mentors in Occitanie: both people who waited for one are now followed; Chen still has nothing open to him.
    expect(metrics).toMatchObject({ status: 'optimal', participants: 6, placed: 5, unplaced: 1, unplacedByReason: { no_eligible_resource: 1 } });
    expect(metrics.byKind.mentor.assignments).toBe(base.byKind.mentor.assignments + 2);
    expect(Object.keys(metrics.byRegion).sort()).toEqual(['Bretagne', 'Occitanie']);
    expect(metrics.byRegion.Occitanie.placed).toBe(base.byRegion.Occitanie.placed + metrics.placed - base.placed);
    expect(base.byPriorityGroup.women_with_children).toEqual({ members: 1, placed: 1 });
    expect(base.unplacedByReason).toMatchObject({ no_eligible_resource: 1 });
    expect(difference).toMatchObject({ placed: metrics.placed - base.placed });
    expect(metrics.placed).toBeGreaterThan(base.placed);
    expect(metrics.totalScore).toBeGreaterThan(base.totalScore);
    expect(changes).toHaveLength(1);
    const groups = (marginalValues as Marginal[]).map((m) => `${m.kind}@${m.region}`);
    expect(groups).toEqual(expect.arrayContaining(['mentor@Occitanie', 'training@Occitanie', 'opening@Occitanie', 'housing@Bretagne']));
    for (const m of marginalValues as Marginal[]) expect(m.value).toBeGreaterThanOrEqual(0);
    expect(await liveData()).toEqual(before);
  });

  it('compares with a round as its base, and lists the scenario', async () => {
    const coordinator = running.keys.coordinator;
    const round = await running.api.post('/api/v1/rounds', { key: coordinator, json: { name: 'base round', policy: servicePolicy } });
    const scenario = await runScenario({ name: 'course cut', base: { round: round.body.id }, changes: [{ resource: 'fle-occ', delta: -1 }], marginal: false });
    expect(scenario.baseRound).toBe(round.body.id);
    expect(scenario.result.scenario.byKind.training.assignments).toBe(0);
    expect(scenario.result.base.byKind.training.assignments).toBe(1);
    expect(scenario.result.marginalValues).toBeUndefined();
    const list = await running.api.get('/api/v1/scenarios', { key });
    expect(list.body.map((s: { name: string }) => s.name)).toEqual(['+2 mentors in Occitanie', 'course cut']);
    expect((await running.api.get(`/api/v1/rounds/${round.body.id}`, { key: coordinator })).body.status).toBe('draft');
  });

  it('refuses a change that does not fit the base, naming the change, and an unknown base round', async () => {
    const tooMuch = await running.api.post('/api/v1/scenarios', {
      key, json: { name: 'cut', base: { filters: {}, policy: servicePolicy }, changes: [{ kind: 'housing', region: 'Bretagne', delta: 1 }, { resource: 'fle-occ', delta: -5 }] },
    });
    expect(tooMuch.status).toBe(400);
    expect(tooMuch.body.issues.map((i: { path: string }) => i.path)).toEqual(['body.changes.1.delta']);
    const unknown = await running.api.post('/api/v1/scenarios', { key, json: { name: 'x', base: { round: 'no-such-round' }, changes: [] } });
    expect(unknown.status).toBe(404);
    expect((await running.api.get('/api/v1/scenarios', { key })).body).toHaveLength(2);
  });
});
