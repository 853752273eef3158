import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Database } from '../db/client.js';
import { findOne, save, toDomain } from '../db/repositories/json-table.js';
import { openings } from '../db/repositories/stores.js';
import { Id } from '../domain/common.js';
import { Employer, Opening } from '../domain/opening.js';
import type { Principal } from './api-keys.js';
import { audit, type Actor } from './audit.js';
import { publishedUse } from './capacity.js';
import { ConflictError, InputError, NotFoundError } from './errors.js';

/** What an employer writes: an opening without its id's owner (the path says it) and without status. */
export const OpeningInput = Opening.omit({ employerId: true, status: true }).strict();
export type OpeningInput = z.infer<typeof OpeningInput>;

/** A new opening: its id is chosen by staff, or left out for the service to choose (see createOpening). */
export const OpeningCreate = OpeningInput.extend({ id: Id.optional() }).strict();
export type OpeningCreate = z.infer<typeof OpeningCreate>;

/** An opening as its employer sees it: with the seats published rounds filled, never who filled them. */
export const OpeningView = Opening.extend({ seatsFilled: z.number().int() });
export type OpeningView = z.infer<typeof OpeningView>;

/**
 * An employer key sees one employer only; any other employer is reported as not found
 * (404, not 403), so keys cannot probe which employers exist.
 */
export async function visibleEmployer(db: Database, principal: Principal | null, employerId: string): Promise<Employer> {
  if (principal?.role === 'employer' && principal.employerId !== employerId) throw new NotFoundError('employer', employerId);
  const row = await db.prisma.employer.findUnique({ where: { id: employerId } });
  if (!row) throw new NotFoundError('employer', employerId);
  return { id: row.id, name: row.name, ...(row.region ? { region: row.region } : {}) };
}

export async function listOpenings(db: Database, employerId: string): Promise<OpeningView[]> {
  const rows = await openings.table(db.prisma).findMany({ where: { employerId }, orderBy: { id: 'asc' } });
  const filled = await publishedUse(db.prisma, rows.map((r) => r.id));
  return rows.map((row) => ({ ...toDomain(openings, row), seatsFilled: filled.get(row.id) ?? 0 }));
}

async function ownOpening(db: Database, employerId: string, openingId: string): Promise<Opening> {
  const opening = await findOne(db.prisma, openings, openingId);
  if (!opening || opening.employerId !== employerId) throw new NotFoundError('opening', openingId);
  return opening;
}

export async function getOpening(db: Database, employerId: string, openingId: string): Promise<OpeningView> {
  const opening = await ownOpening(db, employerId, openingId);
  const filled = await publishedUse(db.prisma, [openingId]);
  return { ...opening, seatsFilled: filled.get(openingId) ?? 0 };
}

/**
 * Creates an opening. Opening ids are shared by all employers, so an id an employer key chose
 * would clash (409) exactly when another employer's opening has it, telling the key that
 * opening exists. Employer keys therefore name none: the service does, and any id they send
 * gets the same 400, whether or not it is taken. Staff see every employer's openings, so they
 * may name one, and a clash tells them nothing new.
 */
export async function createOpening(db: Database, employerId: string, input: OpeningCreate, principal: Principal | null): Promise<OpeningView> {
  if (principal?.role === 'employer' && input.id !== undefined) {
    throw new InputError('the service names the openings an employer key creates', [{ path: 'body.id', message: 'leave it out: the service gives the opening its id, in the answer' }]);
  }
  const opening: Opening = { ...input, id: input.id ?? `o-${randomUUID()}`, employerId, status: 'open' };
  const actor = { keyId: principal?.keyId ?? null };
  await db.write(async (tx) => {
    if (await tx.opening.findUnique({ where: { id: opening.id } })) throw new ConflictError(`opening "${opening.id}" already exists`);
    await save(tx, openings, opening);
    await audit(tx, actor, 'create', 'opening', opening.id, { employerId });
  });
  return { ...opening, seatsFilled: 0 };
}

/** Replaces an open opening; its seats may not drop below those already filled. */
export async function updateOpening(db: Database, employerId: string, openingId: string, input: OpeningInput, actor: Actor): Promise<OpeningView> {
  if (input.id !== openingId) throw new InputError('the body names another id than the path', [{ path: 'body.id', message: `must be "${openingId}", the id in the path` }]);
  const current = await ownOpening(db, employerId, openingId);
  const opening: Opening = { ...input, employerId, status: current.status };
  const seatsFilled = await db.write(async (tx) => {
    const filled = (await publishedUse(tx, [openingId])).get(openingId) ?? 0;
    if (opening.seats < filled) throw new InputError('fewer seats than already filled', [{ path: 'body.seats', message: `must be at least ${filled}, the seats published rounds filled` }]);
    await save(tx, openings, opening);
    await audit(tx, actor, 'update', 'opening', openingId, { employerId });
    return filled;
  });
  return { ...opening, seatsFilled };
}

/** Withdraws an opening: later rounds no longer offer it; placements already published stand. */
export async function withdrawOpening(db: Database, employerId: string, openingId: string, actor: Actor): Promise<OpeningView> {
  const current = await ownOpening(db, employerId, openingId);
  const opening: Opening = { ...current, status: 'withdrawn' };
  await db.write(async (tx) => {
    await save(tx, openings, opening);
    await audit(tx, actor, 'withdraw', 'opening', openingId, { employerId });
  });
  return getOpening(db, employerId, openingId);
}

export async function createEmployer(db: Database, employer: Employer, actor: Actor): Promise<Employer> {
  await db.write(async (tx) => {
    if (await tx.employer.findUnique({ where: { id: employer.id } })) throw new ConflictError(`employer "${employer.id}" already exists`);
    await tx.employer.create({ data: { id: employer.id, name: employer.name, region: employer.region ?? null } });
    await audit(tx, actor, 'create', 'employer', employer.id);
  });
  return employer;
}

export async function listEmployers(db: Database): Promise<Employer[]> {
  const rows = await db.prisma.employer.findMany({ orderBy: { id: 'asc' } });
  return rows.map((r) => ({ id: r.id, name: r.name, ...(r.region ? { region: r.region } : {}) }));
}
