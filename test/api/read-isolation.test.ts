import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startService, type RunningService } from '../support/running-service.js';

describe('HTTP reads while a write transaction is open', () => {
  let running: RunningService;
  beforeAll(async () => { running = await startService(); });
  afterAll(async () => running.stop());

  it('answer from committed data only: rows of a write that is then rolled back are never served', async () => {
    const { api, keys, service } = running;
    let release!: () => void;
    let opened!: () => void;
    const gate = new Promise<void>((r) => { release = r; });
    const open = new Promise<void>((r) => { opened = r; });
    const write = service.db.write(async (tx) => {
      await tx.employer.create({ data: { id: 'ghost-employer', name: 'Never committed' } });
      opened();
      await gate;
      throw new Error('rolled back on purpose');
    }).catch(() => 'rolled back');
    await open;
    const during = await Promise.all([
      api.get('/api/v1/employers/ghost-employer', { key: keys.coordinator }),
      api.get('/api/v1/employers', { key: keys.coordinator }),
    ]);
    release();
    expect(await write).toBe('rolled back');
    expect(during[0]!.status).toBe(404);
    expect(during[1]!.text).not.toContain('ghost-employer');
    expect((await api.get('/api/v1/employers/ghost-employer', { key: keys.coordinator })).status).toBe(404);
  });
});
