import fc from 'fast-check';

/** One request that the service must refuse with a 4xx. */
export interface InvalidRequest {
  method: string;
  path: string;
  role: 'admin' | 'coordinator' | 'employer' | 'planner';
  json?: unknown;
  raw?: string;
  contentType?: string;
  /** The field path a 400 must name (`body.household`), when the request has one bad field. */
  field?: string;
  /** The status expected when only one is right (404 for an unknown id, 413 for an oversized body). */
  status?: number;
}

type Kind = 'string' | 'enum' | 'date' | 'int' | 'number' | 'bool' | 'array' | 'object';
/** A route taking a JSON body: a valid body and its fields' types (dotted paths), the required ones marked `!`. */
interface BodyRoute { method: string; path: string; role: InvalidRequest['role']; body: Record<string, unknown>; fields: Record<string, Kind> }

const participant = {
  id: 'fuzz-p', birthYear: 1999, gender: 'female', legalStatus: 'refugee', statusSince: '2024-01-01', homeRegion: 'Occitanie',
  household: { adults: 1, children: 0, isolated: true }, languages: [{ language: 'fr', level: 'A2' }], availableFrom: '2026-01-01', waitingSince: '2025-01-01',
};
const mentor = { id: 'm-occ', kind: 'volunteer', region: 'Occitanie', caseloadCap: 3, gender: 'female', availableFrom: '2025-12-01' };
const training = { id: 'fle-occ', provider: 'GRETA', kind: 'language', region: 'Occitanie', seats: 1, startDate: '2026-02-02', endDate: '2026-05-29' };
const housing = { id: 'flat-bzh', region: 'Bretagne', places: 2, kind: 'shared', availableFrom: '2026-01-01' };
// Employer keys leave an opening's id out (the service names it); updates carry it.
const opening = { title: 'Roofer', sector: 'F', region: 'Bretagne', seats: 1, contractType: 'alternance', startDate: '2026-04-01' };

