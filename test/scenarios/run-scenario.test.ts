import { describe, it, expect } from 'vitest';
import { runScenario } from '../../src/scenarios/run-scenario.js';
import { ScenarioError } from '../../src/scenarios/scenario-error.js';
import { deepFreeze, twoRegionPool } from './support/pools.js';

async function errorOf(run: Promise<unknown>): Promise<string[]> {
  const error = await run.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(ScenarioError);
  return (error as ScenarioError).message.split('\n');
}

describe('a capacity scenario against its base', () => {
  it('places more people in a region where they wait for a mentor when a mentor is added there', async () => {
    const result = await runScenario(twoRegionPool(), [{ kind: 'mentor', region: 'Occitanie', delta: 1, unit: 'resources' }]);
    expect(result.base.byRegion.Occitanie!.placed).toBe(2);
    expect(result.scenario.byRegion.Occitanie!.placed).toBe(4);
    expect(result.difference.byRegion.Occitanie!.placed).toBe(2);
    expect(result.difference.placed).toBe(2);
    expect(result.base.unplacedByReason.capacity).toBe(2);
    expect(result.scenario.unplacedByReason.capacity).toBe(0);
    expect(result.difference.byKind.mentor).toMatchObject({ assignments: 2, capacity: 2 });
  });

  it('relocates fewer people to a region whose housing is removed', async () => {
    const result = await runScenario(twoRegionPool(), [{ kind: 'housing', region: 'Bretagne', delta: -2 }]);
    expect(result.base.relocationsByRegion).toEqual({ Bretagne: 2 });
    expect(result.scenario.relocations).toBe(0);
    expect(result.difference.relocationsByRegion).toEqual({ Bretagne: -2 });
    expect(result.difference.byKind.opening!.assignments).toBe(-2);
    expect(result.changes[0]!.resources.map((r) => [r.id, r.before, r.after])).toEqual([['h-bre-1', 1, 0], ['h-bre-2', 1, 0]]);
  });

  it('leaves the base pool untouched', async () => {
    const base = deepFreeze(twoRegionPool());
    const before = structuredClone(base);
    await runScenario(base, [
      { resource: 'm-occ-1', delta: 2 },
      { kind: 'mentor', region: 'Bretagne', delta: 1, unit: 'resources' },
      { kind: 'housing', region: 'Bretagne', delta: -1 },
    ], { marginal: true });
    expect(base).toEqual(before);
  });

  it('changes the policy of the scenario only', async () => {
    const result = await runScenario(twoRegionPool(), [], { policy: { weights: { sector: 10 } } });
    const same = await runScenario(twoRegionPool(), []);
    expect(result.base).toEqual(same.base);
    expect(result.scenario.totalScore).toBeGreaterThan(result.base.totalScore);
    expect(same.difference.totalScore).toBe(0);
  });

  it('names bad changes by their path and solves nothing', async () => {
    expect(await errorOf(runScenario(twoRegionPool(), [
      { resource: 'm-occ-1', delta: 1 },
      { resource: 't-99', delta: 1 },
      { kind: 'housing', region: 'Bretagne', delta: -3 },
    ]))).toEqual([
      'changes[1].resource: unknown resource "t-99"',
      'changes[2].delta: cannot remove 3 places of housing in Bretagne: the group has 2 free',
    ]);
    expect(await errorOf(runScenario(twoRegionPool(), [{ resource: 'm-occ-1', delta: 0 }, { kind: 'mentor', delta: 1 }] as never)))
      .toEqual([
        'changes[0].delta: must not be zero',
        'changes[1].region: required when no resource is named (null for resources bound to no region)',
      ]);
  });
});
