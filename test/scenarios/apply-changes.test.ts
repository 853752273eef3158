import { describe, it, expect } from 'vitest';
import { CapacityChange, type CapacityChangeInput } from '../../src/domain/scenario.js';
import { applyScenario } from '../../src/scenarios/apply-changes.js';
import { ScenarioError } from '../../src/scenarios/scenario-error.js';
import { deepFreeze, housingPool, twoRegionPool } from './support/pools.js';

const apply = (pool: ReturnType<typeof twoRegionPool>, changes: CapacityChangeInput[]) =>
  applyScenario(pool, changes.map((c) => CapacityChange.parse(c)));

function messagesOf(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof ScenarioError) return error.message.split('\n');
    throw error;
  }
  throw new Error('expected a ScenarioError');
}

describe('applying capacity changes to a copy of the pool', () => {
  it('changes the seats of one resource named by id', () => {
    const { pool, applied } = apply(twoRegionPool(), [{ resource: 'op-bre-1', delta: 3 }]);
    expect(pool.openings[0]!.seats).toBe(5);
    expect(applied[0]!.resources).toEqual([{ id: 'op-bre-1', kind: 'opening', region: 'Bretagne', before: 2, after: 5 }]);
  });

  it('moves a mentor\'s caseload cap, counting capacity as the free caseload', () => {
    const base = twoRegionPool({ mentors: [{ id: 'm1', kind: 'volunteer', region: 'Occitanie', caseloadCap: 5, currentCaseload: 3, gender: 'male', availableFrom: '2025-01-01' }] });
    const { pool, applied } = apply(base, [{ resource: 'm1', delta: -2 }]);
    expect(pool.mentors[0]!.caseloadCap).toBe(3);
    expect(applied[0]!.resources[0]).toMatchObject({ before: 2, after: 0 });
    expect(messagesOf(() => apply(base, [{ resource: 'm1', delta: -3 }])))
      .toEqual(['changes[0].delta: cannot remove 3 caseload places from "m1": it has 2 free']);
  });

  it('removes housing places of a region in proportion to each unit\'s places, never below zero', () => {
    const base = housingPool([6, 3, 1]);
    const { pool, applied } = apply(base, [{ kind: 'housing', region: 'Bretagne', delta: -5 }]);
    expect(pool.housingUnits.map((h) => h.places)).toEqual([3, 1, 1]);
    expect(applied[0]!.capacityDelta).toBe(-5);
    const all = apply(base, [{ kind: 'housing', region: 'Bretagne', delta: -10 }]).pool;
    expect(all.housingUnits.map((h) => h.places)).toEqual([0, 0, 0]);
  });

  it('refuses to remove more places than the region has', () => {
    expect(messagesOf(() => apply(housingPool([6, 3, 1]), [{ kind: 'housing', region: 'Bretagne', delta: -11 }])))
      .toEqual(['changes[0].delta: cannot remove 11 places of housing in Bretagne: the group has 10 free']);
  });

  it('adds new mentors like the region\'s typical one, with no current caseload and no name', () => {
    const base = twoRegionPool();
    const { pool, applied } = apply(base, [{ kind: 'mentor', region: 'Occitanie', delta: 2, unit: 'resources' }]);
    const added = pool.mentors.slice(2);
    expect(added.map((m) => [m.id, m.region, m.caseloadCap, m.currentCaseload])).toEqual([
      ['scenario-mentor-1', 'Occitanie', 2, 0],
      ['scenario-mentor-2', 'Occitanie', 2, 0],
    ]);
    expect(added.every((m) => m.displayName === undefined)).toBe(true);
    expect(applied[0]!.summary).toBe('+2 mentors in Occitanie, like m-occ-1');
    expect(applied[0]!.capacityDelta).toBe(4);
  });

  it('models new resources on the kind\'s typical one elsewhere when the region has none', () => {
    const { pool } = apply(twoRegionPool(), [{ kind: 'opening', region: 'Occitanie', delta: 1, unit: 'resources' }]);
    expect(pool.openings.at(-1)).toMatchObject({ id: 'scenario-opening-1', region: 'Occitanie', seats: 2, sector: 'construction' });
  });

  it('removes resources of a group, the last ones in pool order', () => {
    const { pool, applied } = apply(twoRegionPool(), [{ kind: 'housing', region: 'Bretagne', delta: -1, unit: 'resources' }]);
    expect(pool.housingUnits.map((h) => h.id)).toEqual(['h-bre-1']);
    expect(applied[0]!.resources).toEqual([{ id: 'h-bre-2', kind: 'housing', region: 'Bretagne', before: 1, after: null }]);
  });

  it('refuses to remove more resources than the group has', () => {
    expect(messagesOf(() => apply(twoRegionPool(), [{ kind: 'housing', region: 'Bretagne', delta: -3, unit: 'resources' }])))
      .toEqual(['changes[0].delta: cannot remove 3 housing units in Bretagne: the group has 2']);
  });

  it('applies changes in order, each seeing the ones before it', () => {
    const { pool } = apply(twoRegionPool(), [
      { resource: 'h-bre-1', delta: 4 },
      { kind: 'housing', region: 'Bretagne', delta: -5 },
    ]);
    // 5 + 1 places free, 5 removed: 5·5/6 = 4.17 and 5·1/6 = 0.83, the larger remainder takes the fifth.
    expect(pool.housingUnits.map((h) => h.places)).toEqual([1, 0]);
  });

  it('never modifies the base pool', () => {
    const base = deepFreeze(twoRegionPool());
    const before = structuredClone(base);
    apply(base, [
      { resource: 'm-occ-1', delta: 1 },
      { kind: 'mentor', region: 'Occitanie', delta: 3, unit: 'resources' },
      { kind: 'housing', region: 'Bretagne', delta: -2 },
    ]);
    expect(base).toEqual(before);
  });

  it('names every bad change by its path, and applies none', () => {
    const messages = messagesOf(() => apply(twoRegionPool(), [
      { resource: 'm-occ-1', delta: 1 },
      { kind: 'mentor', region: 'Normandie', delta: 1 },
      { resource: 't-99', delta: 2 },
      { kind: 'training', region: 'Occitanie', delta: 5 },
      { resource: 'h-bre-1', kind: 'mentor', delta: 1 },
      { kind: 'housing', region: null, delta: 1, unit: 'resources' },
    ]));
    expect(messages).toEqual([
      'changes[1].region: unknown region "Normandie"',
      'changes[2].resource: unknown resource "t-99"',
      'changes[3].region: no training in Occitanie to change the capacity of (unit "resources" adds new ones)',
      'changes[4].kind: resource "h-bre-1" is a housing, not a mentor',
      'changes[5].region: a housing is always in a region',
    ]);
  });
});

describe('the shape of a capacity change', () => {
  const issues = (input: unknown) => {
    const parsed = CapacityChange.safeParse(input);
    return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  };

  it('needs a resource, or a kind and a region', () => {
    expect(issues({ delta: 1 })).toEqual([
      'kind: required when no resource is named (mentor, training, opening or housing)',
      'region: required when no resource is named (null for resources bound to no region)',
    ]);
    expect(issues({ resource: 'm1', region: 'Bretagne', delta: 1 })).toEqual(['region: give either a resource or a region, not both']);
  });

  it('needs a whole, non-zero delta', () => {
    expect(issues({ resource: 'm1', delta: 0 })).toEqual(['delta: must not be zero']);
    expect(issues({ resource: 'm1', delta: 1.5 })).toEqual(['delta: must be a whole number']);
  });

  it('refuses unknown fields and kinds', () => {
    expect(issues({ resource: 'm1', delta: 1, seats: 3 })).toHaveLength(1);
    expect(issues({ kind: 'bus', region: 'Bretagne', delta: 1 })[0]).toMatch(/^kind: /);
  });
});