export function bodyRoutes(roundId: string): BodyRoute[] {
  return [
    { method: 'POST', path: '/api/v1/participants', role: 'coordinator', body: participant, fields: {
      'id!': 'string', 'birthYear!': 'int', 'gender!': 'enum', 'legalStatus!': 'enum', 'statusSince!': 'date', homeRegion: 'string',
      household: 'object', 'household.adults': 'int', 'household.isolated': 'bool', languages: 'array', 'availableFrom!': 'date', 'waitingSince!': 'date',
      reference: 'string', skills: 'array', relocation: 'object', educationLevel: 'int' } },
    { method: 'PUT', path: '/api/v1/participants/amina', role: 'coordinator', body: { ...participant, id: 'amina' }, fields: { 'birthYear!': 'int', household: 'object', childcareNeed: 'bool' } },
    { method: 'POST', path: '/api/v1/mentors', role: 'coordinator', body: { ...mentor, id: 'fuzz-m' }, fields: {
      'id!': 'string', 'kind!': 'enum', region: 'string', 'caseloadCap!': 'int', currentCaseload: 'int', 'gender!': 'enum', 'availableFrom!': 'date', languages: 'array', eligibility: 'object' } },
    { method: 'PUT', path: '/api/v1/mentors/m-occ', role: 'admin', body: mentor, fields: { 'caseloadCap!': 'int', 'kind!': 'enum' } },
    { method: 'POST', path: '/api/v1/training-sessions', role: 'coordinator', body: { ...training, id: 'fuzz-t' }, fields: {
      'id!': 'string', 'provider!': 'string', 'kind!': 'enum', 'seats!': 'int', 'startDate!': 'date', 'endDate!': 'date', cefrEntry: 'object', childcareProvided: 'bool' } },
    { method: 'PUT', path: '/api/v1/training-sessions/fle-occ', role: 'coordinator', body: training, fields: { 'seats!': 'int' } },
    { method: 'POST', path: '/api/v1/housing-units', role: 'coordinator', body: { ...housing, id: 'fuzz-h' }, fields: {
      'id!': 'string', 'region!': 'string', 'places!': 'int', 'kind!': 'enum', 'availableFrom!': 'date', minStayMonths: 'int', suitableForChildren: 'bool' } },
    { method: 'PUT', path: '/api/v1/housing-units/flat-bzh', role: 'coordinator', body: housing, fields: { 'places!': 'int' } },
    { method: 'POST', path: '/api/v1/employers', role: 'coordinator', body: { id: 'fuzz-e', name: 'Fuzz SARL' }, fields: { 'id!': 'string', 'name!': 'string', region: 'string' } },
    { method: 'POST', path: '/api/v1/employers/emp-bzh/openings', role: 'employer', body: opening, fields: {
      id: 'string', 'title!': 'string', 'sector!': 'string', 'region!': 'string', 'seats!': 'int', 'contractType!': 'enum', 'startDate!': 'date',
      shortageIndex: 'number', skills: 'array', durationMonths: 'int' } },
    { method: 'PUT', path: '/api/v1/employers/emp-bzh/openings/job-bzh', role: 'employer', body: { ...opening, id: 'job-bzh' }, fields: { 'seats!': 'int', 'title!': 'string' } },
    { method: 'POST', path: '/api/v1/rounds', role: 'coordinator', body: { name: 'fuzz', filters: { regions: ['Occitanie'] }, policy: { timeLimitMs: 1000 } }, fields: {
      'name!': 'string', filters: 'object', 'filters.regions': 'array', 'filters.includePlaced': 'bool', policy: 'object', 'policy.timeLimitMs': 'int', 'policy.weights': 'object' } },
    { method: 'POST', path: `/api/v1/rounds/${roundId}/overrides`, role: 'coordinator', body: { participant: 'amina', resource: 'm-occ', action: 'require' }, fields: {
      'participant!': 'string', 'resource!': 'string', 'action!': 'enum' } },
    { method: 'PATCH', path: `/api/v1/rounds/${roundId}/assignments/no-such`, role: 'coordinator', body: { decision: 'accept' }, fields: { 'decision!': 'enum' } },
    { method: 'POST', path: '/api/v1/scenarios', role: 'planner', body: { name: 'fuzz', base: { filters: {} }, changes: [{ kind: 'mentor', region: 'Occitanie', delta: 1 }] }, fields: {
      'name!': 'string', 'base!': 'object', 'changes!': 'array', 'changes.0.delta': 'int', marginal: 'bool' } },
    { method: 'POST', path: '/api/v1/keys', role: 'admin', body: { role: 'planner', label: 'fuzz' }, fields: { 'role!': 'enum', label: 'string' } },
  ];
}

/** Values of every JSON type but `kind` (and, for whole numbers, fractions). */
function wrongValue(kind: Kind): fc.Arbitrary<unknown> {
  const notAString = [fc.integer(), fc.boolean(), fc.constant(null), fc.array(fc.integer(), { maxLength: 2 })];
  const others: Record<Kind, fc.Arbitrary<unknown>[]> = {
    // A prefix no enumeration of the domain uses.
    enum: [...notAString, fc.string({ maxLength: 6 }).map((s) => `zz-${s}`)],
    date: [...notAString, fc.constantFrom('2024-13-01', '2024-02-30', '01/02/2024', 'tomorrow', '2024-1-1', '')],
    string: [fc.integer(), fc.boolean(), fc.constant(null), fc.array(fc.integer(), { maxLength: 2 }), fc.constant({ a: 1 })],
    int: [fc.string(), fc.boolean(), fc.constant(null), fc.double({ min: -1e6, max: 1e6, noNaN: true }).filter((x) => !Number.isInteger(x)), fc.constant([1])],
    number: [fc.string(), fc.boolean(), fc.constant(null), fc.constant({})],
    bool: [fc.integer(), fc.string(), fc.constant(null), fc.constant([true])],
    array: [fc.string(), fc.integer(), fc.boolean(), fc.constant(null), fc.constant({ 0: 'x' })],
    object: [fc.string(), fc.integer(), fc.boolean(), fc.constant(null), fc.constant([])],
  };
  return fc.oneof(...others[kind]);
}

