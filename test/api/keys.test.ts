import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashKey, revokeApiKey } from '../../src/services/api-keys.js';
import { startService, type RunningService } from '../support/running-service.js';

describe('API keys over HTTP', () => {
  let running: RunningService;
  beforeAll(async () => { running = await startService(); });
  afterAll(async () => running.stop());

  it('lets an admin create a key of each role, shown once and stored only as a hash, that works at once', async () => {
    const { api, keys } = running;
    const created = await api.post('/api/v1/keys', { key: keys.admin, json: { role: 'employer', employerId: 'emp-occ', label: 'HR desk' } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ keyId: expect.any(String), key: expect.stringMatching(/^pk_/), role: 'employer', employerId: 'emp-occ' });
    const stored = await running.service.db.prisma.apiKey.findUniqueOrThrow({ where: { id: created.body.keyId } });
    expect(stored.hash).toBe(hashKey(created.body.key));
    expect(JSON.stringify(stored)).not.toContain(created.body.key);
    expect((await api.get('/api/v1/employers/emp-occ/openings', { key: created.body.key })).status).toBe(200);
    expect((await api.get('/api/v1/employers/emp-bzh/openings', { key: created.body.key })).status).toBe(404);
    const audit = await running.service.db.prisma.auditLog.findFirst({ where: { subject: 'apiKey', subjectId: created.body.keyId } });
    expect(audit).toMatchObject({ action: 'create', keyId: running.keyIds.admin });
    expect(audit?.details ?? '').not.toContain(created.body.key);
  });

  it('refuses an employer key without its employer, a bound key of another role, and an unknown employer', async () => {
    const { api, keys } = running;
    const unbound = await api.post('/api/v1/keys', { key: keys.admin, json: { role: 'employer' } });
    expect(unbound.status).toBe(400);
    expect(unbound.body.issues.map((i: { path: string }) => i.path)).toEqual(['body.employerId']);
    const bound = await api.post('/api/v1/keys', { key: keys.admin, json: { role: 'planner', employerId: 'emp-bzh' } });
    expect(bound.status).toBe(400);
    expect(bound.body.issues.map((i: { path: string }) => i.path)).toEqual(['body.employerId']);
    expect((await api.post('/api/v1/keys', { key: keys.admin, json: { role: 'employer', employerId: 'nobody' } })).status).toBe(404);
    expect(await running.service.db.prisma.apiKey.count()).toBe(5);
  });

  it('answers 401 to a revoked key', async () => {
    const { api, keys } = running;
    const made = await api.post('/api/v1/keys', { key: keys.admin, json: { role: 'planner' } });
    expect((await api.get('/api/v1/scenarios', { key: made.body.key })).status).toBe(200);
    await revokeApiKey(running.service.db, made.body.keyId);
    const refused = await api.get('/api/v1/scenarios', { key: made.body.key });
    expect(refused.status).toBe(401);
    expect(refused.body.message).toMatch(/unknown or revoked/);
  });
});
