import type { Command } from 'commander';
import { Pool } from '../../domain/pool.js';
import { formatGainTable } from '../../outcomes/format.js';
import { compareStrategies } from '../../outcomes/gain.js';
import { loadOutcomeModel } from '../../outcomes/model-file.js';
import { CliError } from '../errors.js';
import { readJsonFile } from '../read-file.js';
import { asCliError } from './model.js';

interface EvaluateOptions {
  model: string;
  share: string;
  json?: boolean;
}

async function evaluate(poolFile: string, options: EvaluateOptions): Promise<void> {
  const share = Number(options.share);
  if (!Number.isFinite(share) || share <= 0 || share > 1) throw new CliError(`--share must be in (0, 1], got "${options.share}"`);
  const model = await asCliError(async () => loadOutcomeModel(options.model));
  const pool = await readJsonFile(poolFile, Pool, 'pool');
  const rows = await compareStrategies(pool, model, share);
  if (options.json) {
    process.stdout.write(`${JSON.stringify({ pool: pool.name, participants: pool.participants.length, strategies: rows }, null, 2)}\n`);
    return;
  }
  process.stdout.write(`${formatGainTable(pool.name, pool.participants.length, rows)}\n`);
}

export function registerEvaluateCommand(program: Command): void {
  program
    .command('evaluate')
    .description('Expected number in work after placement, on one pool: first come first served vs the rule-based round vs the outcome-model round')
    .argument('<pool-file>', 'pool JSON file')
    .requiredOption('--model <model-file>', 'outcome model written by `model train`')
    .option('--share <α>', 'share of the score taken from the model in strategy (c), in (0, 1]', '1')
    .option('--json', 'print the comparison as JSON')
    .action(evaluate);
}