function withField(body: Record<string, unknown>, path: string, value: unknown, remove: boolean): Record<string, unknown> {
  const copy = structuredClone(body);
  const keys = path.split('.');
  let node = copy as Record<string, unknown>;
  for (const key of keys.slice(0, -1)) node = (node[key] ??= {}) as Record<string, unknown>;
  if (remove) delete node[keys.at(-1)!];
  else node[keys.at(-1)!] = value;
  return copy;
}

/** A body with one field missing or of the wrong type: a 400 naming that field. */
export function badBodies(routes: BodyRoute[]): fc.Arbitrary<InvalidRequest> {
  return fc.constantFrom(...routes).chain((route) => {
    const fields = Object.entries(route.fields);
    return fc.constantFrom(...fields).chain(([name, kind]) => {
      const path = name.replace('!', '');
      const required = name.endsWith('!');
      return fc.tuple(wrongValue(kind), required ? fc.boolean() : fc.constant(false)).map(([value, remove]) => ({
        method: route.method, path: route.path, role: route.role, json: withField(route.body, path, value, remove), field: `body.${path}`,
      }));
    });
  });
}

const someId = fc.stringMatching(/^[a-z0-9-]{1,30}$/).map((s) => `no-${s}`);

/** Ids that name nothing: 404. */
export function unknownIds(): fc.Arbitrary<InvalidRequest> {
  const paths: [string, string, InvalidRequest['role']][] = [
    ['GET', '/api/v1/participants/', 'coordinator'], ['DELETE', '/api/v1/mentors/', 'coordinator'], ['GET', '/api/v1/training-sessions/', 'planner'],
    ['GET', '/api/v1/housing-units/', 'coordinator'], ['GET', '/api/v1/rounds/', 'coordinator'], ['POST', '/api/v1/rounds/{}/solve', 'coordinator'],
    ['POST', '/api/v1/rounds/{}/publish', 'coordinator'], ['POST', '/api/v1/rounds/{}/cancel', 'coordinator'], ['GET', '/api/v1/rounds/{}/export.csv', 'coordinator'],
    ['GET', '/api/v1/rounds/{}/overrides', 'coordinator'], ['GET', '/api/v1/rounds/{}/assignments', 'coordinator'],
    ['GET', '/api/v1/jobs/', 'planner'], ['GET', '/api/v1/scenarios/', 'planner'],
    ['GET', '/api/v1/employers/', 'coordinator'], ['GET', '/api/v1/employers/emp-bzh/openings/', 'employer'], ['DELETE', '/api/v1/employers/emp-bzh/openings/', 'employer'],
  ];
  return fc.tuple(fc.constantFrom(...paths), someId).map(([[method, path, role], id]) => ({
    method, role, status: 404, path: path.includes('{}') ? path.replace('{}', id) : `${path}${id}`,
  }));
}

/** Text that is not JSON, sent as JSON. */
export function malformedJson(): fc.Arbitrary<InvalidRequest> {
  const broken = fc.oneof(
    fc.constantFrom('{', '{"id":', '{"id": "x",}', '[1,2', 'nul', '{"a":1}}', "{'a':1}", '"open', '{"name":"x"', '\u0000'),
    fc.string({ minLength: 1 }).filter((s) => { try { JSON.parse(s); return false; } catch { return true; } }),
  );
  const targets: [string, string, InvalidRequest['role']][] = [
    ['POST', '/api/v1/participants', 'coordinator'], ['POST', '/api/v1/rounds', 'coordinator'], ['POST', '/api/v1/scenarios', 'planner'],
    ['POST', '/api/v1/employers/emp-bzh/openings', 'employer'], ['PUT', '/api/v1/mentors/m-occ', 'coordinator'],
  ];
  return fc.tuple(fc.constantFrom(...targets), broken).map(([[method, path, role], raw]) => ({ method, path, role, raw, contentType: 'application/json', status: 400 }));
}

const csvHeader = 'id,birthYear,gender,legalStatus,statusSince,availableFrom,waitingSince';

