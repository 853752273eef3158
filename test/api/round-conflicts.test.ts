import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startService, type RunningService } from '../support/running-service.js';
import { servicePolicy } from '../support/service-pool.js';

describe('rounds in the wrong state or with impossible overrides', () => {
  let running: RunningService;
  let key: string;
  beforeAll(async () => {
    running = await startService();
    key = running.keys.coordinator;
  });
  afterAll(async () => running.stop());

  const newRound = async (name: string) => (await running.api.post('/api/v1/rounds', { key, json: { name, policy: servicePolicy } })).body.id as string;

  it('starts one solve of two sent at once', async () => {
    const { api } = running;
    const id = await newRound('twice');
    const answers = await Promise.all([api.post(`/api/v1/rounds/${id}/solve`, { key }), api.post(`/api/v1/rounds/${id}/solve`, { key })]);
    expect(answers.map((a) => a.status).sort()).toEqual([202, 409]);
    expect(answers.find((a) => a.status === 409)!.body.message).toMatch(/is solving: it can be solved only when draft or proposed/);
    await api.waitForJob(answers.find((a) => a.status === 202)!.body.jobId, key);
    expect(await running.service.db.prisma.job.count({ where: { subjectId: id } })).toBe(1);
  });

  it('explains which overrides make a round infeasible, and has nothing to publish', async () => {
    const { api } = running;
    const id = await newRound('impossible');
    for (const participant of ['dana', 'eli']) {
      expect((await api.post(`/api/v1/rounds/${id}/overrides`, { key, json: { participant, resource: 'fle-occ', action: 'require' } })).status).toBe(201);
    }
    const job = await api.waitForJob((await api.post(`/api/v1/rounds/${id}/solve`, { key })).body.jobId, key);
    expect(job).toMatchObject({ status: 'succeeded', result: { status: 'infeasible', placed: 0 } });
    const round = (await api.get(`/api/v1/rounds/${id}`, { key })).body;
    expect(round).toMatchObject({ status: 'proposed', solveStatus: 'infeasible', assignmentCounts: { total: 0 } });
    expect(await api.assignments(id, key)).toEqual([]);
    expect(round.report.conflicts.join('\n')).toMatch(/dana → fle-occ[\s\S]*eli → fle-occ[\s\S]*fle-occ \(capacity 1\)/);
    const publish = await api.post(`/api/v1/rounds/${id}/publish`, { key });
    expect(publish.status).toBe(409);
    expect(publish.body.message).toMatch(/no plan to publish/);
  });

  it('names the rule that refuses a required pair', async () => {
    const { api } = running;
    const id = await newRound('too old');
    await api.post(`/api/v1/rounds/${id}/overrides`, { key, json: { participant: 'chen', resource: 'm-occ', action: 'require' } });
    await api.waitForJob((await api.post(`/api/v1/rounds/${id}/solve`, { key })).body.jobId, key);
    const round = (await api.get(`/api/v1/rounds/${id}`, { key })).body;
    expect(round.solveStatus).toBe('infeasible');
    expect(round.report.conflicts.join('\n')).toMatch(/chen → m-occ is refused by rule ageRange/);
  });

  it('refuses overrides naming unknown people or resources, and any change to a cancelled round', async () => {
    const { api } = running;
    const id = await newRound('cancelled');
    const unknown = await api.post(`/api/v1/rounds/${id}/overrides`, { key, json: { participant: 'ghost', resource: 'nowhere', action: 'forbid' } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.issues.map((i: { path: string }) => i.path)).toEqual(['body.participant', 'body.resource']);
    expect((await api.post(`/api/v1/rounds/${id}/cancel`, { key })).body.status).toBe('cancelled');
    for (const path of ['solve', 'publish', 'cancel']) expect((await api.post(`/api/v1/rounds/${id}/${path}`, { key })).status, path).toBe(409);
    expect((await api.get('/api/v1/rounds?status=cancelled', { key })).body.map((r: { id: string }) => r.id)).toEqual([id]);
  });
});
