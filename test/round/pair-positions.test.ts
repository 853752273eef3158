import { describe, it, expect } from 'vitest';
import { syntheticPool } from '../../fixtures/generator/synthetic/pool.js';
import { Pool } from '../../src/domain/pool.js';
import { evaluatePool } from '../../src/eligibility/evaluate.js';
import { pairPositions, unionByParticipant } from '../../src/round/pair-positions.js';

describe('pairs named by ids, as resource positions by participant', () => {
  const pool = Pool.parse(syntheticPool({ participants: 20, seed: 3 }));
  const eligibility = evaluatePool(pool);
  const [first, second] = pool.participants;
  const [mentor] = pool.mentors;
  const [unit] = pool.housingUnits;
  const at = (id: string) => eligibility.index.position.get(id)!;

  it('puts each pair at its participant, and leaves out ids the pool does not hold', () => {
    const positions = pairPositions(pool, eligibility, [
      { participant: second!.id, resource: mentor!.id },
      { participant: second!.id, resource: unit!.id },
      { participant: 'nobody', resource: mentor!.id },
      { participant: first!.id, resource: 'no-such-resource' },
    ]);
    expect(positions).toHaveLength(20);
    expect([...positions[1]!].sort()).toEqual([at(mentor!.id), at(unit!.id)].sort());
    expect(positions[0]!.size).toBe(0);
  });

  it('joins several lists participant by participant', () => {
    expect(unionByParticipant([new Set([1, 2]), new Set()], [new Set([2, 3]), new Set([4])])).toEqual([new Set([1, 2, 3]), new Set([4])]);
  });
});
