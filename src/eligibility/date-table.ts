import type { PoolResource } from '../scoring/scorer.js';
import { availabilityDay, closedOn } from './date-rules.js';

/**
 * The date rules' inputs for every resource, by position: whether it is closed on the reference
 * day (the same for everyone) and the one day availability compares. Two typed arrays read in
 * the evaluator's inner loop, in place of two rule calls on ten million pairs of a national pool.
 */
export interface DateTable {
  closed: Uint8Array;
  day: Float64Array;
}

export function dateTable(resources: readonly PoolResource[], referenceDay: number): DateTable {
  return {
    closed: Uint8Array.from(resources, (resource) => (closedOn(resource, referenceDay) ? 1 : 0)),
    day: Float64Array.from(resources, availabilityDay),
  };
}
