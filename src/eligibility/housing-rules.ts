import type { Participant } from '../domain/participant.js';
import type { HousingUnit } from '../domain/housing-unit.js';
import { pairRule } from './types.js';
import { plural } from './describe.js';

/** Housing is offered to those who need it, or who must move to another region. */
export const housingNeed = pairRule(
  'housingNeed',
  (participant, resource) => {
    if (resource.kind !== 'housing' || participant.housing.needed) return false;
    const moving = participant.relocation.willing && participant.homeRegion !== undefined && resource.item.region !== participant.homeRegion;
    return !moving;
  },
  () => 'does not need housing here (no housing need and no relocation to this region)',
  // The region, which the verdict also reads, is part of every class.
  { appliesTo: (resource) => resource.kind === 'housing', reads: () => '' },
);

/** What is wrong with the unit for this household, or null when it suits it. */
function unsuitable(participant: Participant, unit: HousingUnit): string | null {
  const { adults, children } = participant.household;
  if (children > 0 && (unit.kind !== 'family' || !unit.suitableForChildren)) {
    const what = unit.kind !== 'family' ? `a ${unit.kind} unit` : 'a family unit not suitable for children';
    return `household with ${plural(children, 'child')}, the unit is ${what}`;
  }
  if (unit.kind === 'single' && adults > 1) return `household of ${adults} adults, the unit is a single unit`;
  if (unit.kind === 'shared' && !participant.housing.sharedAcceptable) return 'does not accept shared housing, the unit is shared';
  return null;
}

/**
 * Family units for households with children (and only units suitable for children),
 * single units for one adult alone, shared units only for those who accept sharing.
 */
export const housingKind = pairRule(
  'housingKind',
  (participant, resource) => {
    if (resource.kind !== 'housing') return false;
    const unit = resource.item;
    const { adults, children } = participant.household;
    return (children > 0 && (unit.kind !== 'family' || !unit.suitableForChildren))
      || (unit.kind === 'single' && adults > 1)
      || (unit.kind === 'shared' && !participant.housing.sharedAcceptable);
  },
  (participant, resource) => (resource.kind === 'housing' ? unsuitable(participant, resource.item) ?? '' : ''),
  {
    appliesTo: (resource) => resource.kind === 'housing',
    reads: (resource) => (resource.kind === 'housing' ? `${resource.item.kind}|${resource.item.suitableForChildren}` : ''),
  },
);
