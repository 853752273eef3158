import { syntheticPool } from '../fixtures/generator/synthetic/pool.js';
import { highsBackend, linearOptimum } from '../solver/backends/highs.js';
import { buildModel } from '../solver/exact/build-model.js';
import { labels } from '../solver/exact/labels.js';
import { prepareProblem, type Candidate } from '../solver/exact/prepared-problem.js';
import type { MipModel } from '../solver/mip.js';
import type { Problem } from '../solver/problem.js';
import type { GreedyPlan } from '../solver/scale/greedy.js';
import { lagrangianRelaxation } from '../solver/scale/lagrangian/relax.js';
import { relaxationAboveEdges } from '../solver/scale/large-model.js';
import { planValues } from '../solver/scale/plan-values.js';
import { Pool } from '../src/domain/pool.js';
import { eligiblePairCount } from '../src/round/default-candidates.js';
import { prepareRound } from '../src/round/prepare-round.js';

/**
 * What a generated pool (seed 1) allows over every eligible pair, bracketed: bench/plan.ts's
 * `knownOptima` come from here. Column generation on the model's linear relaxation (Dantzig):
 * HiGHS solves the relaxation over a set of pairs; its capacity and priority-share duals price
 * every eligible pair; each participant's best few per kind at those prices join the set, until
 * none is new. At each round's duals the Lagrangian relaxation over every eligible pair gives a
 * proven upper bound (the duals only start it: every bound it reports is L(λ, μ) at some
 * multipliers), and its plan a lower one; last, HiGHS searches the final pairs for a better plan,
 * which is checked against every row of the model (past 100,000 pairs, the relaxation over every
 * pair does, from the least bound's multipliers). The optimum lies between the best plan and the
 * least bound. 1,500 participants: 3.5 minutes; 10,000: 26 minutes for 5 rounds (each relaxation
 * slower than the last: 25 s to 16 min), a few GiB.
 *
 *   node --max-old-space-size=12000 --import tsx bench/pool-optimum.ts 1500 [search seconds: 120] [rounds: 12]
 */
const participants = Number(process.argv[2] ?? 1500);
const searchSeconds = Number(process.argv[3] ?? 120);
const startPerKind = 5;
const addedPerKind = 3;
const maxRounds = Number(process.argv[4] ?? 12);
const boundSecondsPerRound = participants >= 5000 ? 30 : 5;

const started = Date.now();
const log = (message: string) => process.stderr.write(`${((Date.now() - started) / 1000).toFixed(0)} s  ${message}\n`);

const pool = Pool.parse(syntheticPool({ participants, seed: 1 }));
// A limit this long keeps every eligible pair (default-candidates.ts): nothing is pruned here.
pool.policy.timeLimitMs = 1e9;
delete pool.policy.candidatesPerKind;
const { problem: every, eligibility } = prepareRound(pool);
const eligiblePairs = eligiblePairCount(eligibility);
const all = prepareProblem(every);
const groups = byParticipantAndKind(all.candidates);
log(`${eligiblePairs} eligible pairs, ${all.candidates.length} that fit`);

const columns = new Set<Candidate>(groups.flatMap((group) => best(group, startPerKind, new Map())));
let bound = Infinity;
let plan = -Infinity;
let bestPlan: GreedyPlan | undefined;
let linear = NaN;
let bestPrices: { prices: Map<string, number>; shares: number[] } = { prices: new Map(), shares: [] };
for (let round = 1; round <= maxRounds; round += 1) {
  const restricted = withEdges(every, columns);
  const { model } = buildModel(prepareProblem(restricted));
  const optimum = await linearOptimum(model, 3_600_000);
  if (!optimum) throw new Error('the linear relaxation did not reach its optimum');
  linear = optimum.objective;
  const { prices, shares } = dualsOf(restricted, model, optimum.rowDuals);
  const relaxed = lagrangianRelaxation(all, Date.now() + boundSecondsPerRound * 1000, 0, { prices, shares });
  if (relaxed.bound < bound) [bound, bestPrices] = [relaxed.bound, { prices: relaxed.prices, shares: relaxed.shares }];
  if (relaxed.objective > plan) [plan, bestPlan] = [relaxed.objective, relaxed.plan];
  const before = columns.size;
  for (const group of groups) for (const candidate of best(group, addedPerKind, relaxed.prices)) columns.add(candidate);
  for (const candidate of relaxed.plan?.chosen ?? []) columns.add(candidate);
  log(`round ${round}: ${before} pairs, linear relaxation ${linear.toFixed(2)}, bound ${relaxed.bound.toFixed(2)} (least ${bound.toFixed(2)}), plan ${relaxed.objective.toFixed(2)}, ${columns.size - before} pairs added`);
  if (columns.size === before) break;
}

