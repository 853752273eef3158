import { randomUUID } from 'node:crypto';
import type { Database, Tx } from '../db/client.js';
import {
  reportHeaderOf, toAssignmentView, toRoundSummary, withoutReport, type AssignmentView, type RoundHead, type RoundReportHeader, type RoundSummary,
} from '../db/repositories/rounds.js';
import type { Principal } from './api-keys.js';
import { audit, type Actor } from './audit.js';
import { stopRoundSolve } from './job-control.js';
import type { JobRunner } from './jobs.js';
import { ConflictError, InputError, NotFoundError } from './errors.js';
import { ReadCache } from './read-cache.js';
import { countAssignments, roundAssignments } from './round-assignments.js';
import type { AssignmentCounts, AssignmentDecision, OverrideInput, OverrideView, RoundCreate, RoundStatus } from './round-schemas.js';

export type { OverrideView };

export interface RoundDetail extends RoundSummary {
  report: RoundReportHeader | null;
  assignmentCounts: AssignmentCounts;
}

export async function createRound(db: Database, input: RoundCreate, actor: Actor): Promise<RoundSummary> {
  const row = await db.write(async (tx) => {
    const created = await tx.round.create({
      omit: withoutReport,
      data: { id: randomUUID(), name: input.name, filters: JSON.stringify(input.filters), policy: JSON.stringify(input.policy), createdBy: actor.keyId },
    });
    await audit(tx, actor, 'create', 'round', created.id);
    return created;
  });
  return toRoundSummary(row);
}

export async function listRounds(db: Database, status?: RoundStatus): Promise<RoundSummary[]> {
  const rows = await db.prisma.round.findMany({ where: status ? { status } : {}, orderBy: { createdAt: 'asc' }, omit: withoutReport });
  return rows.map(toRoundSummary);
}

export async function roundRow(client: Tx | Database['prisma'], id: string): Promise<RoundHead> {
  const row = await client.round.findUnique({ where: { id }, omit: withoutReport });
  if (!row) throw new NotFoundError('round', id);
  return row;
}

const recentDetails = new ReadCache<RoundDetail>(16);

/**
 * A round with its solve's header and how many assignments it holds (the assignments themselves
 * are paged: listAssignments). Coordinators' screens poll it: an answer is reused until the next write.
 */
export function getRound(db: Database, id: string): Promise<RoundDetail> {
  return recentDetails.get(db, id, async () => {
    const row = await roundRow(db.prisma, id);
    return { ...toRoundSummary(row), report: reportHeaderOf(row), assignmentCounts: countAssignments(await roundAssignments(db, id)) };
  });
}

/** Throws a 409 naming the round's status unless it is one of `allowed`. */
export function expectStatus(row: RoundHead, allowed: RoundStatus[], action: string): void {
  if (!allowed.includes(row.status as RoundStatus)) {
    throw new ConflictError(`round "${row.id}" is ${row.status}: it can be ${action} only when ${allowed.join(' or ')}`);
  }
}

/**
 * Cancels a draft or proposed round; a round being solved has its solve stopped first (which
 * puts it back to draft or proposed), then is cancelled.
 */
export async function cancelRound(db: Database, jobs: JobRunner, id: string, principal: Principal | null): Promise<RoundSummary> {
  const actor = { keyId: principal?.keyId ?? null };
  if ((await roundRow(db.prisma, id)).status === 'solving') await stopRoundSolve(db, jobs, id, principal);
  return db.write(async (tx) => {
    expectStatus(await roundRow(tx, id), ['draft', 'proposed'], 'cancelled');
    const row = await tx.round.update({ where: { id }, data: { status: 'cancelled' }, omit: withoutReport });
    await audit(tx, actor, 'cancel', 'round', id);
    return toRoundSummary(row);
  });
}

async function resourceExists(tx: Tx, id: string): Promise<boolean> {
  const where = { where: { id } };
  const found = await Promise.all([tx.mentor.count(where), tx.trainingSession.count(where), tx.opening.count(where), tx.housingUnit.count(where)]);
  return found.some((n) => n > 0);
}

async function upsertOverride(tx: Tx, roundId: string, input: OverrideInput) {
  const key = { roundId_participantId_resourceId: { roundId, participantId: input.participant, resourceId: input.resource } };
  return tx.override.upsert({
    where: key,
    create: { id: randomUUID(), roundId, participantId: input.participant, resourceId: input.resource, action: input.action },
    update: { action: input.action },
  });
}

/** A coordinator's `require` or `forbid` on one pair, honoured by the next solve. */
export async function addOverride(db: Database, roundId: string, input: OverrideInput, actor: Actor): Promise<OverrideView> {
  return db.write(async (tx) => {
    expectStatus(await roundRow(tx, roundId), ['draft', 'proposed'], 'given overrides');
    const issues = [];
    if (!(await tx.participant.count({ where: { id: input.participant } }))) issues.push({ path: 'body.participant', message: `unknown participant "${input.participant}"` });
    if (!(await resourceExists(tx, input.resource))) issues.push({ path: 'body.resource', message: `unknown resource "${input.resource}"` });
    if (issues.length > 0) throw new InputError('the override names unknown ids', issues);
    const row = await upsertOverride(tx, roundId, input);
    await audit(tx, actor, 'override', 'round', roundId, { participant: input.participant, resource: input.resource, action: input.action });
    return { id: row.id, participant: row.participantId, resource: row.resourceId, action: input.action };
  });
}

/** Takes back a `require` or `forbid` (also those an accept or reject left): the next solve no longer honours it. */
export async function removeOverride(db: Database, roundId: string, overrideId: string, actor: Actor): Promise<void> {
  await db.write(async (tx) => {
    expectStatus(await roundRow(tx, roundId), ['draft', 'proposed'], 'given overrides');
    const found = await tx.override.findFirst({ where: { id: overrideId, roundId } });
    if (!found) throw new NotFoundError('override', overrideId);
    await tx.override.delete({ where: { id: overrideId } });
    await audit(tx, actor, 'remove-override', 'round', roundId, { participant: found.participantId, resource: found.resourceId, action: found.action });
  });
}

export async function listOverrides(db: Database, roundId: string): Promise<OverrideView[]> {
  await roundRow(db.prisma, roundId);
  const rows = await db.prisma.override.findMany({ where: { roundId }, orderBy: { createdAt: 'asc' } });
  return rows.map((r) => ({ id: r.id, participant: r.participantId, resource: r.resourceId, action: r.action === 'require' ? 'require' : 'forbid' }));
}

/**
 * Accepting keeps a proposed assignment (and requires it in later solves); rejecting leaves it
 * out of the publication (and forbids it in later solves).
 */
export async function decideAssignment(db: Database, roundId: string, assignmentId: string, input: AssignmentDecision, actor: Actor): Promise<AssignmentView> {
  return db.write(async (tx) => {
    expectStatus(await roundRow(tx, roundId), ['proposed'], 'reviewed');
    const found = await tx.assignment.findFirst({ where: { id: assignmentId, roundId } });
    if (!found) throw new NotFoundError('assignment', assignmentId);
    const status = input.decision === 'accept' ? 'accepted' : 'rejected';
    const row = await tx.assignment.update({ where: { id: assignmentId }, data: { status } });
    await upsertOverride(tx, roundId, { participant: row.participantId, resource: row.resourceId, action: input.decision === 'accept' ? 'require' : 'forbid' });
    await audit(tx, actor, input.decision, 'assignment', assignmentId, { roundId });
    return toAssignmentView(row);
  });
}
