import type { Participant } from '../domain/participant.js';
import type { CandidatePair, PoolResource } from './scorer.js';

/**
 * Pairs by index: pair k is (participants[participantOf[k]], resources[resourceOf[k]]).
 * A round scores millions of pairs; as two integer arrays they cost no object each.
 */
export interface PairBatch {
  participants: readonly Participant[];
  resources: readonly PoolResource[];
  participantOf: Int32Array;
  resourceOf: Int32Array;
}

/** The batch of a list of pair objects: each participant and resource once. */
export function batchOf(pairs: readonly CandidatePair[]): PairBatch {
  const participants = new Map<Participant, number>();
  const resources = new Map<PoolResource['item'], number>();
  const resourceList: PoolResource[] = [];
  const participantOf = new Int32Array(pairs.length);
  const resourceOf = new Int32Array(pairs.length);
  pairs.forEach((pair, k) => {
    let p = participants.get(pair.participant);
    if (p === undefined) participants.set(pair.participant, (p = participants.size));
    let r = resources.get(pair.resource.item);
    if (r === undefined) {
      resources.set(pair.resource.item, (r = resourceList.length));
      resourceList.push(pair.resource);
    }
    [participantOf[k], resourceOf[k]] = [p, r];
  });
  return { participants: [...participants.keys()], resources: resourceList, participantOf, resourceOf };
}
