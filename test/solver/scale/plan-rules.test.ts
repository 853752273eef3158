import { describe, it, expect } from 'vitest';
import { buildModel } from '../../../solver/exact/build-model.js';
import { brokenConstraints, decodeRegions, objectiveOf } from '../../../solver/exact/decode.js';
import { isPlacing, pairKey, prepareProblem } from '../../../solver/exact/prepared-problem.js';
import type { PreparedProblem } from '../../../solver/exact/prepared-problem.js';
import type { GreedyPlan } from '../../../solver/scale/greedy.js';
import { brokenRules, planObjective } from '../../../solver/scale/plan-rules.js';
import { randomProblem, seededRandom } from '../support/random-problem.js';

/** A random plan: each candidate taken with probability 1/3, each participant in a random accepted region. */
function randomPlan(prepared: PreparedProblem, random: () => number): GreedyPlan {
  const plan: GreedyPlan = { chosen: prepared.candidates.filter(() => random() < 1 / 3), regions: new Map() };
  for (const [participant, regions] of prepared.acceptedRegions) plan.regions.set(participant, regions[Math.floor(random() * regions.length)]!);
  return plan;
}

/** The same plan as the exact model's 0/1 vector: x from the chosen pairs, y from the region, z from "placed". */
function modelVerdict(prepared: PreparedProblem, plan: GreedyPlan): { broken: boolean; objective: number } {
  const { model, builder } = buildModel(prepared);
  const values = new Array<number>(model.variables.length).fill(0);
  for (const c of plan.chosen) values[builder.edgeVariables.get(pairKey(c.participant, c.resource.id))!] = 1;
  // A region whose only housing candidate stands for living there has no y of its own: x decides.
  const edges = new Set(builder.edgeVariables.values());
  for (const [participant, regions] of builder.regionVariables) {
    const y = regions.get(plan.regions.get(participant)!);
    if (y !== undefined && !edges.has(y)) values[y] = 1;
  }
  const placed = new Set(plan.chosen.filter((c) => isPlacing(c.resource.kind)).map((c) => c.participant));
  for (const [participant, variable] of builder.placedVariables) if (placed.has(participant)) values[variable] = 1;
  // Where p lives is what the model's vector says (e.g. holding the only housing of a region is living there):
  // a plan that names another region for p is not this vector's plan.
  const lives = decodeRegions(builder, values);
  const elsewhere = [...prepared.acceptedRegions.keys()].some((participant) => lives[participant] !== plan.regions.get(participant));
  // A require on a pair without a candidate is refused before the model is built (pre-checks).
  const unmet = prepared.problem.overrides.some((o) => o.action === 'require' && builder.edgeVariables.get(pairKey(o.participant, o.resource)) === undefined);
  return { broken: elsewhere || unmet || brokenConstraints(model, values).length > 0, objective: objectiveOf(model, values) };
}

describe('plan rules read without the 0-1 programme', () => {
  it('accept exactly the plans the exact model accepts, with its objective, on 300 random plans', () => {
    let accepted = 0;
    for (let seed = 1; seed <= 300; seed += 1) {
      const prepared = prepareProblem(randomProblem(seed));
      const plan = randomPlan(prepared, seededRandom(seed * 7919));
      if (seed % 3 === 0) plan.chosen = plan.chosen.slice(0, 1);
      const model = modelVerdict(prepared, plan);
      expect(brokenRules(prepared, plan).length > 0, `seed ${seed}: ${brokenRules(prepared, plan).join('; ')}`).toBe(model.broken);
      if (model.broken) continue;
      accepted += 1;
      expect(planObjective(prepared, plan), `seed ${seed}`).toBeCloseTo(model.objective, 9);
    }
    // Both kinds of verdict occur, so the agreement means something.
    expect(accepted).toBeGreaterThan(20);
    expect(accepted).toBeLessThan(280);
  });
});
