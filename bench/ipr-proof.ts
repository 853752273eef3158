import { syntheticPool } from '../fixtures/generator/synthetic/pool.js';
import { highsWithLog, modelData, searchOptions } from '../solver/backends/highs.js';
import { buildModel } from '../solver/exact/build-model.js';
import { prepareProblem } from '../solver/exact/prepared-problem.js';
import { firstViolation, roundBinary } from '../solver/backends/plan-check.js';
import { Pool } from '../src/domain/pool.js';
import { prepareRound } from '../src/round/prepare-round.js';
import { benchCandidatesPerKind } from './plan.js';

/**
 * Where the proof that an IPR-sized round is optimal spends its time (DESIGN.md §5 asks for
 * under 1 s). The round of the bench's ipr-1500 case (pool seed 1, 30 s, candidates chosen at the
 * prices) is built as a round builds it; HiGHS searches its model with the options the backend
 * uses, its own log on, twice: from nothing, as the round does, and then handed the optimum the
 * first search found. The second search only has to prove it: what it takes is what no better
 * plan-finding heuristic can save. With 0 candidates per kind the model holds every eligible pair:
 * HiGHS' bound on it is a bound on the pool's optimum.
 *
 *   npx tsx bench/ipr-proof.ts [participants: 1500] [seconds per search: 60] [candidates per kind: 5]
 */
const participants = Number(process.argv[2] ?? 1500);
const searchSeconds = Number(process.argv[3] ?? 60);
const candidatesPerKind = Number(process.argv[4] ?? benchCandidatesPerKind);

const pool = Pool.parse(syntheticPool({ participants, seed: 1 }));
pool.policy.timeLimitMs = 30_000;
if (candidatesPerKind > 0) pool.policy.candidatesPerKind = candidatesPerKind;
const { problem, pricingRounds } = prepareRound(pool);
const { model } = buildModel(prepareProblem(problem));
process.stdout.write(`${participants} participants, ${problem.edges.length} candidates after ${pricingRounds} pricing rounds\n`);

const highs = await highsWithLog((line) => {
  if (line.trim() !== '') process.stdout.write(`  ${line}\n`);
});

/** The plan HiGHS returned, and whether it breaks a row of the model (checked here, as the backend does). */
function search(title: string, start?: Float64Array): { values: Float64Array; optimal: boolean } {
  process.stdout.write(`\n== ${title}\n`);
  const instance = highs.createModel(modelData(highs, model));
  try {
    instance.options.set({ ...searchOptions(model, searchSeconds * 1000), output_flag: true, log_to_console: true });
    if (start) instance.setSolution({ colValue: start });
    const started = Date.now();
    instance.run();
    const seconds = ((Date.now() - started) / 1000).toFixed(2);
    const values = Float64Array.from(instance.getSolution().colValue);
    const plan = roundBinary(values);
    const check = plan ? (firstViolation(model, plan) ?? 'breaks no row') : 'not integral';
    const bound = Number(instance.info.get('mip_dual_bound'));
    process.stdout.write(`${title}: ${instance.getObjectiveValue().toFixed(2)} (${check}), bound ${bound.toFixed(2)}, in ${seconds} s\n`);
    return { values, optimal: instance.getModelStatus() === highs.constants.modelStatus.optimal };
  } finally {
    instance.dispose();
  }
}

const first = search('the search as the round runs it');
if (first.optimal) search('handed that plan: the proof alone', first.values);
