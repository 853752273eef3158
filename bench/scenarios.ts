import { frenchRegions } from '../fixtures/generator/regions.js';
import type { Pool } from '../src/domain/pool.js';
import type { ScenarioRequestInput } from '../src/domain/scenario.js';
import { CapacityChange } from '../src/domain/scenario.js';
import { applyScenario } from '../src/scenarios/apply-changes.js';
import type { ResourceKind } from '../solver/problem.js';

const kinds: readonly ResourceKind[] = ['mentor', 'training', 'opening', 'housing'];
const deltas = [5, -3, 10, -1, 2, 20, -5];

/**
 * `count` capacity scenarios a planner might try on `pool` ("+5 mentor places in Bretagne",
 * "−3 housing places in Occitanie", "+2 new mentors in Corse"), always the same list for the
 * same pool; a change the pool cannot take (removing more than is free) is skipped.
 */
export function capacityScenarios(pool: Pool, count: number): ScenarioRequestInput[] {
  const scenarios: ScenarioRequestInput[] = [];
  for (let i = 0; scenarios.length < count && i < count * 10; i += 1) {
    const kind = kinds[i % kinds.length]!;
    const region = frenchRegions[(i * 5) % frenchRegions.length]!.name;
    const delta = deltas[i % deltas.length]!;
    const byResources = kind === 'mentor' && i % 3 === 0 && delta > 0;
    const change = { kind, region, delta: byResources ? Math.min(delta, 3) : delta, ...(byResources ? { unit: 'resources' as const } : {}) };
    try {
      applyScenario(pool, [CapacityChange.parse(change)]);
    } catch {
      continue;
    }
    const amount = `${change.delta > 0 ? '+' : ''}${change.delta}`;
    scenarios.push({ name: `${amount} ${byResources ? `${kind}s` : `${kind} capacity`} in ${region}`, changes: [change] });
  }
  return scenarios;
}
