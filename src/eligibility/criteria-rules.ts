import type { PairRule } from './types.js';
import { plural, resourceLabel, statusLabel } from './describe.js';

/** "under 26", "18–33 years": age = reference year − birth year. */
export const ageRange: PairRule = (_participant, resource, { facts }) => {
  const { minAge, maxAge } = resource.item.eligibility;
  if ((minAge === undefined || facts.age >= minAge) && (maxAge === undefined || facts.age <= maxAge)) return null;
  const range = minAge === undefined ? `up to ${maxAge}` : maxAge === undefined ? `from ${minAge}` : `${minAge}–${maxAge}`;
  return { rule: 'ageRange', message: `aged ${facts.age}, ${resourceLabel(resource)} admits ${range}` };
};

/**
 * "asylum seekers of more than 6 months or beneficiaries of international protection".
 * A listed status held too briefly is told apart from a status not admitted at all.
 */
export const legalStatus: PairRule = (participant, resource, { facts }) => {
  const rules = resource.item.eligibility.statuses;
  if (!rules) return null;
  const sameStatus = rules.filter((r) => r.status === participant.legalStatus);
  if (sameStatus.some((r) => facts.statusMonths >= (r.minMonths ?? 0))) return null;
  const status = statusLabel(participant.legalStatus);
  if (sameStatus.length > 0) {
    const needed = Math.min(...sameStatus.map((r) => r.minMonths ?? 0));
    return { rule: 'legalStatus', message: `${status} for ${plural(facts.statusMonths, 'month')}, ${resourceLabel(resource)} needs at least ${plural(needed, 'month')}` };
  }
  const admitted = rules
    .map((r) => (r.minMonths ? `${statusLabel(r.status)} (${plural(r.minMonths, 'month')}+)` : statusLabel(r.status)))
    .join(', ');
  return { rule: 'legalStatus', message: `${status}, ${resourceLabel(resource)} admits only ${admitted}` };
};

export const programmeTags: PairRule = (participant, resource) => {
  const tags = resource.item.eligibility.programmeTags;
  if (!tags || tags.some((tag) => participant.programmeTags.includes(tag))) return null;
  return { rule: 'programmeTags', message: `not in programme ${tags.join(' or ')}, which ${resourceLabel(resource)} is reserved for` };
};

/** Thrasos: "isolated women and men" only, so an adult alone, without children. */
export const isolatedAdultsOnly: PairRule = (participant, resource) => {
  if (!resource.item.eligibility.isolatedAdultsOnly) return null;
  const { isolated, children } = participant.household;
  if (isolated && children === 0) return null;
  const why = children > 0 ? `household with ${plural(children, 'child')}` : 'not an isolated adult';
  return { rule: 'isolatedAdultsOnly', message: `${why}, ${resourceLabel(resource)} is for isolated adults only` };
};
