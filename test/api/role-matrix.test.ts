import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallOptions } from '../support/http.js';
import { startService, type RunningService } from '../support/running-service.js';
import { servicePolicy } from '../support/service-pool.js';

type Caller = 'admin' | 'coordinator' | 'employer' | 'planner' | 'none' | 'bad';
const callers: Caller[] = ['admin', 'coordinator', 'employer', 'planner', 'none', 'bad'];

/** A request body, the same for every caller or made per caller (when the request creates something). */
type Body = CallOptions | ((caller: Caller) => CallOptions);
type Row = [route: string, admin: number, coordinator: number, employer: number, planner: number, none: number, bad: number, body?: Body];

const opening = (id: string) => ({
  id, title: 'Commis de cuisine', sector: 'G', region: 'Occitanie', seats: 1, contractType: 'internship', startDate: '2026-04-01',
});

// The employer key belongs to emp-bzh; emp-occ is another employer. {…} marks a path parameter.
// Creating requests carry an invalid body where the role is admitted: 400 proves the role got past the
// key check without changing anything. Unknown ids give 404 once admitted.
//                                                                  admin coord employer planner none bad
const matrix: Row[] = [
  ['GET    /health',                                                200,  200,  200,     200,    200, 200],
  ['GET    /docs',                                                  200,  200,  200,     200,    200, 200],
  ['GET    /docs/json',                                             200,  200,  200,     200,    200, 200],
  ['GET    /api/v1/participants',                                   200,  200,  403,     403,    401, 401],
  ['GET    /api/v1/participants/{amina}',                           200,  200,  403,     403,    401, 401],
  ['POST   /api/v1/participants',                                   400,  400,  403,     403,    401, 401, { json: {} }],
  ['PUT    /api/v1/participants/{amina}',                           400,  400,  403,     403,    401, 401, { json: {} }],
  ['DELETE /api/v1/participants/{nobody}',                          404,  404,  403,     403,    401, 401],
  ['POST   /api/v1/participants/import',                            400,  400,  403,     403,    401, 401, { raw: 'id\n', contentType: 'text/csv' }],
  ['GET    /api/v1/mentors',                                        200,  200,  403,     403,    401, 401],
  ['GET    /api/v1/mentors/{m-occ}',                                200,  200,  403,     403,    401, 401],
  ['POST   /api/v1/mentors',                                        400,  400,  403,     403,    401, 401, { json: {} }],
  ['PUT    /api/v1/mentors/{m-occ}',                                400,  400,  403,     403,    401, 401, { json: {} }],
  ['DELETE /api/v1/mentors/{nobody}',                               404,  404,  403,     403,    401, 401],
  ['POST   /api/v1/mentors/import',                                 400,  400,  403,     403,    401, 401, { raw: 'id\n', contentType: 'text/csv' }],
  ['GET    /api/v1/training-sessions',                              200,  200,  403,     200,    401, 401],
  ['GET    /api/v1/training-sessions/{fle-occ}',                    200,  200,  403,     200,    401, 401],
  ['POST   /api/v1/training-sessions',                              400,  400,  403,     403,    401, 401, { json: {} }],
  ['PUT    /api/v1/training-sessions/{fle-occ}',                    400,  400,  403,     403,    401, 401, { json: {} }],
  ['DELETE /api/v1/training-sessions/{nobody}',                     404,  404,  403,     403,    401, 401],
  ['POST   /api/v1/training-sessions/import',                       400,  400,  403,     403,    401, 401, { raw: 'id\n', contentType: 'text/csv' }],
  ['GET    /api/v1/housing-units',                                  200,  200,  403,     200,    401, 401],
  ['GET    /api/v1/housing-units/{flat-bzh}',                       200,  200,  403,     200,    401, 401],
  ['POST   /api/v1/housing-units',                                  400,  400,  403,     403,    401, 401, { json: {} }],
  ['PUT    /api/v1/housing-units/{flat-bzh}',                       400,  400,  403,     403,    401, 401, { json: {} }],
  ['DELETE /api/v1/housing-units/{nobody}',                         404,  404,  403,     403,    401, 401],
  ['POST   /api/v1/housing-units/import',                           400,  400,  403,     403,    401, 401, { raw: 'id\n', contentType: 'text/csv' }],
  ['GET    /api/v1/employers',                                      200,  200,  403,     403,    401, 401],
  ['POST   /api/v1/employers',                                      400,  400,  403,     403,    401, 401, { json: {} }],
  ['GET    /api/v1/employers/{emp-bzh}',                            200,  200,  200,     403,    401, 401],
  ['GET    /api/v1/employers/{emp-occ}',                            200,  200,  404,     403,    401, 401],
  ['GET    /api/v1/employers/{emp-bzh}/openings',                   200,  200,  200,     403,    401, 401],
  ['GET    /api/v1/employers/{emp-occ}/openings',                   200,  200,  404,     403,    401, 401],
  ['POST   /api/v1/employers/{emp-bzh}/openings',                   400,  400,  400,     403,    401, 401, { json: {} }],
  ['POST   /api/v1/employers/{emp-occ}/openings',                   201,  201,  404,     403,    401, 401, (c) => ({ json: opening(`job-${c}`) })],
  ['GET    /api/v1/employers/{emp-bzh}/openings/{job-bzh}',         200,  200,  200,     403,    401, 401],
  ['GET    /api/v1/employers/{emp-occ}/openings/{job-occ}',         200,  200,  404,     403,    401, 401],
  ['PUT    /api/v1/employers/{emp-bzh}/openings/{job-bzh}',         400,  400,  400,     403,    401, 401, { json: {} }],
  ['PUT    /api/v1/employers/{emp-occ}/openings/{job-occ}',         200,  200,  404,     403,    401, 401, { json: opening('job-occ') }],
  ['DELETE /api/v1/employers/{emp-bzh}/openings/{nobody}',          404,  404,  404,     403,    401, 401],
  ['DELETE /api/v1/employers/{emp-occ}/openings/{job-occ}',         200,  200,  404,     403,    401, 401],
  ['POST   /api/v1/rounds',                                         400,  400,  403,     403,    401, 401, { json: {} }],
  ['GET    /api/v1/rounds',                                         200,  200,  403,     200,    401, 401],
  ['GET    /api/v1/rounds/{round}',                                 200,  200,  403,     403,    401, 401],
  ['GET    /api/v1/rounds/{round}/assignments',                     200,  200,  403,     403,    401, 401],
  ['GET    /api/v1/rounds/{round}/participants',                    200,  200,  403,     403,    401, 401],
  ['GET    /api/v1/rounds/{round}/resources',                       200,  200,  403,     403,    401, 401],
  ['POST   /api/v1/rounds/{nobody}/solve',                          404,  404,  403,     403,    401, 401],
  ['GET    /api/v1/rounds/{round}/overrides',                       200,  200,  403,     403,    401, 401],
  ['POST   /api/v1/rounds/{round}/overrides',                       400,  400,  403,     403,    401, 401, { json: {} }],
  ['DELETE /api/v1/rounds/{round}/overrides/{nobody}',              404,  404,  403,     403,    401, 401],
  ['PATCH  /api/v1/rounds/{round}/assignments/{nobody}',            400,  400,  403,     403,    401, 401, { json: {} }],
  ['POST   /api/v1/rounds/{nobody}/publish',                        404,  404,  403,     403,    401, 401],
  ['POST   /api/v1/rounds/{nobody}/cancel',                         404,  404,  403,     403,    401, 401],
  ['GET    /api/v1/rounds/{round}/export.csv',                      200,  200,  403,     403,    401, 401],
  ['GET    /api/v1/jobs/{job}',                                     200,  200,  403,     200,    401, 401],
  // {job} is a finished solve: a coordinator may stop jobs but not a finished one (409); a planner stops scenarios only.
  ['DELETE /api/v1/jobs/{job}',                                     409,  409,  403,     403,    401, 401],
  ['DELETE /api/v1/jobs/{nobody}',                                  404,  404,  403,     404,    401, 401],
  ['POST   /api/v1/scenarios',                                      400,  400,  403,     400,    401, 401, { json: {} }],
  ['GET    /api/v1/scenarios',                                      200,  200,  403,     200,    401, 401],
  ['GET    /api/v1/scenarios/{nobody}',                             404,  404,  403,     404,    401, 401],
  ['POST   /api/v1/keys',                                           400,  403,  403,     403,    401, 401, { json: {} }],
];

