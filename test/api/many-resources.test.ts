import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { save } from '../../src/db/repositories/json-table.js';
import { housingUnits, participants } from '../../src/db/repositories/stores.js';
import { HousingUnit } from '../../src/domain/housing-unit.js';
import { Participant } from '../../src/domain/participant.js';
import { startService, type RunningService } from '../support/running-service.js';
import { servicePolicy } from '../support/service-pool.js';

// SQLite, through Prisma's adapter, takes at most 999 bound values in one statement: every id
// list here is longer, so each query that names them must split them.
const many = 1_100;
const ids = (prefix: string, n = many) => Array.from({ length: n }, (_, i) => `${prefix}-${String(i).padStart(4, '0')}`);

describe('rounds and imports that name more ids than one SQLite statement can bind', () => {
  let running: RunningService;
  let key: string;
  beforeAll(async () => {
    running = await startService();
    key = running.keys.coordinator;
  });
  afterAll(async () => running.stop());

  /** A proposed round giving each of `many` new participants a flat of their own, written as a solve would leave it. */
  async function proposedRoundOverManyFlats(): Promise<string> {
    const people = ids('many-p');
    const flats = ids('many-h');
    const roundId = randomUUID();
    await running.service.db.write(async (tx) => {
      for (const id of people) {
        await save(tx, participants, Participant.parse({
          id, birthYear: 1990, gender: 'female', legalStatus: 'refugee', statusSince: '2024-01-01', homeRegion: 'Bretagne', household: { adults: 1 },
          housing: { needed: true, sharedAcceptable: true }, availableFrom: '2026-01-01', waitingSince: '2025-01-01',
        }));
      }
      for (const id of flats) await save(tx, housingUnits, HousingUnit.parse({ id, region: 'Bretagne', places: 1, kind: 'single', availableFrom: '2026-01-01' }));
      await tx.round.create({
        data: { id: roundId, name: 'many flats', status: 'proposed', solveStatus: 'optimal', objective: many, filters: '{}', policy: JSON.stringify(servicePolicy), report: '{}', solvedAt: new Date() },
      });
      await tx.assignment.createMany({
        data: people.map((participantId, i) => ({ id: randomUUID(), roundId, participantId, resourceKind: 'housing', resourceId: flats[i]!, score: 1, breakdown: '{}' })),
      });
    });
    return roundId;
  }

  it('publishes a round that uses more than a thousand resources', async () => {
    const roundId = await proposedRoundOverManyFlats();
    const published = await running.api.post(`/api/v1/rounds/${roundId}/publish`, { key });
    expect(published.status, published.text).toBe(200);
    expect(published.body.status).toBe('published');
    const prisma = running.service.db.prisma;
    expect(await prisma.assignment.count({ where: { roundId, status: 'published' } })).toBe(many);
    expect(await prisma.outcome.count({ where: { roundId } })).toBe(many);
  });

  it('imports a thousand housing units in one file, checking each against what published rounds use', async () => {
    const rows = ids('many-h', 1_000).map((id) => `${id},Bretagne,2,single,2026-01-01`);
    const answer = await running.api.post('/api/v1/housing-units/import', { key, raw: ['id,region,places,kind,availableFrom', ...rows].join('\n'), contentType: 'text/csv' });
    expect(answer.status, answer.text).toBe(200);
    expect(answer.body).toEqual({ created: 0, updated: 1_000 });
    const fewer = await running.api.post('/api/v1/housing-units/import', {
      key, raw: ['id,region,places,kind,availableFrom', ...rows.map((r) => r.replace(',2,', ',0,'))].join('\n'), contentType: 'text/csv',
    });
    expect(fewer.status).toBe(400);
    expect(fewer.body.issues).toHaveLength(1_000);
  });

  it('imports a thousand mentors in one file', async () => {
    const rows = ids('many-m', 1_000).map((id) => `${id},volunteer,Bretagne,3,female,2026-01-01`);
    const answer = await running.api.post('/api/v1/mentors/import', { key, raw: ['id,kind,region,caseloadCap,gender,availableFrom', ...rows].join('\n'), contentType: 'text/csv' });
    expect(answer.status, answer.text).toBe(200);
    expect(answer.body).toEqual({ created: 1_000, updated: 0 });
  });

  it('solves a round whose filters name more participants than one statement can bind', async () => {
    const named = [...ids('nobody', 1_500), 'amina', 'bilal'];
    const round = await running.api.post('/api/v1/rounds', { key, json: { name: 'by ids', filters: { participantIds: named }, policy: servicePolicy } });
    expect(round.status).toBe(201);
    const solve = await running.api.post(`/api/v1/rounds/${round.body.id}/solve`, { key });
    const job = await running.api.waitForJob(solve.body.jobId, key);
    expect(job.status, job.error).toBe('succeeded');
    expect((await running.api.get(`/api/v1/rounds/${round.body.id}`, { key })).body.totals.participants).toBe(2);
  });
});
