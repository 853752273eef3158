import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startService, type RunningService } from '../support/running-service.js';
import { servicePolicy } from '../support/service-pool.js';

/** A policy comes from API users: the model it names must stay inside the models directory, and its errors must not leak the file. */
describe('policy.outcomeModel over HTTP', () => {
  let running: RunningService;
  const secret = 'root:x:0:0:secret-line';

  beforeAll(async () => {
    const models = mkdtempSync(join(tmpdir(), 'api-models-'));
    writeFileSync(join(models, 'broken.json'), `{"kind": ${secret}`);
    // Before the service starts: its compute workers take their environment from the process then.
    vi.stubEnv('OUTCOME_MODELS_DIR', models);
    running = await startService();
  });
  afterAll(async () => {
    await running.stop();
    vi.unstubAllEnvs();
  });

  it('refuses a path as the model name with 400, naming policy.outcomeModel', async () => {
    for (const outcomeModel of ['/etc/passwd', '../x', 'models/outcome.json']) {
      const answer = await running.api.post('/api/v1/rounds', { key: running.keys.coordinator, json: { name: 'bad', policy: { ...servicePolicy, outcomeModel } } });
      expect(answer.status).toBe(400);
      expect(answer.body.issues).toEqual([{ path: 'body.policy.outcomeModel', message: expect.stringMatching(/^must be the name of a model in the models directory/) }]);
    }
  });

  it('fails the solve of a round whose model cannot be used with a message that quotes nothing of the file', async () => {
    const { api, keys } = running;
    for (const [outcomeModel, error] of [
      ['missing.json', 'policy.outcomeModel: there is no outcome model named "missing.json" in the models directory'],
      ['broken.json', 'policy.outcomeModel: the outcome model "broken.json" cannot be read as JSON'],
    ] as const) {
      const round = await api.post('/api/v1/rounds', { key: keys.coordinator, json: { name: outcomeModel, policy: { ...servicePolicy, outcomeModel } } });
      expect(round.status).toBe(201);
      const accepted = await api.post(`/api/v1/rounds/${round.body.id}/solve`, { key: keys.coordinator });
      const job = await api.waitForJob(accepted.body.jobId, keys.coordinator);
      expect({ status: job.status, error: job.error }).toEqual({ status: 'failed', error });
    }
  });
});
