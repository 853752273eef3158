import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allow, apiPrefix, authPlugin } from '../../../src/api/plugins/auth.js';
import { errorHandlerPlugin } from '../../../src/api/plugins/error-handler.js';
import { servicesPlugin } from '../../../src/api/plugins/services.js';
import { createApiKey } from '../../../src/services/api-keys.js';
import { JobRunner } from '../../../src/services/jobs.js';
import { openTempDatabase, type TempDatabase } from '../../support/temp-database.js';

/** The auth hook on an app of its own, with a route that forgot to declare its roles. */
describe('the auth plugin', () => {
  let temp: TempDatabase;
  let app: FastifyInstance;
  const keys: Record<string, string> = {};
  beforeAll(async () => {
    temp = await openTempDatabase();
    app = Fastify();
    await app.register(servicesPlugin, { services: { db: temp.db, jobs: new JobRunner(temp.db, console) } });
    await app.register(errorHandlerPlugin);
    await app.register(authPlugin);
    app.get('/open', async () => ({ ok: true }));
    await app.register(async (api) => {
      api.get('/forgotten', async () => ({ secret: true }));
      api.get('/staff', { config: { roles: allow('coordinator') } }, async () => ({ ok: true }));
    }, { prefix: apiPrefix });
    await app.ready();
    for (const role of ['admin', 'coordinator', 'planner'] as const) keys[role] = (await createApiKey(temp.db, { role })).key;
  });
  afterAll(async () => {
    await app.close();
    await temp.remove();
  });

  const get = (url: string, key?: string) => app.inject({ method: 'GET', url, headers: key ? { authorization: `Bearer ${key}` } : {} });

  it(`denies a route under ${apiPrefix} that declares no roles to every caller, admin included`, async () => {
    expect((await get(`${apiPrefix}/forgotten`)).statusCode).toBe(401);
    for (const role of ['admin', 'coordinator', 'planner']) {
      const answer = await get(`${apiPrefix}/forgotten`, keys[role]);
      expect(answer.statusCode, role).toBe(403);
      expect(answer.body).not.toContain('secret');
    }
  });

  it('admits the declared roles (and admin) on a route that declares them, and leaves routes outside the API public', async () => {
    expect((await get(`${apiPrefix}/staff`, keys.coordinator)).statusCode).toBe(200);
    expect((await get(`${apiPrefix}/staff`, keys.admin)).statusCode).toBe(200);
    expect((await get(`${apiPrefix}/staff`, keys.planner)).statusCode).toBe(403);
    expect((await get('/open')).statusCode).toBe(200);
    expect((await get(`${apiPrefix}/nowhere`)).statusCode).toBe(404);
  });
});
