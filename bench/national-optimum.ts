import { syntheticPool } from '../fixtures/generator/synthetic/pool.js';
import { prepareProblem } from '../solver/exact/prepared-problem.js';
import { lagrangianRelaxation } from '../solver/scale/lagrangian/relax.js';
import { pruneCandidates } from '../solver/scale/prune.js';
import { Pool } from '../src/domain/pool.js';
import { eligiblePairCount } from '../src/round/default-candidates.js';
import { prepareRound } from '../src/round/prepare-round.js';

/**
 * What bench/plan.ts's `nationalOptimum` comes from: the national round's pool (seed 1) with
 * every eligible pair as a candidate, and the Lagrangian relaxation on all of them for the
 * seconds given (default 400). It prints a plan's objective and a proven bound: the optimum over
 * every eligible pair lies between them. Takes about 2 GiB:
 *
 *   node --max-old-space-size=8000 --import tsx bench/national-optimum.ts 400
 */
const seconds = Number(process.argv[2] ?? 400);
const pool = Pool.parse(syntheticPool({ participants: 10_000, seed: 1 }));
delete pool.policy.candidatesPerKind;
// A limit this long keeps every eligible pair: with the default 20 s the round keeps its best 5
// per kind (default-candidates.ts), which this script ran on from 2026-12-03 to 12-07 unnoticed.
pool.policy.timeLimitMs = 1e9;
const { problem, eligibility } = prepareRound(pool);
const eligiblePairs = eligiblePairCount(eligibility);
const prepared = prepareProblem(pruneCandidates(problem).problem);
const outcome = lagrangianRelaxation(prepared, Date.now() + seconds * 1000, 0);
process.stdout.write(`${JSON.stringify({ eligiblePairs, candidates: prepared.candidates.length, seconds, plan: outcome.objective, bound: outcome.bound, iterations: outcome.iterations })}\n`);
process.exit(0);
