import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startService, type RunningService } from '../support/running-service.js';

const participants = [
  'id,birthYear,gender,legalStatus,statusSince,homeRegion,household.adults,household.isolated,languages,sectorWishes,availableFrom,waitingSince',
  'csv-1,1999,female,refugee,2024-01-01,Occitanie,1,true,fr:A2;ar:C2,G;F,2026-01-01,2025-05-01',
  'csv-2,2001,male,asylum_seeker,2025-01-10,Bretagne,1,yes,fr:B1,F,2026-01-01,2025-06-01',
  '"csv-3",1995,other,subsidiary_protection,2023-06-01,Occitanie,2,no,,,2026-02-01,2025-01-01',
];

const csv = (lines: string[]) => ({ raw: `${lines.join('\n')}\n`, contentType: 'text/csv' });

describe('CSV import over HTTP', () => {
  let running: RunningService;
  let key: string;
  beforeAll(async () => {
    running = await startService();
    key = running.keys.coordinator;
  });
  afterAll(async () => running.stop());

  const total = async (path: string) => (await running.api.get(`/api/v1/${path}?limit=1`, { key })).body.total as number;

  it('imports every row of a good participants file and serves them like any other participant', async () => {
    const before = await total('participants');
    const answer = await running.api.post('/api/v1/participants/import', { key, ...csv(participants) });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ created: 3, updated: 0 });
    expect(await total('participants')).toBe(before + 3);
    const two = await running.api.get('/api/v1/participants/csv-2', { key });
    expect(two.body).toMatchObject({ legalStatus: 'asylum_seeker', household: { isolated: true }, languages: [{ language: 'fr', level: 'B1' }] });
    const again = await running.api.post('/api/v1/participants/import', { key, ...csv([participants[0]!, participants[1]!.replace('Occitanie', 'Grand Est')]) });
    expect(again.body).toEqual({ created: 0, updated: 1 });
    expect((await running.api.get('/api/v1/participants/csv-1', { key })).body.homeRegion).toBe('Grand Est');
  });

  it('imports nothing from a file with bad rows, and lists every bad row with its line and field', async () => {
    const before = await total('participants');
    const lines = [
      participants[0]!,
      'new-1,1999,female,refugee,2024-01-01,Occitanie,1,true,fr:A2,G,2026-01-01,2025-05-01',
      'new-2,1999,alien,refugee,2024-01-01,Occitanie,1,true,fr:A2,G,2026-01-01,2025-05-01',
      'new-3,nineteen,female,refugee,2024-01-01,Occitanie,0,maybe,fr:A2,G,2026-01-01,2025-05-01',
      'new-4,1999,female,refugee,2024-01-01,Occitanie,1,true,fr:A2,G,2026-01-01,2025-05-01',
      'new-5,1999,female,refugee,2024-01-01,Occitanie,1,true,fr:X1,G,2026-01-01,01/05/2025',
    ];
    const answer = await running.api.post('/api/v1/participants/import', { key, ...csv(lines) });
    expect(answer.status).toBe(400);
    expect(answer.body.message).toMatch(/3 bad row\(s\): nothing was imported/);
    expect(answer.body.issues.map((i: { line: number; path: string }) => `${i.line}:${i.path}`))
      .toEqual(['3:gender', '4:birthYear', '4:household.isolated', '4:household.adults', '6:languages.0.level', '6:waitingSince']);
    expect(await total('participants')).toBe(before);
    expect((await running.api.get('/api/v1/participants/new-1', { key })).status).toBe(404);
  });

  it('imports mentors, training sessions and housing units from their own columns', async () => {
    const files: [string, string[]][] = [
      ['mentors', ['id,kind,region,caseloadCap,gender,languages,availableFrom,eligibility.maxAge', 'csv-m1,volunteer,Occitanie,5,female,fr;ar,2026-01-01,35']],
      ['training-sessions', ['id,provider,kind,region,seats,startDate,endDate,cefrEntry.min,cefrEntry.max,cefrExit', 'csv-t1,GRETA,language,Occitanie,12,2026-02-01,2026-06-30,A0,A2,B1']],
      ['housing-units', ['id,region,places,kind,availableFrom,suitableForChildren,eligibility.statuses', 'csv-h1,Bretagne,4,family,2026-01-01,true,refugee;asylum_seeker:6']],
    ];
    for (const [path, lines] of files) {
      const answer = await running.api.post(`/api/v1/${path}/import`, { key, ...csv(lines) });
      expect(answer.body, path).toEqual({ created: 1, updated: 0 });
    }
    expect((await running.api.get('/api/v1/housing-units/csv-h1', { key })).body.eligibility)
      .toMatchObject({ statuses: [{ status: 'refugee' }, { status: 'asylum_seeker', minMonths: 6 }] });
    const bad = await running.api.post('/api/v1/training-sessions/import', { key, ...csv(['id,provider,kind,seats,startDate,endDate', 'csv-t2,AFPA,language,-3,2026-02-01,2026-01-01']) });
    expect(bad.status).toBe(400);
    expect(bad.body.issues.map((i: { line: number; path: string }) => `${i.line}:${i.path}`)).toEqual(['2:seats', '2:endDate']);
  });

  it('refuses a file with unknown columns, a broken quote or no rows, naming where', async () => {
    const unknown = await running.api.post('/api/v1/mentors/import', { key, ...csv(['id,kind,salary', 'x,volunteer,3']) });
    expect(unknown.status).toBe(400);
    expect(unknown.body.issues).toEqual([expect.objectContaining({ line: 1, path: 'salary' })]);
    const broken = await running.api.post('/api/v1/mentors/import', { key, ...csv(['id,kind', '"x,volunteer']) });
    expect(broken.status).toBe(400);
    expect(broken.body.issues[0].path).toBe('body');
    const empty = await running.api.post('/api/v1/mentors/import', { key, ...csv(['id,kind']) });
    expect(empty.status).toBe(400);
    const json = await running.api.post('/api/v1/mentors/import', { key, json: { id: 'x' } });
    expect(json.status).toBe(400);
    expect(json.body.issues[0].path).toMatch(/^body/);
  });

  it('refuses a header naming a property every object has (__proto__, constructor, toString) as an unknown column, and imports nothing', async () => {
    const before = await total('participants');
    for (const name of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'household.__proto__']) {
      for (const kind of ['participants', 'housing-units']) {
        const answer = await running.api.post(`/api/v1/${kind}/import`, { key, ...csv([`id,${name}`, 'proto-1,1']) });
        expect(answer.status, `${kind} ${name}: ${answer.text}`).toBe(400);
        expect(answer.body.issues).toEqual([{ line: 1, path: name, message: expect.stringMatching(/^unknown column \(known: id, /) }]);
      }
    }
    expect(await total('participants')).toBe(before);
  });

  it('tells a client that sent the file as a form (curl --data-binary without a type) to send it as text/csv', async () => {
    const form = await running.api.post('/api/v1/mentors/import', { key, raw: 'id,kind\nx,volunteer\n', contentType: 'application/x-www-form-urlencoded' });
    expect(form.status).toBe(415);
    expect(form.body).toMatchObject({
      statusCode: 415, error: 'Unsupported Media Type',
      message: 'content-type "application/x-www-form-urlencoded": send JSON as application/json, or a CSV file to an …/import route as text/csv',
      issues: [{ path: 'headers.content-type', message: 'must be application/json, or text/csv for imports' }],
    });
  });
});
