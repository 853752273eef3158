import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/client.js';
import { MigrationError, migrate, readMigrations } from '../../src/db/migrator.js';
import { Prisma } from '../../src/generated/prisma/client.js';
import { readSchemaModels, sqliteTypeOf } from '../support/prisma-schema.js';

const dir = mkdtempSync(join(tmpdir(), 'placement-migrations-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const now = new Date('2026-01-02T03:04:05.000Z');
const later = new Date('2026-01-03T00:00:00.000Z');

/**
 * One row of every model, every optional column filled, in an order that satisfies the
 * foreign keys. Typed by the generated client's model names: a model added to the schema
 * without a row here does not compile.
 */
const rows: { [M in Prisma.ModelName]: Record<string, unknown> } = {
  Employer: { id: 'e1', name: 'Bâtiment Sud', region: 'Occitanie', createdAt: now },
  Participant: { id: 'p1', reference: 'R-1', homeRegion: 'Occitanie', legalStatus: 'refugee', waitingSince: '2025-01-01', programmeTags: '["ipr"]', data: '{"id":"p1"}', createdAt: now },
  Mentor: { id: 'm1', kind: 'volunteer', region: 'Occitanie', caseloadCap: 18, currentCaseload: 2, data: '{}', createdAt: now },
  TrainingSession: { id: 't1', kind: 'language', region: 'Occitanie', seats: 12, startDate: '2026-02-01', data: '{}', createdAt: now },
  Opening: { id: 'o1', employerId: 'e1', sector: 'F', region: 'Occitanie', seats: 2, status: 'withdrawn', startDate: '2026-03-01', data: '{}', createdAt: now },
  HousingUnit: { id: 'h1', kind: 'shared', region: 'Occitanie', places: 3, data: '{}', createdAt: now },
  Round: {
    id: 'r1', name: 'spring', status: 'published', filters: '{}', policy: '{}', report: '{}', reportGzip: new Uint8Array([31, 139, 8, 0]), solveStatus: 'optimal', objective: 1.5,
    createdBy: 'k1', createdAt: now, solvedAt: now, publishedAt: later,
  },
  Assignment: { id: 'a1', roundId: 'r1', participantId: 'p1', resourceKind: 'mentor', resourceId: 'm1', score: 0.7, breakdown: '{}', status: 'published', createdAt: now },
  Override: { id: 'v1', roundId: 'r1', participantId: 'p1', resourceId: 't1', action: 'forbid', createdAt: now },
  Scenario: { id: 's1', name: '+5 mentors', baseRoundId: 'r1', request: '{}', result: '{"placed":3}', status: 'done', createdBy: 'k1', createdAt: now },
  Outcome: { id: 'x1', participantId: 'p1', resourceKind: 'opening', resourceId: 'o1', roundId: 'r1', placedOn: '2026-03-01', inWorkOrTraining6m: false, createdAt: now },
  ApiKey: { id: 'k1', hash: 'abc', role: 'employer', employerId: 'e1', label: 'HR desk', createdAt: now, revokedAt: later },
  AuditLog: { id: 7, keyId: 'k1', action: 'create', subject: 'opening', subjectId: 'o1', details: '{"seats":2}', at: now },
  Job: {
    id: 'j1', kind: 'solve', status: 'failed', progress: 0.5, message: 'solving', subjectId: 'r1', result: '{}', error: 'stopped',
    createdBy: 'k1', createdAt: now, startedAt: now, finishedAt: later,
  },
};

/** `TrainingSession` → `trainingSession`, the client's delegate. */
const delegateName = (model: string) => model[0]!.toLowerCase() + model.slice(1);

interface AnyDelegate {
  create(args: { data: object }): Promise<unknown>;
  findUnique(args: { where: { id: unknown } }): Promise<Record<string, unknown> | null>;
}

describe('migrations', () => {
  it('create a table for every model of schema.prisma, with its columns, types and nullability', () => {
    const file = join(dir, 'tables.db');
    migrate(file);
    const raw = new Database(file);
    const models = readSchemaModels();
    expect(models.map((m) => m.name).sort()).toEqual(Object.keys(Prisma.ModelName).sort());
    for (const model of models) {
      const columns = raw.prepare(`PRAGMA table_info("${model.name}")`).all() as { name: string; type: string; notnull: number; pk: number }[];
      const declared = columns.map((c) => ({ name: c.name, type: c.type, nullable: c.notnull === 0 && c.pk === 0 }));
      const expected = model.fields.map((f) => ({ name: f.name, type: sqliteTypeOf[f.type], nullable: f.optional }));
      expect(declared.sort((a, b) => a.name.localeCompare(b.name)), model.name).toEqual(expected.sort((a, b) => a.name.localeCompare(b.name)));
    }
    raw.close();
  });

  it('write every model through the generated client and read every column back unchanged', async () => {
    const db = await openDatabase(join(dir, 'every-model.db'));
    const client = db.prisma as unknown as Record<string, AnyDelegate>;
    await db.write(async (tx) => {
      for (const [model, data] of Object.entries(rows)) await (tx as unknown as Record<string, AnyDelegate>)[delegateName(model)]!.create({ data });
    });
    for (const [model, data] of Object.entries(rows)) {
      const read = await client[delegateName(model)]!.findUnique({ where: { id: data.id } });
      expect(read, model).toEqual(expect.objectContaining(data));
    }
    await db.close();
  });

  it('create a database on which relations, defaults and keys of the schema hold', async () => {
    const db = await openDatabase(join(dir, 'fresh.db'));
    const p = db.prisma;
    await db.write(async (w) => {
      await w.employer.create({ data: { id: 'e1', name: 'Bâtiment Sud', region: 'Occitanie' } });
      await w.participant.create({ data: { id: 'p1', reference: 'R-1', homeRegion: 'Occitanie', legalStatus: 'refugee', waitingSince: '2025-01-01', programmeTags: '["ipr"]', data: '{}' } });
      await w.mentor.create({ data: { id: 'm1', kind: 'volunteer', region: null, caseloadCap: 18, currentCaseload: 2, data: '{}' } });
      await w.trainingSession.create({ data: { id: 't1', kind: 'language', region: 'Occitanie', seats: 12, startDate: '2026-02-01', data: '{}' } });
      await w.opening.create({ data: { id: 'o1', employerId: 'e1', sector: 'F', region: 'Occitanie', seats: 2, startDate: '2026-03-01', data: '{}' } });
      await w.housingUnit.create({ data: { id: 'h1', kind: 'shared', region: 'Occitanie', places: 3, data: '{}' } });
      await w.round.create({ data: { id: 'r1', name: 'spring', filters: '{}', policy: '{}', report: '{}', solveStatus: 'optimal', objective: 1.5, solvedAt: now } });
      await w.assignment.create({ data: { id: 'a1', roundId: 'r1', participantId: 'p1', resourceKind: 'mentor', resourceId: 'm1', score: 0.7, breakdown: '{}' } });
      await w.override.create({ data: { id: 'v1', roundId: 'r1', participantId: 'p1', resourceId: 't1', action: 'forbid' } });
      await w.scenario.create({ data: { id: 's1', name: '+5 mentors', baseRoundId: 'r1', request: '{}', status: 'done', result: '{}' } });
      await w.outcome.create({ data: { id: 'x1', participantId: 'p1', resourceKind: 'opening', resourceId: 'o1', roundId: 'r1', placedOn: '2026-03-01', inWorkOrTraining6m: true } });
      await w.apiKey.create({ data: { id: 'k1', hash: 'abc', role: 'employer', employerId: 'e1' } });
      await w.auditLog.create({ data: { keyId: 'k1', action: 'create', subject: 'opening', subjectId: 'o1' } });
      await w.job.create({ data: { id: 'j1', kind: 'solve', subjectId: 'r1', progress: 0.5, startedAt: now } });
    });

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
    await expect(db.write((w) => w.apiKey.create({ data: { id: 'k2', hash: 'abc', role: 'admin' } }))).rejects.toThrow(/Unique constraint/);
    await expect(db.write((w) => w.opening.create({ data: { id: 'o2', employerId: 'nobody', sector: 'F', region: 'X', seats: 1, startDate: '2026-01-01', data: '{}' } })))
      .rejects.toThrow(/Foreign key/i);
    await db.close();
  });

  it('bring an older database up to date and leave an up-to-date one alone', () => {
    const all = readMigrations();
    const file = join(dir, 'older.db');
    expect(migrate(file, all.slice(0, -1))).toEqual(all.slice(0, -1).map((m) => m.name));
    expect(migrate(file, all)).toEqual([all.at(-1)!.name]);
    expect(migrate(file, all)).toEqual([]);
  });

  it('keep a round\'s report, and its header, when they move the report to the last column, where reading the round does not walk it', () => {
    const all = readMigrations();
    const before = all.findIndex((m) => m.name.endsWith('_round_report_last'));
    const file = join(dir, 'report-last.db');
    migrate(file, all.slice(0, before));
    const raw = new Database(file);
    raw.prepare('INSERT INTO "Round" (id, name, filters, policy, report, reportHeader, updatedAt, solvedAt) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run('r1', 'spring', '{}', '{}', '{"participants":[]}', '{"status":"optimal"}', 0, 0);
    raw.close();
    expect(migrate(file, all)).toEqual(all.slice(before).map((m) => m.name));
    const after = new Database(file);
    const columns = (after.prepare('PRAGMA table_info("Round")').all() as { name: string }[]).map((c) => c.name);
    expect(columns.slice(-2)).toEqual(['report', 'reportGzip']);
    expect(after.prepare('SELECT report, reportHeader FROM "Round" WHERE id = ?').get('r1')).toEqual({ report: '{"participants":[]}', reportHeader: '{"status":"optimal"}' });
    after.close();
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

  // Prisma's way of changing a column on SQLite: copy the table, drop it, rename the copy. Other
  // tables reference Participant (Assignment: RESTRICT, Outcome: CASCADE): with foreign keys on,
  // the DROP would be refused or would empty the outcome history.
  const rebuildParticipant = {
    name: '20990101000000_rebuild_participant', checksum: 'rebuild', sql: `
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Participant" (
    "id" TEXT NOT NULL PRIMARY KEY, "reference" TEXT, "homeRegion" TEXT, "legalStatus" TEXT NOT NULL, "waitingSince" TEXT NOT NULL,
    "programmeTags" TEXT NOT NULL DEFAULT '[]', "data" TEXT NOT NULL, "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP, "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_Participant" SELECT * FROM "Participant";
DROP TABLE "Participant";
ALTER TABLE "new_Participant" RENAME TO "Participant";
CREATE INDEX "Participant_homeRegion_idx" ON "Participant"("homeRegion");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
` };

  /** A migrated database holding one participant with a published assignment and an outcome. */
  function placedParticipantDatabase(name: string): string {
    const file = join(dir, name);
    migrate(file);
    const raw = new Database(file);
    raw.exec(`
      INSERT INTO "Participant" (id, legalStatus, waitingSince, data, updatedAt) VALUES ('p1', 'refugee', '2025-01-01', '{}', CURRENT_TIMESTAMP);
      INSERT INTO "Round" (id, name, filters, policy, updatedAt) VALUES ('r1', 'spring', '{}', '{}', CURRENT_TIMESTAMP);
      INSERT INTO "Assignment" (id, roundId, participantId, resourceKind, resourceId, score, breakdown, status) VALUES ('a1', 'r1', 'p1', 'mentor', 'm1', 1, '{}', 'published');
      INSERT INTO "Outcome" (id, participantId, resourceKind, resourceId, roundId, placedOn) VALUES ('x1', 'p1', 'mentor', 'm1', 'r1', '2026-03-01');`);
    raw.close();
    return file;
  }

  it('rebuild a table that others reference with foreign keys off, keeping every referencing row, and turn them back on', async () => {
    const file = placedParticipantDatabase('rebuild.db');
    expect(migrate(file, [...readMigrations(), rebuildParticipant])).toEqual([rebuildParticipant.name]);
    const raw = new Database(file);
    expect(raw.prepare('SELECT id FROM "Outcome"').all()).toEqual([{ id: 'x1' }]);
    expect(raw.prepare('SELECT id FROM "Assignment"').all()).toEqual([{ id: 'a1' }]);
    expect(raw.prepare('PRAGMA foreign_key_check').all()).toEqual([]);
    raw.close();
    const db = await openDatabase(file);
    await expect(db.write((tx) => tx.outcome.create({ data: { id: 'x2', participantId: 'nobody', resourceKind: 'mentor', resourceId: 'm1', roundId: 'r1', placedOn: '2026-03-01' } })))
      .rejects.toThrow();
    await db.close();
  });

  it('roll back a migration that leaves a reference dangling, naming the table', () => {
    const file = placedParticipantDatabase('dangling.db');
    const dangling = { name: '20990101000000_drop_people', checksum: 'dangling', sql: 'DELETE FROM "Participant";' };
    expect(() => migrate(file, [...readMigrations(), dangling])).toThrow(/foreign key.*Assignment/i);
    const raw = new Database(file);
    expect(raw.prepare('SELECT id FROM "Participant"').all()).toEqual([{ id: 'p1' }]);
    expect(raw.prepare('SELECT name FROM _placement_migrations WHERE name = ?').all(dangling.name)).toEqual([]);
    raw.close();
  });
});
