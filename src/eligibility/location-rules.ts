import { pairRule } from './types.js';

/**
 * A region-bound resource outside the home region needs the participant to relocate
 * there: willing, and the region in their list (an empty list means anywhere).
 * Participants without a home region and resources without a region have no location rule.
 */
export const relocation = pairRule(
  'relocation',
  (_participant, resource, { facts }) => {
    const region = resource.item.region;
    return !!region && facts.acceptedRegions !== null && !facts.acceptedRegions.has(region);
  },
  (participant, resource) => (participant.relocation.willing
    ? `lives in ${participant.homeRegion} and accepts to move only to ${participant.relocation.regions.join(', ')}, the resource is in ${resource.item.region}`
    : `lives in ${participant.homeRegion} and does not wish to relocate, the resource is in ${resource.item.region}`),
  { appliesTo: (resource) => !!resource.item.region, reads: () => '' },
);
