import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { maxTimeLimitMs } from '../../src/domain/policy.js';
import { startService, type RunningService } from '../support/running-service.js';
import { servicePolicy } from '../support/service-pool.js';

describe('stopping long work', () => {
  let running: RunningService;
  let key: string;
  beforeAll(async () => {
    running = await startService();
    key = running.keys.coordinator;
  });
  afterEach(() => vi.restoreAllMocks());
  afterAll(async () => running.stop());

  /** Holds the next solves in their solver step until they are stopped, as a long solve would (the real thread is stopped in the second test). */
  const stallSolver = () => vi.spyOn(running.service.jobs.compute, 'run').mockImplementation((_task, signal) => new Promise<never>((_resolve, reject) => {
    signal?.addEventListener('abort', () => reject(new Error('the solver thread stopped')), { once: true });
  }));

  const newRound = async (name: string) => (await running.api.post('/api/v1/rounds', { key, json: { name, policy: servicePolicy } })).body.id as string;
  const solve = async (roundId: string) => (await running.api.post(`/api/v1/rounds/${roundId}/solve`, { key })).body.jobId as string;
  const job = async (jobId: string) => (await running.api.get(`/api/v1/jobs/${jobId}`, { key })).body;
  const roundStatus = async (roundId: string) => (await running.api.get(`/api/v1/rounds/${roundId}`, { key })).body.status as string;
  /** Polls until the job is in its solver step (the worker thread, started by a first solve, takes seconds to load). */
  async function whileSolving(jobId: string): Promise<void> {
    for (let seen = await job(jobId); !String(seen.message).startsWith('solving'); seen = await job(jobId)) {
      if (!['queued', 'running'].includes(seen.status)) throw new Error(`job ended before its solve: ${JSON.stringify(seen)}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  it('refuses a time limit over the maximum, naming the field, and accepts the maximum', async () => {
    const over = await running.api.post('/api/v1/rounds', { key, json: { name: 'too long', policy: { timeLimitMs: maxTimeLimitMs + 1 } } });
    expect(over.status).toBe(400);
    expect(over.body.issues).toEqual([{ path: 'body.policy.timeLimitMs', message: expect.stringMatching(/at most 120000 ms/) }]);
    const scenario = await running.api.post('/api/v1/scenarios', { key: running.keys.planner, json: { name: 'x', base: { filters: {} }, changes: [], policy: { timeLimitMs: 10_000_000 } } });
    expect(scenario.status).toBe(400);
    expect(scenario.body.issues.map((i: { path: string }) => i.path)).toEqual(['body.policy.timeLimitMs']);
    expect((await running.api.post('/api/v1/rounds', { key, json: { name: 'longest', policy: { timeLimitMs: maxTimeLimitMs } } })).status).toBe(201);
  });

  it('stops a running solve and a queued one: both end cancelled, their rounds as before the solve, and the next job runs', async () => {
    const first = await newRound('stopped while solving');
    const second = await newRound('stopped while queued');
    const [running1, queued] = [await solve(first), await solve(second)];
    await whileSolving(running1);
    expect((await job(queued)).status).toBe('queued');

    const stoppedQueued = await running.api.delete(`/api/v1/jobs/${queued}`, { key });
    expect(stoppedQueued.status).toBe(200);
    expect(stoppedQueued.body).toMatchObject({ id: queued, status: 'cancelled', error: 'stopped on request', finishedAt: expect.any(String) });
    const started = Date.now();
    const stopped = await running.api.delete(`/api/v1/jobs/${running1}`, { key });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(stopped.body).toMatchObject({ id: running1, status: 'cancelled', error: 'stopped on request', result: null });
    expect([await roundStatus(first), await roundStatus(second)]).toEqual(['draft', 'draft']);
    expect(await running.service.db.prisma.assignment.count({ where: { roundId: { in: [first, second] } } })).toBe(0);
    // Stopping again answers the same; a round whose solve was stopped can be solved again.
    expect((await running.api.delete(`/api/v1/jobs/${running1}`, { key })).body.status).toBe('cancelled');
    const again = await running.api.waitForJob(await solve(first), key);
    expect(again.status).toBe('succeeded');
    expect(await roundStatus(first)).toBe('proposed');
    const audit = await running.service.db.prisma.auditLog.findMany({ where: { action: 'cancel', subject: 'job' } });
    expect(audit.map((e) => [e.subjectId, e.keyId]).sort()).toEqual([[queued, running.keyIds.coordinator], [running1, running.keyIds.coordinator]].sort());
  });

  it('keeps the previous proposal of a round whose re-solve is stopped', async () => {
    const roundId = await newRound('re-solved');
    await running.api.waitForJob(await solve(roundId), key);
    const before = (await running.api.get(`/api/v1/rounds/${roundId}`, { key })).body;
    const beforeAssignments = await running.api.assignments(roundId, key);
    expect(beforeAssignments.length).toBeGreaterThan(0);
    stallSolver();
    const jobId = await solve(roundId);
    await whileSolving(jobId);
    expect((await running.api.delete(`/api/v1/jobs/${jobId}`, { key })).body.status).toBe('cancelled');
    const after = (await running.api.get(`/api/v1/rounds/${roundId}`, { key })).body;
    expect(after).toMatchObject({ status: 'proposed', solvedAt: before.solvedAt });
    expect(after.assignmentCounts).toEqual(before.assignmentCounts);
    expect(await running.api.assignments(roundId, key)).toEqual(beforeAssignments);
  });

  it('cancels a round while it is being solved, stopping its solve', async () => {
    const roundId = await newRound('cancelled while solving');
    stallSolver();
    const jobId = await solve(roundId);
    await whileSolving(jobId);
    expect(await roundStatus(roundId)).toBe('solving');
    const cancelled = await running.api.post(`/api/v1/rounds/${roundId}/cancel`, { key });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.status).toBe('cancelled');
    expect(await job(jobId)).toMatchObject({ status: 'cancelled', error: 'stopped on request' });
    expect((await running.api.post(`/api/v1/rounds/${roundId}/solve`, { key })).status).toBe(409);
  });

  it('refuses to stop a finished job (409), a solve for a planner (403), and answers 404 for an unknown job', async () => {
    const roundId = await newRound('finished');
    const jobId = await solve(roundId);
    await running.api.waitForJob(jobId, key);
    const finished = await running.api.delete(`/api/v1/jobs/${jobId}`, { key });
    expect(finished.status).toBe(409);
    expect(finished.body.message).toBe(`job "${jobId}" has succeeded: only a queued or running job can be stopped`);
    const planner = await running.api.delete(`/api/v1/jobs/${jobId}`, { key: running.keys.planner });
    expect(planner.status).toBe(403);
    expect((await running.api.delete('/api/v1/jobs/no-such-job', { key })).status).toBe(404);
    expect(await roundStatus(roundId)).toBe('proposed');
  });

  it('lets a planner stop a scenario', async () => {
    const planner = running.keys.planner;
    stallSolver();
    const started = await running.api.post('/api/v1/scenarios', { key: planner, json: { name: 'stopped', base: { filters: {}, policy: servicePolicy }, changes: [] } });
    expect(started.status).toBe(202);
    const stopped = await running.api.delete(`/api/v1/jobs/${started.body.jobId}`, { key: planner });
    expect(stopped.body).toMatchObject({ kind: 'scenario', status: 'cancelled' });
    expect((await running.api.get(`/api/v1/scenarios/${started.body.scenarioId}`, { key: planner })).body)
      .toMatchObject({ status: 'cancelled', result: { error: 'stopped on request' } });
  });
});
