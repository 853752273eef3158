import type { z } from 'zod';

/** What the reference checks read: ids and the links between pool items. */
interface PoolLinks {
  participants: readonly { id: string }[];
  mentors: readonly { id: string }[];
  trainingSessions: readonly { id: string }[];
  openings: readonly { id: string; employerId: string; bridgeTrainings?: readonly string[] | undefined }[];
  housingUnits: readonly { id: string }[];
  employers: readonly { id: string }[];
  overrides?: readonly { participant: string; resource: string }[] | undefined;
}

type Issue = { path: (string | number)[]; message: string };

/** Participant ids are one namespace, resource ids another: a duplicate is named where it repeats. */
function duplicateIds(pool: PoolLinks): Issue[] {
  const issues: Issue[] = [];
  const check = (seen: Map<string, string>, list: readonly { id: string }[], key: string) => {
    list.forEach((item, i) => {
      const first = seen.get(item.id);
      if (first) issues.push({ path: [key, i, 'id'], message: `duplicate id "${item.id}" (already used at ${first})` });
      else seen.set(item.id, `${key}[${i}]`);
    });
  };
  check(new Map(), pool.participants, 'participants');
  const resources = new Map<string, string>();
  for (const key of ['mentors', 'trainingSessions', 'openings', 'housingUnits'] as const) check(resources, pool[key], key);
  return issues;
}

/** An opening's employer must be listed (when employers are listed at all); its bridges must be training sessions. */
function openingLinks(pool: PoolLinks): Issue[] {
  const issues: Issue[] = [];
  const employers = new Set(pool.employers.map((e) => e.id));
  const trainings = new Set(pool.trainingSessions.map((t) => t.id));
  const kindOf = resourceKinds(pool);
  pool.openings.forEach((o, i) => {
    if (pool.employers.length > 0 && !employers.has(o.employerId)) {
      issues.push({ path: ['openings', i, 'employerId'], message: `unknown employer "${o.employerId}"` });
    }
    (o.bridgeTrainings ?? []).forEach((id, j) => {
      if (trainings.has(id)) return;
      const kind = kindOf.get(id);
      const message = kind ? `"${id}" is a ${kind}, not a training session: only a training can bridge to an opening` : `unknown training session "${id}"`;
      issues.push({ path: ['openings', i, 'bridgeTrainings', j], message });
    });
  });
  return issues;
}

function resourceKinds(pool: PoolLinks): Map<string, string> {
  const kinds = new Map<string, string>();
  for (const m of pool.mentors) kinds.set(m.id, 'mentor');
  for (const t of pool.trainingSessions) kinds.set(t.id, 'training session');
  for (const o of pool.openings) kinds.set(o.id, 'opening');
  for (const h of pool.housingUnits) kinds.set(h.id, 'housing unit');
  return kinds;
}

/** Overrides name a participant and a resource of this pool. */
function overrideLinks(pool: PoolLinks): Issue[] {
  const issues: Issue[] = [];
  const participants = new Set(pool.participants.map((p) => p.id));
  const resources = resourceKinds(pool);
  (pool.overrides ?? []).forEach((o, i) => {
    if (!participants.has(o.participant)) issues.push({ path: ['overrides', i, 'participant'], message: `unknown participant "${o.participant}"` });
    if (!resources.has(o.resource)) issues.push({ path: ['overrides', i, 'resource'], message: `unknown resource "${o.resource}" (no mentor, training session, opening or housing unit has this id)` });
  });
  return issues;
}

/** Cross-references of a pool file, checked once the items themselves are valid. */
export function checkPoolReferences(pool: PoolLinks, ctx: z.RefinementCtx): void {
  for (const issue of [...duplicateIds(pool), ...openingLinks(pool), ...overrideLinks(pool)]) {
    ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
  }
}
