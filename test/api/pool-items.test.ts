import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startService, type RunningService } from '../support/running-service.js';
import { servicePolicy } from '../support/service-pool.js';

const newcomer = {
  id: 'zoe', reference: 'OCC-2026-17', birthYear: 2003, gender: 'female', legalStatus: 'subsidiary_protection', statusSince: '2025-05-01',
  homeRegion: 'Grand Est', household: { adults: 1, children: 0, isolated: true }, languages: [{ language: 'fr', level: 'A1' }],
  availableFrom: '2026-02-01', waitingSince: '2025-09-01', programmeTags: ['thrasos'],
};

describe('participants and resources over HTTP', () => {
  let running: RunningService;
  let key: string;
  beforeAll(async () => {
    running = await startService();
    key = running.keys.coordinator;
  });
  afterAll(async () => running.stop());

  it('creates, reads, replaces and deletes a participant, with defaults filled in', async () => {
    const { api } = running;
    const created = await api.post('/api/v1/participants', { key, json: newcomer });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ ...newcomer, childcareNeed: false, barriers: [], relocation: { willing: false, regions: [] } });
    expect((await api.post('/api/v1/participants', { key, json: newcomer })).status).toBe(409);
    const replaced = await api.put('/api/v1/participants/zoe', { key, json: { ...newcomer, homeRegion: 'Occitanie' } });
    expect(replaced.body.homeRegion).toBe('Occitanie');
    expect((await api.get('/api/v1/participants/zoe', { key })).body.homeRegion).toBe('Occitanie');
    const renamed = await api.put('/api/v1/participants/zoe', { key, json: { ...newcomer, id: 'zoe-2' } });
    expect(renamed.status).toBe(400);
    expect(renamed.body.issues).toEqual([expect.objectContaining({ path: 'body.id' })]);
    expect((await api.put('/api/v1/participants/nobody', { key, json: { ...newcomer, id: 'nobody' } })).status).toBe(404);
    expect((await api.delete('/api/v1/participants/zoe', { key })).status).toBe(204);
    expect((await api.get('/api/v1/participants/zoe', { key })).status).toBe(404);
  });

  it('pages through participants and filters them by region and programme tag', async () => {
    const { api } = running;
    await api.post('/api/v1/participants', { key, json: newcomer });
    const page = await api.get('/api/v1/participants?limit=2&offset=1', { key });
    expect(page.body).toMatchObject({ total: 7, limit: 2, offset: 1 });
    expect(page.body.items.map((p: { id: string }) => p.id)).toEqual(['bilal', 'chen']);
    const grandEst = await api.get('/api/v1/participants?region=Grand%20Est', { key });
    expect(grandEst.body.items.map((p: { id: string }) => p.id)).toEqual(['zoe']);
    const tagged = await api.get('/api/v1/participants?programmeTag=thrasos', { key });
    expect(tagged.body.total).toBe(1);
    expect((await api.get('/api/v1/participants?programmeTag=thras', { key })).body.total).toBe(0);
    const bretagne = await api.get('/api/v1/housing-units?region=Bretagne', { key: running.keys.planner });
    expect(bretagne.body.items.map((h: { id: string }) => h.id)).toEqual(['flat-bzh']);
  });

  it('keeps people and resources a published round placed, and drops them from proposals when deleted before', async () => {
    const { api } = running;
    const round = await api.post('/api/v1/rounds', { key, json: { name: 'deletions', policy: servicePolicy } });
    await api.waitForJob((await api.post(`/api/v1/rounds/${round.body.id}/solve`, { key })).body.jobId, key);
    const proposed = (await api.assignments(round.body.id, key)) as { participant: string; resource: string }[];
    expect(proposed.some((a) => a.resource === 'job-occ')).toBe(true);
    const holder = proposed.find((a) => a.resource === 'fle-occ')!.participant;
    expect((await api.delete(`/api/v1/participants/${holder}`, { key })).status).toBe(204);
    const after = (await api.assignments(round.body.id, key)) as { participant: string }[];
    expect(after.map((a) => a.participant)).not.toContain(holder);
    expect((await api.post(`/api/v1/rounds/${round.body.id}/publish`, { key })).status).toBe(200);
    const placed = after[0]!.participant;
    const refused = await api.delete(`/api/v1/participants/${placed}`, { key });
    expect(refused.status).toBe(409);
    expect(refused.body.message).toMatch(/published assignment/);
    expect((await api.delete('/api/v1/mentors/m-occ', { key })).status).toBe(409);
    expect((await api.get(`/api/v1/participants/${placed}`, { key })).status).toBe(200);
  });
});
