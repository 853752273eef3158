import type { Pool } from '../domain/pool.js';
import type { PoolEligibility } from '../eligibility/evaluate.js';

/** A pair named by ids, as a plan, a problem's edges or a round's published assignments name it. */
export interface NamedPair {
  participant: string;
  resource: string;
}

/**
 * Pairs named by ids, as resource positions by participant position: the form in which a round
 * keeps pairs whatever their rank (BuildOptions.keep). Pairs of a participant or a resource the
 * pool does not hold are left out.
 */
export function pairPositions(pool: Pool, eligibility: PoolEligibility, pairs: Iterable<NamedPair>): Set<number>[] {
  const participant = new Map(pool.participants.map((p, i) => [p.id, i]));
  const positions = pool.participants.map(() => new Set<number>());
  for (const pair of pairs) {
    const [p, position] = [participant.get(pair.participant), eligibility.index.position.get(pair.resource)];
    if (p !== undefined && position !== undefined) positions[p]!.add(position);
  }
  return positions;
}

/** Each participant's positions of every list, in one set. */
export function unionByParticipant(...lists: readonly (readonly ReadonlySet<number>[])[]): Set<number>[] {
  return lists[0]!.map((_, p) => {
    const union = new Set<number>();
    for (const list of lists) for (const position of list[p]!) union.add(position);
    return union;
  });
}
