import type { ProblemResource, ResourceKind } from '../problem.js';

/**
 * Plain-language names of the constraints. The model labels its constraints with
 * them, and the infeasibility report quotes them, so both speak the same words.
 */
export const labels = {
  atMostOne: (participant: string, kind: ResourceKind) => `${participant} receives at most one ${kind}`,
  exactlyOne: (participant: string, kind: ResourceKind) => `${participant} must receive exactly one ${kind}`,
  capacity: (resource: ProblemResource) => `${capacityNoun(resource)} (capacity ${resource.capacity})`,
  onePlaceToLive: (participant: string, regions: readonly string[]) =>
    `${participant} lives in exactly one of the regions ${regions.join(', ')}`,
  followsRegion: (participant: string, kind: ResourceKind, region: string) =>
    `${participant} may receive ${aResource(kind)} in ${region} only when living in ${region}`,
  housingForRelocation: (participant: string, region: string) =>
    `${participant} relocating to ${region} needs housing in ${region} (and is housed there only when living there)`,
  relocationWithoutHousing: (participant: string, region: string) =>
    `${participant} relocating to ${region} needs housing in ${region}, and has no housing candidate there`,
  languageBridge: (participant: string, openings: readonly string[], trainings: readonly string[], reachable = true) =>
    `language bridge: ${participant} may take opening ${openings.join(' or ')} only with training ${trainings.join(' or ')}` +
    (reachable ? '' : ` (none of which ${participant} can be given)`),
  requireOverride: (participant: string, resource: string) => `require override: ${participant} → ${resource}`,
  placedWhenGiven: (participant: string, kind: ResourceKind) => `${participant} counts as placed when given ${aResource(kind)}`,
  placedOnlyWhenGiven: (participant: string) =>
    `${participant} counts as placed only when given a mentor, training or opening`,
  priorityShare: (group: string, minShare: number) =>
    `priority share: at least ${formatShare(minShare)} of placed participants from group "${group}"`,
};

/** "a mentor", "an opening", "housing": the kind as the object of a sentence. */
function aResource(kind: ResourceKind): string {
  switch (kind) {
    case 'housing':
      return 'housing';
    case 'opening':
      return 'an opening';
    default:
      return `a ${kind}`;
  }
}

function capacityNoun(resource: ProblemResource): string {
  switch (resource.kind) {
    case 'mentor':
      return `caseload cap of mentor ${resource.id}`;
    case 'housing':
      return `places in housing ${resource.id}`;
    default:
      return `seats of ${resource.kind} ${resource.id}`;
  }
}

function formatShare(share: number): string {
  return `${Math.round(share * 1000) / 10}%`;
}
