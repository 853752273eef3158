import { randomUUID } from 'node:crypto';
import type { ResourceKind } from '../../solver/problem.js';
import type { Database, Tx } from '../db/client.js';
import { idChunks, inChunks } from '../db/id-chunks.js';
import { insertOutcomes } from '../db/repositories/assignment-rows.js';
import { toRoundSummary, withoutReport, type RoundSummary } from '../db/repositories/rounds.js';
import { audit, type Actor } from './audit.js';
import { publishedUse } from './capacity.js';
import { ConflictError } from './errors.js';
import { expectStatus, roundRow } from './rounds.js';

/** A resource that no longer has room for what the round would give it. */
export interface CapacityShortfall {
  resource: string;
  kind: ResourceKind | 'unknown';
  capacity: number;
  /** Already taken by published rounds. */
  used: number;
  requested: number;
}

interface Taken { resourceId: string; resourceKind: string }

async function shortfalls(tx: Tx, taken: Taken[]): Promise<CapacityShortfall[]> {
  const requested = new Map<string, { kind: string; count: number }>();
  for (const a of taken) {
    const entry = requested.get(a.resourceId) ?? { kind: a.resourceKind, count: 0 };
    entry.count += 1;
    requested.set(a.resourceId, entry);
  }
  const ids = [...requested.keys()];
  const [used, mentors, trainings, openings, housing] = await Promise.all([
    publishedUse(tx, ids),
    inChunks(ids, (chunk) => tx.mentor.findMany({ where: { id: { in: chunk } } })),
    inChunks(ids, (chunk) => tx.trainingSession.findMany({ where: { id: { in: chunk } } })),
    inChunks(ids, (chunk) => tx.opening.findMany({ where: { id: { in: chunk } } })),
    inChunks(ids, (chunk) => tx.housingUnit.findMany({ where: { id: { in: chunk } } })),
  ]);
  const room = new Map<string, { capacity: number; used: number }>();
  for (const m of mentors) room.set(m.id, { capacity: m.caseloadCap, used: m.currentCaseload });
  for (const t of trainings) room.set(t.id, { capacity: t.seats, used: used.get(t.id) ?? 0 });
  for (const o of openings) room.set(o.id, { capacity: o.status === 'open' ? o.seats : 0, used: used.get(o.id) ?? 0 });
  for (const h of housing) room.set(h.id, { capacity: h.places, used: used.get(h.id) ?? 0 });
  return [...requested].flatMap(([resource, { kind, count }]) => {
    const r = room.get(resource) ?? { capacity: 0, used: 0 };
    return r.used + count > r.capacity ? [{ resource, kind: kind as ResourceKind, capacity: r.capacity, used: r.used, requested: count }] : [];
  });
}

/** Participants who already hold a published resource of the same kind (another round placed them meanwhile). */
async function doublePlacements(tx: Tx, taken: (Taken & { participantId: string })[]): Promise<string[]> {
  const held = await inChunks(taken.map((a) => a.participantId), (chunk) => tx.assignment.findMany({
    where: { status: 'published', participantId: { in: chunk } },
    select: { participantId: true, resourceKind: true },
  }));
  const holds = new Set(held.map((h) => `${h.participantId}/${h.resourceKind}`));
  return [...new Set(taken.filter((a) => holds.has(`${a.participantId}/${a.resourceKind}`)).map((a) => `${a.participantId} (${a.resourceKind})`))];
}

/**
 * Overrides the proposal does not follow: given after the last solve (a `forbid` on a planned
 * pair, a `require` on a pair not planned). Accepting or rejecting keeps them followed.
 */
async function overridesNotFollowed(tx: Tx, roundId: string, taken: (Taken & { participantId: string })[]): Promise<string[]> {
  const planned = new Set(taken.map((a) => `${a.participantId}/${a.resourceId}`));
  const overrides = await tx.override.findMany({ where: { roundId }, orderBy: { createdAt: 'asc' } });
  return overrides
    .filter((o) => (o.action === 'forbid') === planned.has(`${o.participantId}/${o.resourceId}`))
    .map((o) => `${o.action} ${o.participantId} → ${o.resourceId}`);
}

/**
 * Publishes a proposed round in one transaction: re-checks every capacity against what the
 * published rounds already use, then publishes every assignment not rejected, or nothing.
 * Writes are serialised (db.write), so two publications never see the same free room.
 */
export async function publishRound(db: Database, roundId: string, actor: Actor): Promise<RoundSummary> {
  return db.write(async (tx) => {
    const row = await roundRow(tx, roundId);
    expectStatus(row, ['proposed'], 'published');
    if (row.solveStatus !== 'optimal' && row.solveStatus !== 'feasible') {
      throw new ConflictError(`round "${roundId}" has no plan to publish (solve status ${row.solveStatus ?? 'none'})`);
    }
    const taken = await tx.assignment.findMany({ where: { roundId, status: { in: ['proposed', 'accepted'] } }, select: takenColumns });
    const stale = await overridesNotFollowed(tx, roundId, taken);
    if (stale.length > 0) {
      throw new ConflictError(`the proposal predates overrides ${stale.join(', ')}: solve the round again; nothing was published`, { overrides: stale });
    }
    const full = await shortfalls(tx, taken);
    if (full.length > 0) {
      throw new ConflictError(`no room left on ${full.map((f) => f.resource).join(', ')}: nothing was published`, { resources: full });
    }
    const twice = await doublePlacements(tx, taken);
    if (twice.length > 0) throw new ConflictError(`already placed by a published round: ${twice.join(', ')}: nothing was published`, { participants: twice });
    await applyPublication(tx, roundId, taken);
    const published = await tx.round.update({ where: { id: roundId }, data: { status: 'published', publishedAt: new Date() }, omit: withoutReport });
    await audit(tx, actor, 'publish', 'round', roundId, { assignments: taken.length });
    return toRoundSummary(published);
  });
}

const takenColumns = { id: true, participantId: true, resourceKind: true, resourceId: true } as const;

async function applyPublication(tx: Tx, roundId: string, taken: (Taken & { id: string; participantId: string })[]): Promise<void> {
  // Inside this transaction, these are exactly the rows of `taken`.
  await tx.assignment.updateMany({ where: { roundId, status: { in: ['proposed', 'accepted'] } }, data: { status: 'published' } });
  const perMentor = new Map<string, number>();
  for (const a of taken) if (a.resourceKind === 'mentor') perMentor.set(a.resourceId, (perMentor.get(a.resourceId) ?? 0) + 1);
  // One statement per distinct increment: a national round gives mentees to a thousand mentors.
  const byIncrement = new Map<number, string[]>();
  for (const [id, count] of perMentor) byIncrement.set(count, [...(byIncrement.get(count) ?? []), id]);
  for (const [count, ids] of byIncrement) {
    for (const chunk of idChunks(ids)) await tx.mentor.updateMany({ where: { id: { in: chunk } }, data: { currentCaseload: { increment: count } } });
  }
  const placedOn = new Date().toISOString().slice(0, 10);
  // Outcome history starts here; whether the person is in work or training 6 months later is filled in afterwards.
  await insertOutcomes(tx, taken.map((a) => ({ id: randomUUID(), participantId: a.participantId, resourceKind: a.resourceKind, resourceId: a.resourceId, roundId, placedOn })));
}
