import { access } from 'node:fs/promises';
import { relative } from 'node:path';
import type { Command } from 'commander';
import { Pool } from '../../domain/pool.js';
import { crossFit, recordedHistory } from '../../outcomes/cross-fit.js';
import { formatGainTable } from '../../outcomes/format-gain.js';
import { compareStrategies, type EvaluationSplit } from '../../outcomes/gain.js';
import { readHistoryFile } from '../../outcomes/history-file.js';
import { groundTruthJudge, judgeNames, modelJudge, type JudgeName } from '../../outcomes/judge.js';
import { loadOutcomeModel, type OutcomeModel } from '../../outcomes/model-file.js';
import { CliError } from '../errors.js';
import { readJsonFile } from '../read-file.js';
import { asCliError } from './model.js';

interface EvaluateOptions {
  model: string;
  history?: string;
  share: string;
  judge: string;
  unplacedRate: string;
  seed: string;
  json?: boolean;
}

function numberIn(name: string, text: string, ok: (v: number) => boolean, what: string): number {
  const value = Number(text);
  if (!Number.isFinite(value) || !ok(value)) throw new CliError(`--${name} must be ${what}, got "${text}"`);
  return value;
}

function judgeOption(text: string): JudgeName {
  if (!(judgeNames as readonly string[]).includes(text)) throw new CliError(`--judge must be one of ${judgeNames.join(', ')}, got "${text}"`);
  return text as JudgeName;
}

const described = (model: OutcomeModel, file: string) => `the outcome model ${file} (CV AUC ${model.crossValidation?.auc.toFixed(3) ?? 'not recorded'})`;

/** The history to cross-fit on: --history, else the one the model file records, if it is still there. */
async function historyToCrossFit(model: OutcomeModel, options: EvaluateOptions): Promise<string | undefined> {
  if (options.history) return options.history;
  const recorded = recordedHistory(model, options.model);
  if (recorded === undefined) return undefined;
  try {
    await access(recorded);
    return relative(process.cwd(), recorded);
  } catch {
    return undefined;
  }
}

/**
 * Who optimises (c) and who judges. Cross-fitting when there is a history: the model of each
 * half optimises and the other half's judges. Without one, the model file judges its own plans
 * (circular: the output says so in a warning row).
 */
async function splitsFor(judge: JudgeName, model: OutcomeModel, options: EvaluateOptions, seed: number): Promise<EvaluationSplit[]> {
  const own = { description: described(model, options.model), model };
  if (judge === 'ground-truth') return [{ optimiser: own, judge: groundTruthJudge }];
  const historyFile = judge === 'cross-fit' ? await historyToCrossFit(model, options) : undefined;
  if (historyFile === undefined) return [{ optimiser: own, judge: modelJudge(model, own.description) }];
  const history = await asCliError(() => readHistoryFile(historyFile));
  if (new Set(history.map((o) => o.participantId)).size < 2) throw new CliError(`history file ${historyFile}: cross-fitting needs at least two participants`);
  const halves = crossFit(history, model.lambda, seed);
  const of = (h: (typeof halves)[number], where = '') => `the model of half ${h.name}${where} (${h.records} records, ${h.participants} participants)`;
  const [a, b] = halves;
  return [
    { optimiser: { description: of(a, ` of ${historyFile}, split by participant`), model: a.model }, judge: modelJudge(b.model, of(b)) },
    { optimiser: { description: of(b), model: b.model }, judge: modelJudge(a.model, of(a)) },
  ];
}

async function evaluate(poolFile: string, options: EvaluateOptions): Promise<void> {
  const share = numberIn('share', options.share, (v) => v > 0 && v <= 1, 'in (0, 1]');
  const unplacedRate = numberIn('unplaced-rate', options.unplacedRate, (v) => v >= 0 && v <= 1, 'a probability in [0, 1]');
  const seed = numberIn('seed', options.seed, Number.isInteger, 'a whole number');
  const judge = judgeOption(options.judge);
  const model = await asCliError(async () => loadOutcomeModel(options.model));
  const pool = await readJsonFile(poolFile, Pool, 'pool');
  const splits = await splitsFor(judge, model, options, seed);
  const comparison = await compareStrategies(pool, splits, { share, unplacedRate });
  if (options.json) {
    process.stdout.write(`${JSON.stringify({ pool: pool.name, ...comparison }, null, 2)}\n`);
    return;
  }
  process.stdout.write(`${formatGainTable(pool.name, comparison)}\n`);
}

export function registerEvaluateCommand(program: Command): void {
  program
    .command('evaluate')
    .description('Expected number in work after placement, on one pool: first come first served vs the rule-based round vs the outcome-model round')
    .argument('<pool-file>', 'pool JSON file')
    .requiredOption('--model <model-file>', 'outcome model written by `model train`')
    .option('--history <history-file>', 'history to cross-fit on (default: the one the model file records)')
    .option('--judge <judge>', `whose probability every plan is judged by: ${judgeNames.join(', ')} (ground-truth: the synthetic fixture's only)`, 'cross-fit')
    .option('--share <α>', 'share of the score taken from the model in strategy (c), in (0, 1]', '1')
    .option('--unplaced-rate <p>', 'probability that a participant without a placement is in work or training anyway, in every strategy', '0')
    .option('--seed <n>', 'seed of the split of the history into halves', '1')
    .option('--json', 'print the comparison as JSON')
    .action(evaluate);
}
