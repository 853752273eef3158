import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { capacities } from '../../src/services/capacity.js';
import { startService, type RunningService } from '../support/running-service.js';
import { servicePolicy } from '../support/service-pool.js';

/** Edits of resources after a publication must not undo what the published rounds took. */
describe('editing resources that published rounds use', () => {
  let running: RunningService;
  let key: string;
  beforeAll(async () => {
    running = await startService();
    key = running.keys.coordinator;
    await publishRound('first');
  });
  afterAll(async () => running.stop());

  async function publishRound(name: string): Promise<number> {
    const { api } = running;
    const round = await api.post('/api/v1/rounds', { key, json: { name, policy: servicePolicy } });
    await api.waitForJob((await api.post(`/api/v1/rounds/${round.body.id}/solve`, { key })).body.jobId, key);
    return (await api.post(`/api/v1/rounds/${round.body.id}/publish`, { key })).status;
  }

  const publishedOn = (resourceId: string) => running.service.db.prisma.assignment.count({ where: { resourceId, status: 'published' } });

  it('refuses seats or places below what published rounds use, naming the field', async () => {
    const { api } = running;
    expect(await publishedOn('flat-bzh')).toBe(1);
    expect(await publishedOn('fle-occ')).toBe(1);
    const housing = (await api.get('/api/v1/housing-units/flat-bzh', { key })).body;
    const fewerPlaces = await api.put('/api/v1/housing-units/flat-bzh', { key, json: { ...housing, places: 0 } });
    expect(fewerPlaces.status).toBe(400);
    expect(fewerPlaces.body.issues).toEqual([expect.objectContaining({ path: 'body.places' })]);
    const course = (await api.get('/api/v1/training-sessions/fle-occ', { key })).body;
    const fewerSeats = await api.put('/api/v1/training-sessions/fle-occ', { key, json: { ...course, seats: 0 } });
    expect(fewerSeats.status).toBe(400);
    expect(fewerSeats.body.issues).toEqual([expect.objectContaining({ path: 'body.seats' })]);
    expect((await capacities(running.service.db.prisma)).filter((c) => c.used > c.capacity)).toEqual([]);
  });

  it('names the line and the column of every CSV row that would set a capacity below what published rounds use, and imports none', async () => {
    const { api } = running;
    const csv = (lines: string[]) => ({ key, raw: `${lines.join('\n')}\n`, contentType: 'text/csv' });
    const housing = await api.post('/api/v1/housing-units/import', csv([
      'id,region,places,kind,availableFrom',
      'flat-new,Bretagne,3,shared,2026-01-01',
      'flat-bzh,Bretagne,0,shared,2026-01-01',
    ]));
    expect(housing.status).toBe(400);
    expect(housing.body.issues).toEqual([{ line: 3, path: 'places', message: 'housing unit "flat-bzh": must be at least 1, the places published rounds filled' }]);
    expect((await api.get('/api/v1/housing-units/flat-new', { key })).status).toBe(404);
    const mentors = await api.post('/api/v1/mentors/import', csv([
      'id,kind,region,caseloadCap,currentCaseload,gender,availableFrom',
      'm-new,volunteer,Occitanie,2,0,male,2025-12-01',
      'm-occ,volunteer,Occitanie,3,0,female,2025-12-01',
      'm-bzh,volunteer,Bretagne,0,0,male,2025-12-01',
    ]));
    expect(mentors.status).toBe(400);
    expect(mentors.body.issues.map((i: { line: number; path: string }) => `${i.line}:${i.path}`)).toEqual(['3:currentCaseload', '4:currentCaseload']);
    expect((await api.get('/api/v1/mentors/m-new', { key })).status).toBe(404);
  });

  it('keeps the caseload published rounds gave a mentor when the mentor is edited, so no later round overbooks them', async () => {
    const { api } = running;
    const mentor = (await api.get('/api/v1/mentors/m-occ', { key })).body;
    expect(mentor).toMatchObject({ caseloadCap: 3, currentCaseload: 3 });
    const { currentCaseload: _dropped, ...edited } = { ...mentor, languages: ['fr', 'ar'] };
    const answer = await api.put('/api/v1/mentors/m-occ', { key, json: edited });
    expect(answer.status).toBe(400);
    expect(answer.body.issues).toEqual([expect.objectContaining({ path: 'body.currentCaseload', message: expect.stringMatching(/published rounds/) })]);
    const smallerCap = await api.put('/api/v1/mentors/m-occ', { key, json: { ...mentor, caseloadCap: 2 } });
    expect(smallerCap.body.issues).toEqual([expect.objectContaining({ path: 'body.caseloadCap' })]);
    expect((await api.put('/api/v1/mentors/m-occ', { key, json: { ...edited, currentCaseload: 3 } })).body.languages).toEqual(['fr', 'ar']);
    expect((await api.get('/api/v1/mentors/m-occ', { key })).body.currentCaseload).toBe(3);
    await publishRound('second');
    // Cap 3, one mentee from before the service: at most two placed by published rounds.
    expect(await publishedOn('m-occ')).toBeLessThanOrEqual(2);
  });
});
