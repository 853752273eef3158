import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp, type ServiceApp } from '../../src/app.js';
import { createApiKey } from '../../src/services/api-keys.js';
import { Api } from '../support/http.js';
import { seedPool } from '../support/seed.js';
import { servicePolicy, servicePool } from '../support/service-pool.js';

const dir = mkdtempSync(join(tmpdir(), 'placement-shutdown-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const databaseUrl = `file:${join(dir, 'service.db')}`;

async function listen(service: ServiceApp): Promise<Api> {
  await service.app.listen({ port: 0, host: '127.0.0.1' });
  return new Api(`http://127.0.0.1:${(service.app.server.address() as AddressInfo).port}`);
}

describe('shutting down with solves under way', () => {
  it('finishes or fails every job, leaves no round solving, and serves the same data after a restart', async () => {
    const first = await buildApp({ databaseUrl, shutdownGraceMs: 2_000 });
    await seedPool(first.db, servicePool());
    const { key } = await createApiKey(first.db, { role: 'coordinator' });
    const api = await listen(first);
    const rounds: string[] = [];
    const jobs: string[] = [];
    for (const name of ['one', 'two', 'three']) {
      const round = await api.post('/api/v1/rounds', { key, json: { name, policy: servicePolicy } });
      rounds.push(round.body.id);
      jobs.push((await api.post(`/api/v1/rounds/${round.body.id}/solve`, { key })).body.jobId);
    }
    await first.close();
    await expect(fetch(`${api.base}/health`)).rejects.toThrow();

    const second = await buildApp({ databaseUrl });
    try {
      const again = await listen(second);
      for (const [i, jobId] of jobs.entries()) {
        const job = (await again.get(`/api/v1/jobs/${jobId}`, { key })).body;
        const round = (await again.get(`/api/v1/rounds/${rounds[i]}`, { key })).body;
        if (job.status === 'succeeded') expect(round.status).toBe('proposed');
        else {
          expect(job).toMatchObject({ status: 'failed', error: expect.stringMatching(/stopped|shutting down|restart/) });
          expect(round.status).toBe('draft');
        }
      }
      // Every round, solved or abandoned, can be solved again on the restarted service.
      const retry = await again.post(`/api/v1/rounds/${rounds.at(-1)}/solve`, { key });
      expect(retry.status).toBe(202);
      expect((await again.waitForJob(retry.body.jobId, key)).status).toBe('succeeded');
    } finally {
      await second.close();
    }
  });
});
