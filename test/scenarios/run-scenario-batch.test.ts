import { describe, it, expect } from 'vitest';
import type { ScenarioRequestInput } from '../../src/domain/scenario.js';
import { runScenario, runScenarioBatch, type ScenarioResult } from '../../src/scenarios/run-scenario.js';
import { ScenarioError } from '../../src/scenarios/scenario-error.js';
import { twoRegionPool } from './support/pools.js';

const scenarios: ScenarioRequestInput[] = [
  { name: 'one more mentor in Occitanie', changes: [{ kind: 'mentor', region: 'Occitanie', delta: 1, unit: 'resources' }] },
  { name: 'no housing in Bretagne', changes: [{ kind: 'housing', region: 'Bretagne', delta: -2 }] },
  { name: 'more seats, sector first', changes: [{ resource: 'op-bre-1', delta: 2 }], policy: { weights: { sector: 6 } } },
];

const withoutTime = ({ milliseconds: _, ...rest }: ScenarioResult) => rest;

describe('a batch of scenarios over one base', () => {
  it('gives the same results as running each scenario on its own', async () => {
    const pool = twoRegionPool();
    const batch = await runScenarioBatch(pool, scenarios, { marginal: true });
    const alone = await Promise.all(scenarios.map((s) =>
      runScenario(pool, s.changes, { name: s.name, marginal: true, ...(s.policy ? { policy: s.policy } : {}) })));
    expect(batch.scenarios.map(withoutTime)).toEqual(alone.map(withoutTime));
    expect(batch.scenarios.map((s) => s.name)).toEqual(scenarios.map((s) => s.name));
    expect(batch.base).toEqual(alone[0]!.base);
  });

  it('leaves marginal values out unless asked', async () => {
    const batch = await runScenarioBatch(twoRegionPool(), scenarios);
    expect(batch.scenarios.every((s) => s.marginalValues === undefined)).toBe(true);
  });

  it('names a bad change by its scenario and solves nothing', async () => {
    const bad = [...scenarios, { name: 'typo', changes: [{ resource: 'op-bre-9', delta: 1 }] }];
    const error = await runScenarioBatch(twoRegionPool(), bad).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ScenarioError);
    expect((error as Error).message).toBe('scenarios[3].changes[0].resource: unknown resource "op-bre-9"');
    const unnamed = await runScenarioBatch(twoRegionPool(), [{ changes: [] } as never]).catch((e: unknown) => e);
    expect((unnamed as Error).message).toMatch(/^scenarios\[0\]\.name: /);
  });
});
