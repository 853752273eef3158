import { describe, it, expect } from 'vitest';
import { syntheticPool } from '../../fixtures/generator/synthetic/pool.js';
import { Pool } from '../../src/domain/pool.js';
import { runRound } from '../../src/round/run-round.js';
import { runScenario } from '../../src/scenarios/run-scenario.js';
import { marginalValues, type MarginalValue } from '../../src/scenarios/marginal-values.js';
import { twoRegionPool } from './support/pools.js';

function group(values: MarginalValue[] | undefined, kind: string, region: string | null): MarginalValue {
  const found = values?.find((v) => v.kind === kind && v.region === region);
  if (!found) throw new Error(`no group ${kind} in ${region}`);
  return found;
}

describe('the marginal value of one more unit of capacity', () => {
  it('is positive for a full group that people wait for, and zero where there is room', async () => {
    const { marginalValues } = await runScenario(twoRegionPool(), [], { marginal: true });
    const occitanie = group(marginalValues, 'mentor', 'Occitanie');
    expect(occitanie).toMatchObject({ resources: 1, capacity: 2, used: 2, full: 1, placedGain: 1, resource: 'm-occ-1', exact: true });
    expect(occitanie.value).toBeGreaterThan(0);
    expect(group(marginalValues, 'mentor', 'Bretagne')).toMatchObject({ capacity: 3, used: 2, full: 0, value: 0, tried: [] });
  });

  it('is zero for a full group nobody else can use', async () => {
    const { marginalValues } = await runScenario(twoRegionPool(), [], { marginal: true });
    const housing = group(marginalValues, 'housing', 'Bretagne');
    expect(housing.full).toBe(2);
    expect(housing.tried).toHaveLength(1);
    expect(housing.value).toBe(0);
  });

  it('equals the objective gained by a scenario that adds that unit', async () => {
    const { marginalValues } = await runScenario(twoRegionPool(), [], { marginal: true });
    const withUnit = await runScenario(twoRegionPool(), [{ resource: 'm-occ-1', delta: 1 }]);
    expect(group(marginalValues, 'mentor', 'Occitanie').value).toBeCloseTo(withUnit.difference.objective!, 9);
  });

  it('counts a resource with no room for anyone, which has no candidate pair in the round', async () => {
    const pool = twoRegionPool();
    pool.mentors[0]!.caseloadCap = 0;
    const { marginalValues } = await runScenario(pool, [], { marginal: true });
    expect(group(marginalValues, 'mentor', 'Occitanie')).toMatchObject({ capacity: 0, full: 1, placedGain: 1, resource: 'm-occ-1' });
  });

  it('tries more resources per group when asked', async () => {
    const pool = twoRegionPool();
    pool.mentors.push({ ...structuredClone(pool.mentors[0]!), id: 'm-occ-2', caseloadCap: 1 });
    const one = await runScenario(pool, [], { marginal: true });
    const two = await runScenario(pool, [], { marginal: { resourcesPerGroup: 2 } });
    expect(group(one.marginalValues, 'mentor', 'Occitanie').tried).toHaveLength(1);
    expect(group(two.marginalValues, 'mentor', 'Occitanie').tried.map((t) => t.resource).sort()).toEqual(['m-occ-1', 'm-occ-2']);
  });
});

describe('the marginal value in a round whose candidates were chosen at the prices', async () => {
  // A generated round of 250 with its best 5 per kind: 2,132 candidates, chosen at the prices.
  const pool = Pool.parse(syntheticPool({ participants: 250, seed: 1 }));
  Object.assign(pool.policy, { candidatesPerKind: 5, timeLimitMs: 3000 });
  const outcome = await runRound(structuredClone(pool));
  const values = await marginalValues(pool, outcome);

  it('is measured over the round\'s own candidates: one more place gains in every full mentor group', () => {
    expect(outcome.report.candidates.pricingRounds).toBeGreaterThan(0);
    // Mentors are scarce (their places are about half the participants): in each group someone waits.
    const mentors = values.filter((v) => v.kind === 'mentor' && v.full > 0);
    expect(mentors.length).toBeGreaterThanOrEqual(8);
    for (const group of mentors) expect(group.value, group.region ?? 'remote mentors').toBeGreaterThan(0);
  });
});
