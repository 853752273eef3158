import { resourceKinds } from '../problem.js';
import { highsBackend, linearRelaxation, releaseHighs } from '../backends/highs.js';
import { buildModel } from '../exact/build-model.js';
import { decodeRegions } from '../exact/decode.js';
import type { ModelBuilder } from '../exact/model-builder.js';
import { pairKey, prepareProblem } from '../exact/prepared-problem.js';
import type { Candidate, PreparedProblem } from '../exact/prepared-problem.js';
import type { GreedyPlan } from './greedy.js';
import { planValues } from './plan-values.js';

/**
 * Candidates kept per participant and kind in the neighbourhood's model, best by reduced gain
 * (score − price·load at the relaxation's prices). Measured on the national round: with 2 the
 * restricted model's linear relaxation (37,720–37,761) falls below the round's optimum (37,764),
 * so no search in it can reach that; with 3 it is 37,787.
 */
export const coreCandidatesPerKind = 3;
/** Share of the neighbourhood's time that the linear relaxation may take; the 0-1 search has the rest. */
const relaxationShare = 0.65;
/** Share of the time left after the relaxation that the 0-1 search is given: it has overrun its limit by up to 1 s. */
const searchShare = 0.7;
/** Below this much time left after the relaxation, the neighbourhood is not started: it could not finish its own. */
export const neighbourhoodMinimumMs = 1_000;
/**
 * The search is planned from this time limit on: 12 s for the national round's 10,000
 * participants, in proportion for fewer, never under 3 s. Measured on the national round (176,141
 * edges): the relaxation needs about 5 s for a bound near its optimum, the neighbourhood about 1 s
 * to build, 3 s for its linear relaxation and 2 s for its 0-1 search; with 10 s the search rarely
 * finished and the plan was worse than the relaxation's own polish. Smaller rounds need less of
 * both: a generated round of 1,500 with every eligible pair (139,060 edges, 2026-12-08; until then
 * 12 s for every size), with the search against without, by the time the solve had: 2.2 s
 * 8,002.16 against 8,243.00; 3.0 s 8,278.03 against 8,266.29; 3.5 s 8,259.80 against 8,204.34;
 * 3.7 s 8,293.81 against 8,208.68; 5.9 s 8,303.35 against 8,210.07; 8.7 s 8,299.60 against
 * 8,210.07 (the search itself took 0.8 s). With 10 s, 2,000 participants: 12,417.49 against
 * 12,387.52; 3,000: 17,272.99 against 17,261.35.
 */
export function neighbourhoodFromMs(participants: number): number {
  return Math.max(3_000, (12_000 * participants) / 10_000);
}

/**
 * An exact search around a plan (relaxation induced neighbourhood search, Danna et al. 2005).
 * The 0-1 programme is restricted to the plan's pairs and each participant's best few by reduced
 * gain; its linear relaxation is solved; every variable on which relaxation and plan agree is
 * fixed, and HiGHS solves what is left exactly, from the plan. The result is never worse than
 * the plan, and it is checked again by the caller. Undefined when there was not time enough or
 * HiGHS failed.
 */
export async function searchNeighbourhood(
  prepared: PreparedProblem,
  plan: GreedyPlan,
  prices: ReadonlyMap<string, number>,
  deadline: number,
): Promise<GreedyPlan | undefined> {
  const kept = coreCandidates(prepared, plan, prices);
  const edges = kept.map((c) => ({ participant: c.participant, resource: c.resource.id, score: c.score, load: c.load }));
  const { model, builder } = buildModel(prepareProblem({ ...prepared.problem, edges }));
  // An infeasible start is refused by HiGHS, and the neighbourhood fixed around it has no plan: nothing is lost.
  const start = planValues(builder, plan, model.variables.length);
  try {
    const relaxed = await linearRelaxation(model, relaxationShare * (deadline - Date.now()));
    if (!relaxed || Date.now() >= deadline) return undefined;
    const variables = model.variables.map((variable, j) =>
      Math.abs(relaxed[j]! - start[j]!) < 1e-6 ? { ...variable, lower: start[j] as 0 | 1, upper: start[j] as 0 | 1 } : variable);
    // HiGHS may overrun a short limit by its presolve: part of the time left is kept as margin.
    const solution = await highsBackend.solve({ ...model, variables }, { timeLimitMs: searchShare * (deadline - Date.now()), start });
    return solution.values && planOf(kept, builder, solution.values);
  } catch {
    // The search only ever improves a plan the caller already has: a failure of HiGHS costs the improvement, not the plan.
    return undefined;
  } finally {
    releaseHighs();
  }
}

/**
 * The candidates of the neighbourhood's model, in the prepared problem's order: the plan's,
 * every published pair, each participant's best few per kind by reduced gain, and for each
 * bridged opening kept without one of its trainings, its best training.
 */
function coreCandidates(prepared: PreparedProblem, plan: GreedyPlan, prices: ReadonlyMap<string, number>): Candidate[] {
  const keep = new Set<Candidate>(plan.chosen);
  const previous = new Set(prepared.problem.policy.previous.map((pair) => pairKey(pair.participant, pair.resource)));
  const reduced = new Map(prepared.candidates.map((c) => [c, c.score - (prices.get(c.resource.id) ?? 0) * c.load]));
  const byReducedGain = (a: Candidate, b: Candidate) => reduced.get(b)! - reduced.get(a)!;
  const bridges = new Map<string, string[][]>();
  for (const bridge of prepared.problem.bridges) {
    const key = pairKey(bridge.participant, bridge.opening);
    bridges.set(key, [...(bridges.get(key) ?? []), bridge.trainings]);
  }
  for (const candidates of prepared.byParticipant.values()) {
    for (const kind of resourceKinds) {
      const ofKind = candidates.filter((c) => c.resource.kind === kind).sort(byReducedGain);
      for (const c of ofKind.slice(0, coreCandidatesPerKind)) keep.add(c);
    }
    if (previous.size > 0) for (const c of candidates) if (previous.has(pairKey(c.participant, c.resource.id))) keep.add(c);
    for (const opening of candidates.filter((c) => c.resource.kind === 'opening' && keep.has(c))) {
      for (const trainings of bridges.get(pairKey(opening.participant, opening.resource.id)) ?? []) {
        const bridging = candidates.filter((c) => trainings.includes(c.resource.id)).sort(byReducedGain);
        if (bridging.length > 0 && !bridging.some((c) => keep.has(c))) keep.add(bridging[0]!);
      }
    }
  }
  return prepared.candidates.filter((c) => keep.has(c));
}

/**
 * The 0/1 vector of the neighbourhood's model as a plan in the prepared problem's own candidates:
 * the model's candidates are `kept`, one for one and in order (they passed the same filters once).
 */
function planOf(kept: readonly Candidate[], builder: ModelBuilder, values: readonly number[]): GreedyPlan | undefined {
  const modelled = builder.prepared.candidates;
  if (modelled.length !== kept.length) return undefined;
  const chosen = kept.filter((_, i) => values[builder.candidateVariables.get(modelled[i]!)!] === 1);
  return { chosen, regions: new Map(Object.entries(decodeRegions(builder, values))) };
}
