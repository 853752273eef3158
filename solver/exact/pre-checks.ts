import type { ProblemOverride, ResourceKind } from '../problem.js';
import { labels } from './labels.js';
import { pairKey } from './prepared-problem.js';
import type { PreparedProblem } from './prepared-problem.js';

/**
 * Cheap, certain proofs of infeasibility, read off the problem before any solving.
 * Each returns the labels of the constraints that clash; an empty list proves nothing.
 */
export function preCheckConflicts(prepared: PreparedProblem): string[] {
  const conflicts = [
    ...requiresWithoutCandidate(prepared),
    ...requiredKindsWithoutCandidate(prepared),
    ...twoRequiresOfOneKind(prepared),
    ...requiresBeyondCapacity(prepared),
    ...requiresInTwoRegions(prepared),
    ...requiredRelocationWithoutHousing(prepared),
    ...requiredKindBeyondTotalCapacity(prepared),
  ];
  return [...new Set(conflicts)];
}

function requires(prepared: PreparedProblem): ProblemOverride[] {
  return prepared.problem.overrides.filter((override) => override.action === 'require');
}

function hasCandidate(prepared: PreparedProblem, participant: string, resource: string): boolean {
  return (prepared.byParticipant.get(participant) ?? []).some((c) => c.resource.id === resource);
}

function requiresWithoutCandidate(prepared: PreparedProblem): string[] {
  const { problem } = prepared;
  const edges = new Set(problem.edges.map((edge) => pairKey(edge.participant, edge.resource)));
  const forbids = new Set(problem.overrides.filter((o) => o.action === 'forbid').map((o) => pairKey(o.participant, o.resource)));
  return requires(prepared)
    .filter((o) => !hasCandidate(prepared, o.participant, o.resource))
    .map((o) => {
      const key = pairKey(o.participant, o.resource);
      const region = prepared.resources.get(o.resource)?.region;
      const why = !edges.has(key) ? `${o.participant} has no candidate edge to ${o.resource}`
        : forbids.has(key) ? `a forbid override removes the same pair`
        : `${o.resource} lies in ${region ?? 'another region'}, which ${o.participant} does not accept`;
      return `${labels.requireOverride(o.participant, o.resource)} (${why})`;
    });
}

function requiredKindsWithoutCandidate(prepared: PreparedProblem): string[] {
  const conflicts: string[] = [];
  for (const kind of prepared.problem.policy.requireOne) {
    for (const participant of prepared.problem.participants) {
      const candidates = prepared.byParticipant.get(participant.id) ?? [];
      if (candidates.some((c) => c.resource.kind === kind)) continue;
      conflicts.push(`${labels.exactlyOne(participant.id, kind)} (${participant.id} has no ${kind} candidate)`);
    }
  }
  return conflicts;
}

function twoRequiresOfOneKind(prepared: PreparedProblem): string[] {
  const byParticipantKind = new Map<string, ProblemOverride[]>();
  for (const o of requires(prepared)) {
    const kind = prepared.resources.get(o.resource)?.kind;
    if (!kind || !hasCandidate(prepared, o.participant, o.resource)) continue;
    const key = pairKey(o.participant, kind);
    byParticipantKind.set(key, [...(byParticipantKind.get(key) ?? []), o]);
  }
  const conflicts: string[] = [];
  for (const overrides of byParticipantKind.values()) {
    const distinct = [...new Set(overrides.map((o) => o.resource))];
    const first = overrides[0];
    const kind = first && prepared.resources.get(first.resource)?.kind;
    if (distinct.length < 2 || !first || !kind) continue;
    conflicts.push(...distinct.map((resource) => labels.requireOverride(first.participant, resource)));
    conflicts.push(kindLimit(prepared, first.participant, kind));
  }
  return conflicts;
}

function kindLimit(prepared: PreparedProblem, participant: string, kind: ResourceKind): string {
  return prepared.problem.policy.requireOne.includes(kind)
    ? labels.exactlyOne(participant, kind)
    : labels.atMostOne(participant, kind);
}

function requiresBeyondCapacity(prepared: PreparedProblem): string[] {
  const byResource = new Map<string, Set<string>>();
  for (const o of requires(prepared)) {
    if (!hasCandidate(prepared, o.participant, o.resource)) continue;
    byResource.set(o.resource, (byResource.get(o.resource) ?? new Set()).add(o.participant));
  }
  const conflicts: string[] = [];
  for (const [resourceId, participants] of byResource) {
    const resource = prepared.resources.get(resourceId);
    const candidates = prepared.byResource.get(resourceId) ?? [];
    const load = candidates.filter((c) => participants.has(c.participant)).reduce((sum, c) => sum + c.load, 0);
    if (!resource || load <= resource.capacity) continue;
    conflicts.push(...[...participants].map((p) => labels.requireOverride(p, resourceId)), labels.capacity(resource));
  }
  return conflicts;
}

function requiresInTwoRegions(prepared: PreparedProblem): string[] {
  const regionsByParticipant = new Map<string, Map<string, string>>();
  for (const o of requires(prepared)) {
    const region = prepared.resources.get(o.resource)?.region;
    if (region === undefined || !prepared.acceptedRegions.has(o.participant)) continue;
    if (!hasCandidate(prepared, o.participant, o.resource)) continue;
    const regions = regionsByParticipant.get(o.participant) ?? new Map<string, string>();
    regions.set(region, o.resource);
    regionsByParticipant.set(o.participant, regions);
  }
  const conflicts: string[] = [];
  for (const [participant, regions] of regionsByParticipant) {
    if (regions.size < 2) continue;
    conflicts.push(...[...regions.values()].map((resource) => labels.requireOverride(participant, resource)));
    conflicts.push(labels.onePlaceToLive(participant, prepared.acceptedRegions.get(participant) ?? []));
  }
  return conflicts;
}

function requiredRelocationWithoutHousing(prepared: PreparedProblem): string[] {
  const conflicts: string[] = [];
  for (const o of requires(prepared)) {
    const region = prepared.resources.get(o.resource)?.region;
    const home = prepared.acceptedRegions.get(o.participant)?.[0];
    if (region === undefined || home === undefined || region === home) continue;
    if (!hasCandidate(prepared, o.participant, o.resource)) continue;
    const housing = (prepared.byParticipant.get(o.participant) ?? []).some(
      (c) => c.resource.kind === 'housing' && c.resource.region === region,
    );
    if (housing) continue;
    conflicts.push(labels.requireOverride(o.participant, o.resource), labels.relocationWithoutHousing(o.participant, region));
  }
  return conflicts;
}

/** Σ_p (smallest load p could use of kind k) > Σ_r capacity(r) of kind k: not everyone fits. */
function requiredKindBeyondTotalCapacity(prepared: PreparedProblem): string[] {
  const conflicts: string[] = [];
  for (const kind of prepared.problem.policy.requireOne) {
    let needed = 0;
    for (const participant of prepared.problem.participants) {
      const loads = (prepared.byParticipant.get(participant.id) ?? []).filter((c) => c.resource.kind === kind).map((c) => c.load);
      if (loads.length > 0) needed += Math.min(...loads);
    }
    const resources = [...prepared.resources.values()].filter((r) => r.kind === kind && prepared.byResource.has(r.id));
    const available = resources.reduce((sum, r) => sum + r.capacity, 0);
    if (needed <= available + 1e-9) continue;
    conflicts.push(
      `every participant must receive exactly one ${kind} (together at least ${needed} of capacity)`,
      `total capacity of the ${kind}s they can receive: ${available}`,
    );
  }
  return conflicts;
}
