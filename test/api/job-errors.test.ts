import { Writable } from 'node:stream';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { JobFailure } from '../../src/services/errors.js';
import { internalJobError } from '../../src/services/jobs.js';
import { startService, type RunningService } from '../support/running-service.js';
import { servicePolicy } from '../support/service-pool.js';

describe('the error of a failed job', () => {
  let running: RunningService;
  const lines: string[] = [];
  beforeAll(async () => {
    const stream = new Writable({ write(chunk, _encoding, done) { lines.push(...String(chunk).split('\n').filter(Boolean)); done(); } });
    running = await startService({ logger: { level: 'info', stream } });
  });
  afterEach(() => vi.restoreAllMocks());
  afterAll(async () => running.stop());

  async function failedSolve(): Promise<{ roundId: string; job: Record<string, unknown> }> {
    const { api, keys } = running;
    const round = await api.post('/api/v1/rounds', { key: keys.coordinator, json: { name: 'doomed', policy: servicePolicy } });
    const solve = await api.post(`/api/v1/rounds/${round.body.id}/solve`, { key: keys.coordinator });
    return { roundId: round.body.id, job: await api.waitForJob(solve.body.jobId, keys.coordinator) };
  }

  it('is a generic message for a fault of the service, whose details (not the data) go to the log', async () => {
    // A real Prisma error whose text prints the call's arguments: a participant's legal status and household.
    vi.spyOn(running.service.jobs.compute, 'run').mockImplementation(async () => {
      await running.service.db.write((tx) => tx.participant.create({
        data: { id: 'leak', legalStatus: 'family_reunification', waitingSince: '2025-01-01', data: '{"household":"four children"}', notAColumn: 1 } as never,
      }));
      throw new Error('unreachable');
    });
    const { roundId, job } = await failedSolve();
    expect(job).toMatchObject({ status: 'failed', error: internalJobError });
    expect(JSON.stringify(job)).not.toMatch(/prisma|notAColumn|invocation|\/work|\.ts:/i);
    expect((await running.api.get(`/api/v1/rounds/${roundId}`, { key: running.keys.coordinator })).body.status).toBe('draft');
    const logged = lines.filter((line) => line.includes(String(job.id)));
    expect(logged.some((line) => /PrismaClientValidationError/.test(line) && /notAColumn/.test(line))).toBe(true);
    expect(lines.join('\n')).not.toMatch(/family_reunification|four children/);
  });

  it('keeps the message of a failure its requester can act on', async () => {
    vi.spyOn(running.service.jobs.compute, 'run').mockRejectedValue(new JobFailure('invalid problem:\n  edges[0].resource: unknown resource "x"'));
    const { job } = await failedSolve();
    expect(job).toMatchObject({ status: 'failed', error: 'invalid problem:\n  edges[0].resource: unknown resource "x"' });
  });
});
