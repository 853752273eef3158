import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Api } from '../support/http.js';
import { startService, type RunningService } from '../support/running-service.js';
import { servicePolicy, servicePool } from '../support/service-pool.js';

interface Missing { kind: string; refusals: { resource: string; rule: string }[]; refusalsTotal?: number; refusalsByRule: { rule: string; count: number; examples?: unknown[] }[] }

/** The service pool with four more Occitanie mentors for young people: Chen (55) is refused by five on the age range, by m-bzh on relocation. */
function poolWithMoreMentors() {
  const pool = servicePool();
  for (const n of [1, 2, 3, 4]) {
    pool.mentors!.push({ id: `m-occ-${n}`, kind: 'volunteer', region: 'Occitanie', caseloadCap: 1, gender: 'female', languages: ['fr'], availableFrom: '2025-12-01', eligibility: { maxAge: 35 } });
  }
  return pool;
}

describe('explanations of a round and overrides taken back', () => {
  let running: RunningService;
  let api: Api;
  let key: string;
  let roundId: string;

  async function solve(): Promise<void> {
    const accepted = await api.post(`/api/v1/rounds/${roundId}/solve`, { key });
    expect((await api.waitForJob(accepted.body.jobId, key)).status).toBe('succeeded');
  }

  beforeAll(async () => {
    running = await startService({ pool: poolWithMoreMentors() });
    api = running.api;
    key = running.keys.coordinator;
    roundId = (await api.post('/api/v1/rounds', { key, json: { name: 'explained', policy: servicePolicy } })).body.id;
    await solve();
  });
  afterAll(async () => running.stop());

  const chenMentor = async (query: string): Promise<Missing> => {
    const answer = await api.get(`/api/v1/rounds/${roundId}/participants?${query}`, { key });
    expect(answer.status).toBe(200);
    const chen = (answer.body.items as { participant: string; missing: Missing[] }[]).find((p) => p.participant === 'chen')!;
    return chen.missing.find((m) => m.kind === 'mentor')!;
  };

  it('counts every mentor that refused a participant, not only the examples it lists, and lists the examples once per page', async () => {
    const listed = await chenMentor('placed=false');
    // A page of explanations carries the examples once, in `refusals`; the rules keep their counts.
    expect(listed.refusalsByRule).toEqual([{ rule: 'ageRange', count: 5 }, { rule: 'relocation', count: 1 }]);
    expect(listed.refusals).toHaveLength(3);
    expect(listed.refusalsTotal).toBe(6);
    const alone = await chenMentor('participant=chen');
    // The report keeps three examples per rule: 3 on the age range and 1 on relocation, out of 6 refusals.
    expect(alone.refusals.map((r) => r.rule)).toEqual(['ageRange', 'ageRange', 'ageRange', 'relocation']);
    expect(alone.refusalsTotal).toBe(6);
    expect(alone.refusalsByRule.map((r) => [r.rule, r.count, r.examples?.length])).toEqual([['ageRange', 5, 3], ['relocation', 1, 1]]);
    expect((await chenMentor('placed=false&refusals=all')).refusalsByRule[0]!.examples).toHaveLength(3);
  });

  it('takes back an override so that the next solve no longer honours it', async () => {
    const given = await api.post(`/api/v1/rounds/${roundId}/overrides`, { key, json: { participant: 'chen', resource: 'm-occ', action: 'require' } });
    expect(given.status).toBe(201);
    await solve();
    const stuck = await api.get(`/api/v1/rounds/${roundId}`, { key });
    expect(stuck.body.solveStatus).toBe('infeasible');
    expect(stuck.body.report.conflicts.join('\n')).toMatch(/require override: chen → m-occ/);

    const removed = await api.call('DELETE', `/api/v1/rounds/${roundId}/overrides/${given.body.id}`, { key });
    expect(removed.status).toBe(204);
    expect((await api.get(`/api/v1/rounds/${roundId}/overrides`, { key })).body).toEqual([]);
    await solve();
    expect((await api.get(`/api/v1/rounds/${roundId}`, { key })).body.solveStatus).toBe('optimal');

    const again = await api.call('DELETE', `/api/v1/rounds/${roundId}/overrides/${given.body.id}`, { key });
    expect(again.status).toBe(404);
    expect(again.body.message).toBe(`override "${given.body.id}" not found`);
  });

  it('keeps the overrides of a published round as they were', async () => {
    const given = await api.post(`/api/v1/rounds/${roundId}/overrides`, { key, json: { participant: 'dana', resource: 'job-occ', action: 'forbid' } });
    await solve();
    expect((await api.post(`/api/v1/rounds/${roundId}/publish`, { key })).status).toBe(200);
    const refused = await api.call('DELETE', `/api/v1/rounds/${roundId}/overrides/${given.body.id}`, { key });
    expect(refused.status).toBe(409);
    expect(refused.body.message).toMatch(/is published/);
    expect((await api.get(`/api/v1/rounds/${roundId}/overrides`, { key })).body).toHaveLength(1);
  });
});
