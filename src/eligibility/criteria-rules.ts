import type { Participant } from '../domain/participant.js';
import type { PoolResource } from '../scoring/scorer.js';
import { pairRule, type ParticipantFacts } from './types.js';
import { plural, resourceLabel, statusLabel } from './describe.js';

/** "under 26", "18–33 years": age = reference year − birth year. */
export const ageRange = pairRule(
  'ageRange',
  (_participant, resource, { facts }) => {
    const { minAge, maxAge } = resource.item.eligibility;
    return (minAge !== undefined && facts.age < minAge) || (maxAge !== undefined && facts.age > maxAge);
  },
  (_participant, resource, { facts }) => {
    const { minAge, maxAge } = resource.item.eligibility;
    const range = minAge === undefined ? `up to ${maxAge}` : maxAge === undefined ? `from ${minAge}` : `${minAge}–${maxAge}`;
    return `aged ${facts.age}, ${resourceLabel(resource)} admits ${range}`;
  },
  {
    appliesTo: (resource) => resource.item.eligibility.minAge !== undefined || resource.item.eligibility.maxAge !== undefined,
    reads: (resource) => `${resource.item.eligibility.minAge}-${resource.item.eligibility.maxAge}`,
  },
);

/** Whether one of the resource's status rules admits the participant's status, held long enough. */
function statusAdmitted(participant: Participant, resource: PoolResource, facts: ParticipantFacts): boolean {
  const rules = resource.item.eligibility.statuses;
  return !rules || rules.some((r) => r.status === participant.legalStatus && facts.statusMonths >= (r.minMonths ?? 0));
}

/**
 * "asylum seekers of more than 6 months or beneficiaries of international protection".
 * A listed status held too briefly is told apart from a status not admitted at all.
 */
export const legalStatus = pairRule(
  'legalStatus',
  (participant, resource, { facts }) => !statusAdmitted(participant, resource, facts),
  (participant, resource, { facts }) => {
    const rules = resource.item.eligibility.statuses ?? [];
    const sameStatus = rules.filter((r) => r.status === participant.legalStatus);
    const status = statusLabel(participant.legalStatus);
    if (sameStatus.length > 0) {
      const needed = Math.min(...sameStatus.map((r) => r.minMonths ?? 0));
      return `${status} for ${plural(facts.statusMonths, 'month')}, ${resourceLabel(resource)} needs at least ${plural(needed, 'month')}`;
    }
    const admitted = rules
      .map((r) => (r.minMonths ? `${statusLabel(r.status)} (${plural(r.minMonths, 'month')}+)` : statusLabel(r.status)))
      .join(', ');
    return `${status}, ${resourceLabel(resource)} admits only ${admitted}`;
  },
  { appliesTo: (resource) => resource.item.eligibility.statuses !== undefined, reads: (resource) => JSON.stringify(resource.item.eligibility.statuses) },
);

export const programmeTags = pairRule(
  'programmeTags',
  (participant, resource) => {
    const tags = resource.item.eligibility.programmeTags;
    return tags !== undefined && !tags.some((tag) => participant.programmeTags.includes(tag));
  },
  (_participant, resource) =>
    `not in programme ${(resource.item.eligibility.programmeTags ?? []).join(' or ')}, which ${resourceLabel(resource)} is reserved for`,
  { appliesTo: (resource) => resource.item.eligibility.programmeTags !== undefined, reads: (resource) => JSON.stringify(resource.item.eligibility.programmeTags) },
);

/** Thrasos: "isolated women and men" only, so an adult alone, without children. */
export const isolatedAdultsOnly = pairRule(
  'isolatedAdultsOnly',
  (participant, resource) => {
    const { isolated, children } = participant.household;
    return resource.item.eligibility.isolatedAdultsOnly === true && !(isolated && children === 0);
  },
  (participant, resource) => {
    const { children } = participant.household;
    const why = children > 0 ? `household with ${plural(children, 'child')}` : 'not an isolated adult';
    return `${why}, ${resourceLabel(resource)} is for isolated adults only`;
  },
  { appliesTo: (resource) => resource.item.eligibility.isolatedAdultsOnly === true, reads: () => '' },
);
