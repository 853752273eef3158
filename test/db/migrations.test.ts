import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/client.js';
import { MigrationError, migrate, readMigrations } from '../../src/db/migrator.js';

const dir = mkdtempSync(join(tmpdir(), 'placement-migrations-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const now = new Date('2026-01-02T03:04:05.000Z');

describe('migrations', () => {
  it('create a database on which every model of the schema can be written and read', async () => {
    const db = await openDatabase(join(dir, 'fresh.db'));
    const p = db.prisma;
    await p.employer.create({ data: { id: 'e1', name: 'Bâtiment Sud', region: 'Occitanie' } });
    await p.participant.create({ data: { id: 'p1', reference: 'R-1', homeRegion: 'Occitanie', legalStatus: 'refugee', waitingSince: '2025-01-01', programmeTags: '["ipr"]', data: '{}' } });
    await p.mentor.create({ data: { id: 'm1', kind: 'volunteer', region: null, caseloadCap: 18, currentCaseload: 2, data: '{}' } });
    await p.trainingSession.create({ data: { id: 't1', kind: 'language', region: 'Occitanie', seats: 12, startDate: '2026-02-01', data: '{}' } });
    await p.opening.create({ data: { id: 'o1', employerId: 'e1', sector: 'F', region: 'Occitanie', seats: 2, startDate: '2026-03-01', data: '{}' } });
    await p.housingUnit.create({ data: { id: 'h1', kind: 'shared', region: 'Occitanie', places: 3, data: '{}' } });
    await p.round.create({ data: { id: 'r1', name: 'spring', filters: '{}', policy: '{}', report: '{}', solveStatus: 'optimal', objective: 1.5, solvedAt: now } });
    await p.assignment.create({ data: { id: 'a1', roundId: 'r1', participantId: 'p1', resourceKind: 'mentor', resourceId: 'm1', score: 0.7, breakdown: '{}' } });
    await p.override.create({ data: { id: 'v1', roundId: 'r1', participantId: 'p1', resourceId: 't1', action: 'forbid' } });
    await p.scenario.create({ data: { id: 's1', name: '+5 mentors', baseRoundId: 'r1', request: '{}', status: 'done', result: '{}' } });
    await p.outcome.create({ data: { id: 'x1', participantId: 'p1', resourceKind: 'opening', resourceId: 'o1', roundId: 'r1', placedOn: '2026-03-01', inWorkOrTraining6m: true } });
    await p.apiKey.create({ data: { id: 'k1', hash: 'abc', role: 'employer', employerId: 'e1' } });
    await p.auditLog.create({ data: { keyId: 'k1', action: 'create', subject: 'opening', subjectId: 'o1' } });
    await p.job.create({ data: { id: 'j1', kind: 'solve', subjectId: 'r1', progress: 0.5, startedAt: now } });

    const round = await p.round.findUniqueOrThrow({ where: { id: 'r1' }, include: { assignments: true, overrides: true, scenarios: true } });
    expect(round).toMatchObject({ objective: 1.5, solvedAt: now, status: 'draft' });
    expect(round.assignments.map((a) => [a.resourceId, a.status])).toEqual([['m1', 'proposed']]);
    expect(round.overrides[0]?.action).toBe('forbid');
    expect(round.scenarios[0]?.name).toBe('+5 mentors');
    expect(await p.employer.findUnique({ where: { id: 'e1' }, include: { openings: true, apiKeys: true } }))
      .toMatchObject({ openings: [{ id: 'o1', status: 'open' }], apiKeys: [{ id: 'k1', role: 'employer' }] });
    expect(await p.participant.findUnique({ where: { id: 'p1' }, include: { outcomes: true } }))
      .toMatchObject({ homeRegion: 'Occitanie', outcomes: [{ inWorkOrTraining6m: true }] });
    expect(await p.mentor.findUnique({ where: { id: 'm1' } })).toMatchObject({ caseloadCap: 18, region: null });
    expect(await p.trainingSession.count()).toBe(1);
    expect(await p.housingUnit.findUnique({ where: { id: 'h1' } })).toMatchObject({ places: 3 });
    expect(await p.auditLog.findFirst()).toMatchObject({ id: 1, subjectId: 'o1' });
    expect(await p.job.findUnique({ where: { id: 'j1' } })).toMatchObject({ status: 'queued', progress: 0.5, startedAt: now });
    await expect(p.apiKey.create({ data: { id: 'k2', hash: 'abc', role: 'admin' } })).rejects.toThrow();
    await expect(p.opening.create({ data: { id: 'o2', employerId: 'nobody', sector: 'F', region: 'X', seats: 1, startDate: '2026-01-01', data: '{}' } })).rejects.toThrow();
    await db.close();
  });

  it('bring an older database up to date and leave an up-to-date one alone', () => {
    const all = readMigrations();
    const file = join(dir, 'older.db');
    expect(migrate(file, all.slice(0, -1))).toEqual(all.slice(0, -1).map((m) => m.name));
    expect(migrate(file, all)).toEqual([all.at(-1)!.name]);
    expect(migrate(file, all)).toEqual([]);
  });

  it('roll a failing migration back entirely and refuse an applied migration that was edited', () => {
    const file = join(dir, 'broken.db');
    const broken = [{ name: '1_broken', checksum: 'x', sql: 'CREATE TABLE "A" ("id" TEXT); CREATE TABLE "A" ("id" TEXT);' }];
    expect(() => migrate(file, broken)).toThrow(MigrationError);
    const raw = new Database(file);
    expect(raw.prepare("SELECT name FROM sqlite_master WHERE name = 'A'").all()).toEqual([]);
    raw.close();
    migrate(file, [{ name: '1_ok', checksum: 'a', sql: 'CREATE TABLE "B" ("id" TEXT);' }]);
    expect(() => migrate(file, [{ name: '1_ok', checksum: 'b', sql: 'CREATE TABLE "B" ("id" INT);' }])).toThrow(/changed after it was applied/);
  });
});
