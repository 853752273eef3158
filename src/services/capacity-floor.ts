import type { Tx } from '../db/client.js';
import { publishedUse } from './capacity.js';

/** A capacity field set below what published rounds already use. */
export interface FloorBreach {
  id: string;
  field: string;
  message: string;
}

interface Capacities {
  id: string;
  seats?: number;
  places?: number;
  caseloadCap?: number;
  currentCaseload?: number;
}

/**
 * Seats, places and caseloads may not be set below what published rounds took: those
 * placements happened, and a lower figure would let the next round overbook the resource.
 * A mentor's current caseload counts the mentees published rounds gave them.
 */
export async function capacityFloorBreaches(tx: Tx, kind: string, items: Capacities[]): Promise<FloorBreach[]> {
  if (!['mentor', 'training session', 'housing unit'].includes(kind) || items.length === 0) return [];
  const used = await publishedUse(tx, items.map((i) => i.id));
  return items.flatMap((item) => breachesOf(item, used.get(item.id) ?? 0));
}

function breachesOf(item: Capacities, published: number): FloorBreach[] {
  const breaches: FloorBreach[] = [];
  const below = (field: string, value: number | undefined, floor: number, what: string) => {
    if (value !== undefined && value < floor) breaches.push({ id: item.id, field, message: `must be at least ${floor}, ${what}` });
  };
  below('seats', item.seats, published, 'the seats published rounds filled');
  below('places', item.places, published, 'the places published rounds filled');
  below('currentCaseload', item.currentCaseload, published, 'the participants published rounds gave this mentor');
  if (item.currentCaseload !== undefined) below('caseloadCap', item.caseloadCap, item.currentCaseload, 'the current caseload');
  return breaches;
}
