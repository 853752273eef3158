import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startService, type RunningService } from '../support/running-service.js';
import { servicePolicy } from '../support/service-pool.js';

const fields = (extra: Record<string, unknown> = {}) => ({
  title: 'Apprentice roofer', sector: 'F', shortageIndex: 0.8, region: 'Bretagne', seats: 2, minCefr: 'A2', skills: ['F1610'],
  contractType: 'alternance', durationMonths: 18, startDate: '2026-04-01', ...extra,
});
/** An opening as written with its id: by staff when creating, by anyone when updating. */
const opening = (id: string, extra: Record<string, unknown> = {}) => ({ id, ...fields(extra) });

describe('employers and their openings over HTTP', () => {
  let running: RunningService;
  let key: string;
  const own = '/api/v1/employers/emp-bzh/openings';
  const other = '/api/v1/employers/emp-occ/openings';
  beforeAll(async () => {
    running = await startService();
    key = running.keys.employer;
  });
  afterAll(async () => running.stop());

  it('creates (the service naming it), updates, lists and withdraws its own openings', async () => {
    const created = await running.api.post(own, { key, json: fields() });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ id: expect.stringMatching(/^o-[0-9a-f-]{36}$/), employerId: 'emp-bzh', status: 'open', seats: 2, seatsFilled: 0, contractType: 'alternance' });
    const roofer = created.body.id as string;
    const updated = await running.api.put(`${own}/${roofer}`, { key, json: opening(roofer, { seats: 3, minCefr: 'B1' }) });
    expect(updated.body).toMatchObject({ seats: 3, minCefr: 'B1', status: 'open' });
    const list = await running.api.get(own, { key });
    expect(list.body.map((o: { id: string; seats: number }) => `${o.id}:${o.seats}`)).toEqual(['job-bzh:1', `${roofer}:3`]);
    const withdrawn = await running.api.delete(`${own}/${roofer}`, { key });
    expect(withdrawn.body).toMatchObject({ id: roofer, status: 'withdrawn' });
    expect((await running.api.get(`${own}/${roofer}`, { key })).body.status).toBe('withdrawn');
    // An update keeps the withdrawal: status is not the employer's to write back.
    expect((await running.api.put(`${own}/${roofer}`, { key, json: opening(roofer) })).body.status).toBe('withdrawn');
    // Staff may still name an opening, for any employer.
    expect((await running.api.post(own, { key: running.keys.coordinator, json: opening('roofer-2') })).status).toBe(201);
  });

  it('refuses an opening for another employer through the body, and a body naming another id than the path', async () => {
    const smuggled = await running.api.post(own, { key, json: { ...opening('smuggled'), employerId: 'emp-occ' } });
    expect(smuggled.status).toBe(400);
    expect(smuggled.body.issues.map((i: { path: string }) => i.path).join(' ')).toMatch(/body/);
    const renamed = await running.api.put(`${own}/job-bzh`, { key, json: opening('other-id') });
    expect(renamed.status).toBe(400);
    expect(renamed.body.issues).toEqual([expect.objectContaining({ path: 'body.id' })]);
    expect(await running.service.db.prisma.opening.findUnique({ where: { id: 'smuggled' } })).toBeNull();
  });

  it("never tells an employer that an id is another employer's opening: any id it names gets the same answer", async () => {
    // job-occ is emp-occ's; the other ids name nothing. A 409 for the first alone would disclose it.
    const answers = await Promise.all(['job-occ', 'never-used', 'job-bzh'].map((id) => running.api.post(own, { key, json: opening(id) })));
    expect(answers.map((a) => a.status)).toEqual([400, 400, 400]);
    expect(answers[0]!.body).toEqual(answers[1]!.body);
    expect(answers[0]!.body.issues).toEqual([{ path: 'body.id', message: expect.stringMatching(/leave it out/) }]);
    expect(answers.map((a) => a.text).join(' ')).not.toMatch(/job-occ|exists|Cuisine/);
    expect(await running.service.db.prisma.opening.findUniqueOrThrow({ where: { id: 'job-occ' } })).toMatchObject({ employerId: 'emp-occ' });
    expect(await running.service.db.prisma.opening.findUnique({ where: { id: 'never-used' } })).toBeNull();
  });

  it("answers 404 for another employer's openings, whatever the method, and changes nothing", async () => {
    const before = await running.service.db.prisma.opening.findUniqueOrThrow({ where: { id: 'job-occ' } });
    const answers = await Promise.all([
      running.api.get(other, { key }),
      running.api.post(other, { key, json: fields({ title: 'Intruder' }) }),
      running.api.get(`${other}/job-occ`, { key }),
      running.api.put(`${other}/job-occ`, { key, json: opening('job-occ', { seats: 0 }) }),
      running.api.delete(`${other}/job-occ`, { key }),
      running.api.get(`${own}/job-occ`, { key }),
      running.api.get('/api/v1/employers/emp-occ', { key }),
    ]);
    expect(answers.map((a) => a.status)).toEqual([404, 404, 404, 404, 404, 404, 404]);
    for (const a of answers) expect(a.text).not.toMatch(/Cuisine Sud|Kitchen/);
    expect(await running.service.db.prisma.opening.findUniqueOrThrow({ where: { id: 'job-occ' } })).toEqual(before);
    expect(await running.service.db.prisma.opening.count({ where: { data: { contains: 'Intruder' } } })).toBe(0);
  });

  it('sees the seats published rounds filled, never who filled them', async () => {
    const coordinator = running.keys.coordinator;
    const round = await running.api.post('/api/v1/rounds', { key: coordinator, json: { name: 'for employers', policy: servicePolicy } });
    const solve = await running.api.post(`/api/v1/rounds/${round.body.id}/solve`, { key: coordinator });
    await running.api.waitForJob(solve.body.jobId, coordinator);
    expect((await running.api.post(`/api/v1/rounds/${round.body.id}/publish`, { key: coordinator })).status).toBe(200);

    const list = await running.api.get(own, { key });
    expect(list.body.find((o: { id: string }) => o.id === 'job-bzh')).toMatchObject({ seats: 1, seatsFilled: 1 });
    const seen = [list, await running.api.get(`${own}/job-bzh`, { key }), await running.api.get('/api/v1/employers/emp-bzh', { key })];
    const participantIds = (await running.service.db.prisma.participant.findMany({ select: { id: true } })).map((p) => p.id);
    for (const answer of seen) {
      for (const id of participantIds) expect(answer.text).not.toContain(`"${id}"`);
      expect(answer.text).not.toMatch(/legalStatus|birthYear|household|statusSince|participant/);
    }
    const refused = await Promise.all([
      running.api.get('/api/v1/participants', { key }),
      running.api.get('/api/v1/participants/bilal', { key }),
      running.api.get(`/api/v1/rounds/${round.body.id}`, { key }),
      running.api.get(`/api/v1/rounds/${round.body.id}/assignments`, { key }),
      running.api.get(`/api/v1/rounds/${round.body.id}/export.csv`, { key }),
      running.api.get('/api/v1/rounds', { key }),
    ]);
    expect(refused.map((a) => a.status)).toEqual([403, 403, 403, 403, 403, 403]);
  });

  it('keeps seats at or above the seats already filled, and offers a withdrawn opening to no later round', async () => {
    const tooFew = await running.api.put(`${own}/job-bzh`, { key, json: opening('job-bzh', { seats: 0 }) });
    expect(tooFew.status).toBe(400);
    expect(tooFew.body.issues).toEqual([expect.objectContaining({ path: 'body.seats' })]);
    const late = (await running.api.post(own, { key, json: fields({ seats: 5, sector: 'F', skills: ['F1703'], minCefr: 'A0', eligibility: { maxAge: 35 } }) })).body.id as string;
    await running.api.delete(`${own}/${late}`, { key });
    const coordinator = running.keys.coordinator;
    const round = await running.api.post('/api/v1/rounds', { key: coordinator, json: { name: 'after withdrawal', filters: { includePlaced: true }, policy: servicePolicy } });
    const solve = await running.api.post(`/api/v1/rounds/${round.body.id}/solve`, { key: coordinator });
    await running.api.waitForJob(solve.body.jobId, coordinator);
    const resources = await running.api.get(`/api/v1/rounds/${round.body.id}/resources?kind=opening`, { key: coordinator });
    const offered = resources.body.items.map((r: { resource: string }) => r.resource);
    expect(offered).toContain('job-occ');
    expect(offered).not.toContain(late);
  });
});
