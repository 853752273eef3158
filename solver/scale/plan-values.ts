import type { ModelBuilder } from '../exact/model-builder.js';
import { isPlacing, pairKey } from '../exact/prepared-problem.js';
import type { GreedyPlan } from './greedy.js';

/** x from the chosen candidates, y from the chosen region (home when none), z from "placed". */
export function planValues(builder: ModelBuilder, plan: GreedyPlan, size: number): number[] {
  const values = new Array<number>(size).fill(0);
  const placed = new Set<string>();
  for (const candidate of plan.chosen) {
    const variable = builder.edgeVariables.get(pairKey(candidate.participant, candidate.resource.id));
    if (variable !== undefined) values[variable] = 1;
    if (isPlacing(candidate.resource.kind)) placed.add(candidate.participant);
  }
  for (const [participant, regions] of builder.regionVariables) {
    const region = plan.regions.get(participant) ?? builder.prepared.acceptedRegions.get(participant)?.[0];
    const variable = region === undefined ? undefined : regions.get(region);
    if (variable !== undefined) values[variable] = 1;
  }
  for (const [participant, variable] of builder.placedVariables) if (placed.has(participant)) values[variable] = 1;
  return values;
}
