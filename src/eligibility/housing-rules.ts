import type { PairRule } from './types.js';
import { plural } from './describe.js';

/** Housing is offered to those who need it, or who must move to another region. */
export const housingNeed: PairRule = (participant, resource) => {
  if (resource.kind !== 'housing' || participant.housing.needed) return null;
  const moving = participant.relocation.willing && participant.homeRegion !== undefined
    && resource.item.region !== participant.homeRegion;
  if (moving) return null;
  return { rule: 'housingNeed', message: 'does not need housing here (no housing need and no relocation to this region)' };
};

/**
 * Family units for households with children (and only units suitable for children),
 * single units for one adult alone, shared units only for those who accept sharing.
 */
export const housingKind: PairRule = (participant, resource) => {
  if (resource.kind !== 'housing') return null;
  const unit = resource.item;
  const { adults, children } = participant.household;
  if (children > 0 && (unit.kind !== 'family' || !unit.suitableForChildren)) {
    const what = unit.kind !== 'family' ? `a ${unit.kind} unit` : 'a family unit not suitable for children';
    return { rule: 'housingKind', message: `household with ${plural(children, 'child')}, the unit is ${what}` };
  }
  if (unit.kind === 'single' && adults > 1) {
    return { rule: 'housingKind', message: `household of ${adults} adults, the unit is a single unit` };
  }
  if (unit.kind === 'shared' && !participant.housing.sharedAcceptable) {
    return { rule: 'housingKind', message: 'does not accept shared housing, the unit is shared' };
  }
  return null;
};