/** CSV files with at least one bad row, an unknown column or broken quoting. */
export function badCsv(): fc.Arbitrary<InvalidRequest> {
  const cell = fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('"', 'x"y', '1999', '2024-13-45', 'robot', ''));
  const row = fc.array(cell, { minLength: 1, maxLength: 9 }).map((cells) => cells.map((c) => c.replace(/[\r\n]/g, ' ')).join(','));
  const goodRow = 'ok-1,1999,female,refugee,2024-01-01,2026-01-01,2025-01-01';
  const file = fc.oneof(
    fc.array(row, { minLength: 1, maxLength: 5 }).map((rows) => [csvHeader, goodRow, ...rows].join('\n')),
    fc.constantFrom(`${csvHeader},salary\n${goodRow},3`, `${csvHeader}\n"${goodRow}`, csvHeader, 'id,id\na,b', ''),
  );
  const kinds = fc.constantFrom('participants', 'mentors', 'training-sessions', 'housing-units');
  return fc.tuple(kinds, file).map(([kind, raw]) => ({ method: 'POST', path: `/api/v1/${kind}/import`, role: 'coordinator' as const, raw, contentType: 'text/csv', status: 400 }));
}

/** Properties every JavaScript object has: a column spec must not mistake them for columns. */
const prototypeNames = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'isPrototypeOf', '__defineGetter__', 'household.__proto__'];

/** A CSV header naming a property of Object.prototype, alone or among good columns: a 400 naming that column. */
export function prototypeHeaders(): fc.Arbitrary<InvalidRequest> {
  const kinds = fc.constantFrom('participants', 'mentors', 'training-sessions', 'housing-units');
  return fc.tuple(kinds, fc.constantFrom(...prototypeNames), fc.boolean()).map(([kind, name, alone]) => ({
    method: 'POST', path: `/api/v1/${kind}/import`, role: 'coordinator' as const, contentType: 'text/csv', status: 400, field: name,
    raw: alone ? `id,${name}\nproto-1,x` : `${csvHeader},${name}\nok-1,1999,female,refugee,2024-01-01,2026-01-01,2025-01-01,1`,
  }));
}

/**
 * An employer key naming the id of an opening it creates: another employer's (job-occ), its
 * own, or a free one. All get the same 400 on body.id, so the answer never tells which ids exist.
 */
export function employerChosenIds(): fc.Arbitrary<InvalidRequest> {
  const id = fc.oneof(fc.constantFrom('job-occ', 'job-bzh'), fc.stringMatching(/^[a-z0-9-]{1,30}$/));
  return id.map((chosen) => ({ method: 'POST', path: '/api/v1/employers/emp-bzh/openings', role: 'employer' as const, json: { ...opening, id: chosen }, field: 'body.id', status: 400 }));
}

/** Paths with a percent escape that decodes to no character (`%zz`, a cut UTF-8 sequence): 400 naming the URL. */
export function malformedUrls(): fc.Arbitrary<InvalidRequest> {
  const escape = fc.constantFrom('%zz', '%', '%E0%A4%A', '%C3', '%G1', '%%', '%ff%fe');
  const where = fc.constantFrom('/api/v1/participants/', '/api/v1/rounds/', '/api/v1/employers/emp-bzh/openings/', '/api/v1/jobs/', '/health/', '/api/v1/');
  return fc.tuple(where, fc.stringMatching(/^[a-z0-9]{0,8}$/), escape, fc.constantFrom<InvalidRequest['role']>('coordinator', 'employer', 'planner'))
    .map(([prefix, id, bad, role]) => ({ method: 'GET', path: `${prefix}${id}${bad}`, role, status: 400, field: 'url' }));
}

/** Time limits past the maximum a policy may ask for (a round's, or a scenario's own): 400 naming the field. */
export function overlongTimeLimits(maxTimeLimitMs: number): fc.Arbitrary<InvalidRequest> {
  const limit = fc.integer({ min: maxTimeLimitMs + 1, max: 2 ** 31 });
  return fc.tuple(limit, fc.boolean()).map(([timeLimitMs, round]) => (round
    ? { method: 'POST', path: '/api/v1/rounds', role: 'coordinator' as const, json: { name: 'long', policy: { timeLimitMs } }, field: 'body.policy.timeLimitMs' }
    : { method: 'POST', path: '/api/v1/scenarios', role: 'planner' as const, json: { name: 'long', base: { filters: {} }, changes: [], policy: { timeLimitMs } }, field: 'body.policy.timeLimitMs' }));
}