// HiGHS finds better plans than the relaxation over a few tens of thousands of pairs (1,500: 8,345.36
// against 8,247.29); over the national round's 400,000 its linear relaxation alone takes minutes,
// and the relaxation over every pair from the least bound's multipliers searches instead.
const search = columns.size <= relaxationAboveEdges
  ? await searchPairs(withEdges(every, columns), bestPlan, searchSeconds * 1000)
  : lagrangianRelaxation(all, Date.now() + searchSeconds * 1000, 0, bestPrices).objective;
if (search > plan) plan = search;
log(`search over ${columns.size <= relaxationAboveEdges ? `${columns.size} pairs` : 'every pair'}: ${search.toFixed(2)}`);
process.stdout.write(`${JSON.stringify({ participants, eligiblePairs, pairs: columns.size, linearRelaxation: linear, atLeast: plan, atMost: bound })}\n`);
process.exit(0);

function byParticipantAndKind(candidates: readonly Candidate[]): Candidate[][] {
  const groups = new Map<string, Candidate[]>();
  for (const candidate of candidates) {
    const key = `${candidate.participant}\u0000${candidate.resource.kind}`;
    const group = groups.get(key);
    if (group) group.push(candidate);
    else groups.set(key, [candidate]);
  }
  return [...groups.values()];
}

/** The `count` candidates of a group worth most at the prices: score − price·load. */
function best(group: readonly Candidate[], count: number, prices: ReadonlyMap<string, number>): Candidate[] {
  const worth = (c: Candidate) => c.score - (prices.get(c.resource.id) ?? 0) * c.load;
  return [...group].sort((a, b) => worth(b) - worth(a)).slice(0, count);
}

function withEdges(problem: Problem, candidates: Iterable<Candidate>): Problem {
  const edges = [...candidates].map((c) => ({ participant: c.participant, resource: c.resource.id, score: c.score, load: c.load }));
  return { ...problem, edges };
}

/** Capacity duals as prices by resource, and priority-share duals as their multipliers (μ ≥ 0 on a ≥ row: minus its dual). */
function dualsOf(problem: Problem, model: MipModel, rowDuals: Float64Array): { prices: Map<string, number>; shares: number[] } {
  const resourceOfRow = new Map(problem.resources.map((r) => [labels.capacity(r), r.id]));
  const shareOfRow = new Map(problem.policy.priorityShare.map((s, i) => [labels.priorityShare(s.group, s.minShare), i]));
  const prices = new Map<string, number>();
  const shares = problem.policy.priorityShare.map(() => 0);
  model.constraints.forEach((row, i) => {
    const resource = resourceOfRow.get(row.label);
    if (resource !== undefined && rowDuals[i]! > 0) prices.set(resource, rowDuals[i]!);
    const share = shareOfRow.get(row.label);
    if (share !== undefined) shares[share] = Math.max(0, -rowDuals[i]!);
  });
  return { prices, shares };
}

/** HiGHS over the pairs, from the plan; the objective of the plan it returns (checked against every row), or −∞. */
async function searchPairs(problem: Problem, start: GreedyPlan | undefined, timeLimitMs: number): Promise<number> {
  const { model, builder } = buildModel(prepareProblem(problem));
  const options = start ? { timeLimitMs, start: planValues(builder, start, model.variables.length) } : { timeLimitMs };
  return (await highsBackend.solve(model, options)).objective ?? -Infinity;
}
