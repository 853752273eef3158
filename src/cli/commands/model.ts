import { rename, writeFile } from 'node:fs/promises';
import { dirname, relative, resolve, sep } from 'node:path';
import type { Command } from 'commander';
import type { Pool } from '../../domain/pool.js';
import type { PairScorer } from '../../scoring/scorer.js';
import { crossValidate } from '../../outcomes/cross-validation.js';
import { formatCrossValidation, formatModelSummary } from '../../outcomes/format.js';
import { readHistoryFile } from '../../outcomes/history-file.js';
import { HistoryError } from '../../outcomes/history-import.js';
import { loadOutcomeModel, OutcomeModelError, serialiseOutcomeModel } from '../../outcomes/model-file.js';
import { loadNamedModel } from '../../outcomes/model-registry.js';
import { outcomeModelScorer } from '../../outcomes/model-scorer.js';
import { defaultLambda, fitOutcomeModel } from '../../outcomes/train.js';
import { CliError } from '../errors.js';

interface TrainOptions {
  out: string;
  lambda: string;
  folds: string;
  seed: string;
}

function numberOption(name: string, text: string, check: (v: number) => boolean, what: string): number {
  const value = Number(text);
  if (!Number.isFinite(value) || !check(value)) throw new CliError(`--${name} must be ${what}, got "${text}"`);
  return value;
}

/** Outcome-history and model-file errors are the user's to fix: one message, no stack trace. */
export async function asCliError<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof HistoryError || error instanceof OutcomeModelError) throw new CliError(error.message);
    throw error;
  }
}

/**
 * The scorer of a round run from the command line: the model file of `--model` (any local
 * file), else the model the pool's policy names in the models directory (model-registry.ts),
 * mixed in with the policy's `outcomeModelWeight`; undefined (the rule-based default) when
 * neither names one.
 */
export function roundScorer(pool: Pool, modelFile?: string): PairScorer | undefined {
  if (modelFile === undefined && !pool.policy.outcomeModel) return undefined;
  try {
    const model = modelFile !== undefined ? loadOutcomeModel(modelFile) : loadNamedModel(pool.policy.outcomeModel!);
    return outcomeModelScorer(model, pool.policy.outcomeModelWeight);
  } catch (error) {
    if (error instanceof OutcomeModelError) throw new CliError(error.message);
    throw error;
  }
}

async function train(historyFile: string, options: TrainOptions): Promise<void> {
  // λ = 0 leaves the fit undefined on separable data and singular for a constant feature (e.g. no housing records).
  const lambda = numberOption('lambda', options.lambda, (v) => v > 0, 'greater than 0');
  const folds = numberOption('folds', options.folds, (v) => Number.isInteger(v) && v >= 2, 'a whole number of 2 or more');
  const seed = numberOption('seed', options.seed, Number.isInteger, 'a whole number');
  const history = await asCliError(() => readHistoryFile(historyFile));
  if (new Set(history.map((o) => o.participantId)).size < folds) throw new CliError(`history file ${historyFile} has fewer participants than --folds ${folds}`);
  const cv = crossValidate(history, folds, { lambda, seed });
  const fitted = fitOutcomeModel(history, { lambda });
  // Relative to the model file, with / separators: the pair can move together (and be committed) and still find each other.
  const recorded = relative(dirname(resolve(options.out)), resolve(historyFile)).split(sep).join('/');
  const model = { ...fitted, training: { ...fitted.training, history: recorded }, crossValidation: { folds: cv.folds, auc: cv.auc, logLoss: cv.logLoss } };
  // Written beside the target, then renamed: a failed run never leaves half a model file.
  const partial = `${options.out}.partial`;
  try {
    await writeFile(partial, serialiseOutcomeModel(model));
    await rename(partial, options.out);
  } catch (error) {
    throw new CliError(`cannot write model file ${options.out}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  process.stdout.write(`${formatModelSummary(model)}\n${formatCrossValidation(cv)}\nmodel written to ${options.out}\n`);
}

async function show(modelFile: string): Promise<void> {
  const model = await asCliError(async () => loadOutcomeModel(modelFile));
  const cv = model.crossValidation;
  const validated = cv ? `\ncross-validation at training: ${cv.folds} folds, AUC ${cv.auc.toFixed(3)}, log-loss ${cv.logLoss.toFixed(3)}` : '';
  process.stdout.write(`${formatModelSummary(model)}${validated}\n`);
}

export function registerModelCommand(program: Command): void {
  const model = program.command('model').description('Outcome model: learn from past placements who is in work or training 6 months later');
  model
    .command('train')
    .description('Fit the outcome model on a history (CSV or JSON), cross-validate it, and write the model file')
    .argument('<history-file>', 'outcome history: .csv with a header row, or .json (an array of outcomes)')
    .requiredOption('--out <model-file>', 'where to write the model JSON')
    .option('--lambda <λ>', 'L2 penalty on the standardised weights, > 0', String(defaultLambda))
    .option('--folds <k>', 'cross-validation folds (by participant)', '5')
    .option('--seed <n>', 'seed of the fold assignment', '1')
    .action(train);
  model
    .command('show')
    .description('Check a model file against this version\'s feature set and print its weights')
    .argument('<model-file>', 'model JSON written by `model train`')
    .action(show);
}