/** Query strings with bad numbers, unknown parameters or statuses. */
export function badQueries(): fc.Arbitrary<InvalidRequest> {
  const value = fc.oneof(fc.constantFrom('-1', '0', 'abc', '1.5', '100000', ''), fc.string({ maxLength: 5 }).filter((s) => !/^\d+$/.test(s)));
  return fc.oneof(
    fc.tuple(fc.constantFrom('limit', 'offset'), value, fc.constantFrom('participants', 'mentors', 'housing-units'))
      // An offset of 0 or 100000 is valid, and an empty one reads as 0.
      .filter(([name, v]) => !(name === 'offset' && ['0', '100000', ''].includes(v)))
      .map(([name, v, kind]) => ({ method: 'GET', path: `/api/v1/${kind}?${name}=${encodeURIComponent(v)}`, role: 'admin' as const, field: `querystring.${name}` })),
    fc.stringMatching(/^[a-z]{1,10}$/).filter((s) => !['draft', 'solving', 'proposed', 'published', 'cancelled'].includes(s))
      .map((s) => ({ method: 'GET', path: `/api/v1/rounds?status=${s}`, role: 'coordinator' as const, field: 'querystring.status' })),
    fc.tuple(fc.constantFrom('kind', 'status'), fc.stringMatching(/^[a-z]{1,10}$/))
      .filter(([, v]) => !['mentor', 'training', 'opening', 'housing', 'proposed', 'accepted', 'rejected', 'published'].includes(v))
      .map(([name, v]) => ({ method: 'GET', path: `/api/v1/rounds/no-round/assignments?${name}=${v}`, role: 'coordinator' as const, field: `querystring.${name}` })),
  );
}

/** A body over the service's size limit: 413. */
export function oversized(limit: number): fc.Arbitrary<InvalidRequest> {
  return fc.constantFrom('/api/v1/participants', '/api/v1/participants/import', '/api/v1/scenarios').map((path) => ({
    method: 'POST', path, role: 'admin' as const, status: 413,
    ...(path.endsWith('import') ? { raw: `id\n${'x'.repeat(limit + 10)}`, contentType: 'text/csv' } : { json: { name: 'x'.repeat(limit + 10) } }),
  }));
}

/** Unknown fields where the body schema is closed, and ids longer than 64 characters in the path. */
export function strayFieldsAndLongIds(roundId: string): fc.Arbitrary<InvalidRequest> {
  const closed: [string, string, InvalidRequest['role'], Record<string, unknown>][] = [
    ['POST', '/api/v1/rounds', 'coordinator', { name: 'x' }],
    ['POST', `/api/v1/rounds/${roundId}/overrides`, 'coordinator', { participant: 'amina', resource: 'm-occ', action: 'forbid' }],
    ['POST', '/api/v1/employers', 'coordinator', { id: 'stray-e', name: 'Stray' }],
    ['POST', '/api/v1/employers/emp-bzh/openings', 'employer', { title: 'T', sector: 'F', region: 'R', seats: 1, contractType: 'internship', startDate: '2026-01-01' }],
    ['POST', '/api/v1/keys', 'admin', { role: 'planner' }],
  ];
  const stray = fc.tuple(fc.constantFrom(...closed), fc.stringMatching(/^[a-z]{3,12}$/)).map(([[method, path, role, body], name]) => ({
    method, path, role, json: { ...body, [`x${name}`]: 1 }, field: 'body',
  }));
  const longId = fc.tuple(fc.constantFrom('/api/v1/participants/', '/api/v1/rounds/', '/api/v1/jobs/'), fc.stringMatching(/^[a-z0-9]{65,90}$/))
    .map(([path, id]) => ({ method: 'GET', path: `${path}${id}`, role: 'admin' as const, field: 'params.id' }));
  return fc.oneof(stray, longId);
}
