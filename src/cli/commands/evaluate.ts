import type { Command } from 'commander';
import { Pool } from '../../domain/pool.js';
import { formatGainTable } from '../../outcomes/format.js';
import { compareStrategies } from '../../outcomes/gain.js';
import { groundTruthJudge, judgeNames, modelJudge, type JudgeName } from '../../outcomes/judge.js';
import { loadOutcomeModel } from '../../outcomes/model-file.js';
import { CliError } from '../errors.js';
import { readJsonFile } from '../read-file.js';
import { asCliError } from './model.js';

interface EvaluateOptions {
  model: string;
  share: string;
  judge: string;
  json?: boolean;
}

function shareOption(text: string): number {
  const share = Number(text);
  if (!Number.isFinite(share) || share <= 0 || share > 1) throw new CliError(`--share must be in (0, 1], got "${text}"`);
  return share;
}

function judgeOption(text: string): JudgeName {
  if (!(judgeNames as readonly string[]).includes(text)) throw new CliError(`--judge must be one of ${judgeNames.join(', ')}, got "${text}"`);
  return text as JudgeName;
}

async function evaluate(poolFile: string, options: EvaluateOptions): Promise<void> {
  const share = shareOption(options.share);
  const judgeName = judgeOption(options.judge);
  const model = await asCliError(async () => loadOutcomeModel(options.model));
  const pool = await readJsonFile(poolFile, Pool, 'pool');
  const judge = judgeName === 'model' ? modelJudge(model, options.model) : groundTruthJudge;
  const comparison = await compareStrategies(pool, model, judge, share);
  if (options.json) {
    process.stdout.write(`${JSON.stringify({ pool: pool.name, participants: pool.participants.length, ...comparison }, null, 2)}\n`);
    return;
  }
  process.stdout.write(`${formatGainTable(pool.name, pool.participants.length, comparison)}\n`);
}

export function registerEvaluateCommand(program: Command): void {
  program
    .command('evaluate')
    .description('Expected number in work after placement, on one pool: first come first served vs the rule-based round vs the outcome-model round')
    .argument('<pool-file>', 'pool JSON file')
    .requiredOption('--model <model-file>', 'outcome model written by `model train`')
    .option('--share <α>', 'share of the score taken from the model in strategy (c), in (0, 1]', '1')
    .option('--judge <judge>', `whose probability every plan is judged by: ${judgeNames.join(' or ')} (the synthetic fixture's)`, 'model')
    .option('--json', 'print the comparison as JSON')
    .action(evaluate);
}
