import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Answer } from '../support/http.js';
import {
  badBodies, badCsv, badQueries, bodyRoutes, employerChosenIds, malformedJson, malformedUrls, overlongTimeLimits, oversized, prototypeHeaders, strayFieldsAndLongIds, unknownIds, type InvalidRequest,
} from '../support/invalid-requests.js';
import { maxTimeLimitMs } from '../../src/domain/policy.js';
import { startService, type RunningService } from '../support/running-service.js';
import { servicePolicy } from '../support/service-pool.js';

const bodyLimit = 64 * 1024;
const seed = 20261125;

/** What is wrong with the answer to a request the service must refuse, or null when it is right. */
function fault(request: InvalidRequest, answer: Answer): string | null {
  if (answer.status >= 500 || answer.status < 400) return `status ${answer.status}`;
  if (request.status !== undefined && answer.status !== request.status) return `status ${answer.status}, expected ${request.status}`;
  if (answer.body?.statusCode !== answer.status || typeof answer.body.message !== 'string') return `body ${answer.text.slice(0, 120)}`;
  if (answer.status !== 400) return null;
  const paths: string[] = (answer.body.issues ?? []).map((i: { path: string }) => i.path);
  if (paths.length === 0 || paths.some((p) => !p)) return `400 without field paths: ${answer.text.slice(0, 120)}`;
  if (request.field && !paths.some((p) => p === request.field || p.startsWith(`${request.field}.`))) return `issues name ${paths.join(', ')}, not ${request.field}`;
  return null;
}

describe('bad input over HTTP', () => {
  let running: RunningService;
  let requests: InvalidRequest[];

  beforeAll(async () => {
    running = await startService({ bodyLimit });
    const round = await running.api.post('/api/v1/rounds', { key: running.keys.coordinator, json: { name: 'target', policy: servicePolicy } });
    const sample = <T>(arbitrary: fc.Arbitrary<T>, numRuns: number, offset: number) => fc.sample(arbitrary, { seed: seed + offset, numRuns });
    requests = [
      ...sample(badBodies(bodyRoutes(round.body.id)), 520, 1),
      ...sample(unknownIds(), 150, 2),
      ...sample(malformedJson(), 150, 3),
      ...sample(badCsv(), 150, 4),
      ...sample(prototypeHeaders(), 40, 8),
      ...sample(overlongTimeLimits(maxTimeLimitMs), 30, 9),
      ...sample(employerChosenIds(), 30, 10),
      ...sample(malformedUrls(), 40, 11),
      ...sample(badQueries(), 100, 5),
      ...sample(oversized(bodyLimit), 9, 6),
      ...sample(strayFieldsAndLongIds(round.body.id), 100, 7),
      ...['application/xml', 'multipart/form-data; boundary=x', 'image/png'].map((contentType) => ({
        method: 'POST', path: '/api/v1/rounds', role: 'coordinator' as const, raw: '<round/>', contentType, status: 415,
      })),
    ];
  });
  afterAll(async () => running.stop());

  const counts = async () => {
    const p = running.service.db.prisma;
    return Promise.all([p.participant.count(), p.mentor.count(), p.trainingSession.count(), p.housingUnit.count(), p.employer.count(),
      p.opening.count(), p.round.count(), p.override.count(), p.scenario.count(), p.apiKey.count(), p.auditLog.count(), p.job.count()]);
  };

  it('answers more than a thousand generated invalid requests with a 4xx naming the bad field, never a 5xx, and writes nothing', async () => {
    expect(requests.length).toBeGreaterThanOrEqual(1000);
    const before = await counts();
    const faults: string[] = [];
    const statuses = new Map<number, number>();
    for (let i = 0; i < requests.length; i += 16) {
      const batch = requests.slice(i, i + 16);
      const answers = await Promise.all(batch.map((r) => running.api.call(r.method, r.path, {
        key: running.keys[r.role], ...(r.json !== undefined ? { json: r.json } : {}), ...(r.raw !== undefined ? { raw: r.raw, contentType: r.contentType } : {}),
      })));
      answers.forEach((answer, j) => {
        statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
        const wrong = fault(batch[j]!, answer);
        if (wrong) faults.push(`${batch[j]!.method} ${batch[j]!.path} ${JSON.stringify(batch[j]!.json ?? batch[j]!.raw ?? '').slice(0, 160)} → ${wrong}`);
      });
    }
    expect(faults.slice(0, 15)).toEqual([]);
    expect([...statuses.keys()].sort()).toEqual([400, 404, 413, 415]);
    expect(await counts()).toEqual(before);
  });

  it("answers a malformed URL with the service's error body, before any key is checked", async () => {
    const answer = await running.api.get('/api/v1/participants/%zz');
    expect(answer.status).toBe(400);
    expect(answer.headers.get('content-type')).toMatch(/^application\/json/);
    expect(answer.body).toEqual({
      statusCode: 400, error: 'Bad Request', message: 'malformed URL: a percent sign must start an escape of a character (%xx)',
      issues: [{ path: 'url', message: 'has an escape that decodes to no character' }],
    });
    const tooLong = await running.api.get(`/api/v1/participants/${'p'.repeat(150)}`);
    expect(tooLong.body).toMatchObject({ statusCode: 400, error: 'Bad Request', issues: [{ path: 'url' }] });
  });

  it('still serves valid requests afterwards', async () => {
    const health = await running.api.get('/health');
    expect(health.body).toMatchObject({ status: 'ok', database: 'ok' });
    const list = await running.api.get('/api/v1/participants?limit=2', { key: running.keys.coordinator });
    expect(list.body).toMatchObject({ total: 6, limit: 2, offset: 0 });
  });
});
