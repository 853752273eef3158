import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startService, type RunningService } from '../support/running-service.js';
import { servicePolicy } from '../support/service-pool.js';

/** A participant whose sensitive fields carry values found nowhere else in the traffic. */
const sensitive = {
  id: 'log-p1', birthYear: 1987, gender: 'female', legalStatus: 'family_reunification', statusSince: '2024-02-29', homeRegion: 'Occitanie',
  household: { adults: 1, children: 4, isolated: false }, childcareNeed: true, barriers: ['health', 'childcare'],
  availableFrom: '2026-01-01', waitingSince: '2025-02-28',
};

describe('structured logs', () => {
  let running: RunningService;
  const lines: string[] = [];
  beforeAll(async () => {
    const stream = new Writable({ write(chunk, _encoding, done) { lines.push(...String(chunk).split('\n').filter(Boolean)); done(); } });
    running = await startService({ logger: { level: 'trace', stream } });
  });
  afterAll(async () => running.stop());

  it("log each request as JSON without participants' personal data or the API key", async () => {
    const { api, keys } = running;
    const key = keys.coordinator;
    expect((await api.post('/api/v1/participants', { key, json: sensitive })).status).toBe(201);
    expect((await api.post('/api/v1/participants', { key, json: { ...sensitive, id: 'log-p2', household: 'two adults' } })).status).toBe(400);
    const csv = 'id,birthYear,gender,legalStatus,statusSince,availableFrom,waitingSince,barriers\nlog-p3,1987,female,family_reunification,2024-02-29,2026-01-01,nope,health';
    expect((await api.post('/api/v1/participants/import', { key, raw: csv, contentType: 'text/csv' })).status).toBe(400);
    expect((await api.get('/api/v1/participants/log-p1', { key })).body.legalStatus).toBe('family_reunification');
    const round = await api.post('/api/v1/rounds', { key, json: { name: 'logged', policy: servicePolicy } });
    await api.waitForJob((await api.post(`/api/v1/rounds/${round.body.id}/solve`, { key })).body.jobId, key);

    expect(lines.length).toBeGreaterThan(10);
    for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();
    const text = lines.join('\n');
    expect(text).toContain('/api/v1/participants');
    // The birth year is looked for as a field, not as digits: a response time of 1987 ms is no leak.
    for (const secret of ['family_reunification', 'birthYear', '2024-02-29', 'health', 'two adults', 'childcareNeed', 'household', ...Object.values(keys)]) {
      expect(text, secret).not.toContain(secret);
    }
  });
});
