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
