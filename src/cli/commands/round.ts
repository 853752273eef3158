import type { Command } from 'commander';
import { Pool } from '../../domain/pool.js';
import { formatReport } from '../../round/format-report.js';
import { runRound } from '../../round/run-round.js';
import { readJsonFile } from '../read-file.js';
import { roundScorer } from './model.js';

/**
 * Exit code of a round that produced no plan (status `infeasible`, or `time_limit` before any
 * plan): the report is still printed in full, so that scripts can tell and people can read why.
 */
export const noPlanExitCode = 3;

/**
 * `round <pool-file> [--json]`: eligibility, scoring, solving and the report of one
 * placement round: readable tables by default, the result and the report as JSON with --json.
 */
export function registerRound(program: Command): void {
  program
    .command('round')
    .description('Run a placement round on a pool file and print the report')
    .argument('<pool-file>', 'pool as JSON (participants, mentors, training sessions, openings, housing, policy)')
    .option('--json', 'print the solver result and the report as JSON')
    .option('--model <model-file>', 'score with this outcome model file, mixed by the policy\'s outcomeModelWeight (default: the model the policy\'s outcomeModel names in the models directory, OUTCOME_MODELS_DIR or ./models)')
    .action(async (file: string, options: { json?: boolean; model?: string }) => {
      // The policy's time limit is the wait from here: reading the pool counts in it.
      const startedAt = Date.now();
      const pool = await readJsonFile(file, Pool, 'pool');
      const { result, report } = await runRound(pool, { scorer: roundScorer(pool, options.model), startedAt });
      process.stdout.write(options.json ? `${JSON.stringify({ result, report }, null, 2)}\n` : formatReport(report));
      if (result.status === 'infeasible' || result.status === 'time_limit') process.exitCode = noPlanExitCode;
    });
}
