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

/** Pairs of one resource kind and region: participants (rows) × resources (columns), by batch index. */
export interface Block {
  participants: number[];
  resources: number[];
  /** Pair positions, and each pair's row and column in the block. */
  pairs: number[];
  rows: number[];
  columns: number[];
}

/** Largest participants × resources block computed at once (keeps each feature matrix under ~2 MB). */
const maxBlockCells = 1 << 18;

/**
 * Pairs grouped by resource kind and region: within a block most participant × resource cells
 * are wanted pairs. Pairs come participant by participant, so a block remembers the last
 * participant it saw, and each resource its block and column: most pairs need no map look-up.
 */
export function blocksOf(batch: PairBatch): Block[] {
  const groupKeys = new Map<string, number>();
  const groupOf = new Int32Array(batch.resources.length).fill(-1);
  const openBlock: OpenBlock[] = [];
  const blockOf: (OpenBlock | undefined)[] = new Array(batch.resources.length);
  const columnOf = new Int32Array(batch.resources.length);
  const blocks: OpenBlock[] = [];
  for (let k = 0; k < batch.participantOf.length; k += 1) {
    const p = batch.participantOf[k]!;
    const r = batch.resourceOf[k]!;
    if (groupOf[r] === -1) groupOf[r] = groupIndex(groupKeys, batch.resources[r]!);
    let block = openBlock[groupOf[r]!];
    if (!block || block.participants.length * block.resources.length >= maxBlockCells) {
      block = { participants: [], resources: [], pairs: [], rows: [], columns: [], rowOf: new Map(), lastParticipant: -1, lastRow: -1 };
      openBlock[groupOf[r]!] = block;
      blocks.push(block);
    }
    if (block.lastParticipant !== p) {
      let row = block.rowOf.get(p);
      if (row === undefined) {
        block.rowOf.set(p, (row = block.participants.length));
        block.participants.push(p);
      }
      [block.lastParticipant, block.lastRow] = [p, row];
    }
    if (blockOf[r] !== block) {
      [blockOf[r], columnOf[r]] = [block, block.resources.length];
      block.resources.push(r);
    }
    block.pairs.push(k);
    block.rows.push(block.lastRow);
    block.columns.push(columnOf[r]!);
  }
  return blocks;
}

/** A block being filled: its participants' rows, and the participant of its latest pair. */
interface OpenBlock extends Block {
  rowOf: Map<number, number>;
  lastParticipant: number;
  lastRow: number;
}

function groupIndex(keys: Map<string, number>, resource: PoolResource): number {
  const key = `${resource.kind}|${resource.item.region ?? ''}`;
  let index = keys.get(key);
  if (index === undefined) keys.set(key, (index = keys.size));
  return index;
}