/** `GET /a/{x}/b` → the route as OpenAPI names it, with every parameter as `{}`. */
const template = (route: string) => route.replace(/\s+/, ' ').replace(/\{[^}]+\}/g, '{}').replace(/(.)\/$/, '$1');

describe('the role matrix: every route × every role', () => {
  let running: RunningService;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    running = await startService();
    const { api, keys } = running;
    const round = await api.post('/api/v1/rounds', { key: keys.coordinator, json: { name: 'matrix', policy: servicePolicy } });
    const solve = await api.post(`/api/v1/rounds/${round.body.id}/solve`, { key: keys.coordinator });
    await api.waitForJob(solve.body.jobId, keys.coordinator);
    ids.round = round.body.id;
    ids.job = solve.body.jobId;
  });
  afterAll(async () => running.stop());

  const keyOf = (caller: Caller) => (caller === 'none' ? null : caller === 'bad' ? 'pk_not-a-key' : running.keys[caller]);

  it('answers each role with the status in the table: 401 without a valid key, 403 for a role not admitted, 404 for another employer', async () => {
    const expected: string[] = [];
    const actual: string[] = [];
    for (const [route, ...rest] of matrix) {
      const statuses = rest.slice(0, 6) as number[];
      const body = rest[6] as Body | undefined;
      const [method, path] = route.split(/\s+/) as [string, string];
      const url = path.replace(/\{([^}]+)\}/g, (_, name: string) => ids[name] ?? name);
      const got: number[] = [];
      for (const caller of callers) {
        const options = typeof body === 'function' ? body(caller) : body ?? {};
        got.push((await running.api.call(method, url, { ...options, key: keyOf(caller) })).status);
      }
      expected.push(`${route} ${statuses.join(' ')}`);
      actual.push(`${route} ${got.join(' ')}`);
    }
    expect(actual).toEqual(expected);
  });

  it('covers every operation of the OpenAPI document', async () => {
    const doc = await running.api.get('/docs/json');
    const operations = Object.entries(doc.body.paths as Record<string, Record<string, unknown>>)
      .flatMap(([path, methods]) => Object.keys(methods).map((m) => template(`${m.toUpperCase()} ${path}`)));
    const inTable = new Set(matrix.map(([route]) => template(route)));
    expect(operations.filter((op) => !inTable.has(op))).toEqual([]);
    // The table's only routes outside the document are the document and its browsable page.
    expect([...inTable].filter((route) => !operations.includes(route))).toEqual(['GET /docs', 'GET /docs/json']);
  });

  it('tells a caller without a key how to send one, and never lets a refused request change anything', async () => {
    const refused = await running.api.post('/api/v1/participants', { json: { id: 'x' } });
    expect(refused.headers.get('www-authenticate')).toBe('Bearer');
    expect(refused.body).toMatchObject({ statusCode: 401, message: expect.stringMatching(/Authorization: Bearer/) });
    const forbidden = await running.api.post('/api/v1/employers/emp-occ/openings', { key: running.keys.planner, json: opening('planner-job') });
    expect(forbidden.body).toMatchObject({ statusCode: 403, message: 'role planner may not use this route' });
    expect(await running.service.db.prisma.opening.findMany({ where: { id: { in: ['job-employer', 'job-planner', 'job-none', 'job-bad'] } } })).toEqual([]);
  });

  it('attributes every change the matrix made to the key that made it', async () => {
    const log = await running.service.db.prisma.auditLog.findMany({ orderBy: { id: 'asc' } });
    const staff = new Set([running.keyIds.admin, running.keyIds.coordinator]);
    const changes = log.filter((e) => e.subject !== 'apiKey');
    expect(changes.filter((e) => !staff.has(e.keyId ?? ''))).toEqual([]);
    expect(changes.filter((e) => e.subject === 'opening').map((e) => `${e.action} ${e.subjectId}`).sort())
      .toEqual(['create job-admin', 'create job-coordinator', 'update job-occ', 'update job-occ', 'withdraw job-occ', 'withdraw job-occ']);
  });
});
