import { readFileSync, statSync } from 'node:fs';
import { z } from 'zod';
import { featureNames, featureSetName, featureSetVersion } from './feature-set.js';

/** One feature of a trained model: its standardisation and its weight on the standardised scale. */
export const ModelCoefficient = z.object({
  feature: z.string().min(1),
  mean: z.number(),
  scale: z.number().positive(),
  weight: z.number(),
});

/**
 * A trained outcome model, as saved to its JSON file: versioned data that a round's
 * policy names. The feature set says what the weights mean; a model trained on another
 * feature set is refused, never silently used.
 */
export const OutcomeModel = z.object({
  kind: z.literal('placement-outcome-model'),
  featureSet: z.object({ name: z.string().min(1), version: z.number().int().positive(), features: z.array(z.string()) }),
  /** L2 penalty λ on the standardised weights. */
  lambda: z.number().nonnegative(),
  intercept: z.number(),
  coefficients: z.array(ModelCoefficient),
  training: z.object({
    records: z.number().int().nonnegative(),
    positiveRate: z.number().min(0).max(1),
    iterations: z.number().int().nonnegative(),
    converged: z.boolean(),
    /**
     * The history the model was trained on, relative to the model file's folder: what
     * `evaluate` cross-fits on, so that plans are judged by a model other than their optimiser.
     */
    history: z.string().min(1).optional(),
  }),
  crossValidation: z.object({ folds: z.number().int().positive(), auc: z.number(), logLoss: z.number() }).optional(),
});
export type OutcomeModel = z.infer<typeof OutcomeModel>;

export class OutcomeModelError extends Error {}

export const runningFeatureSet = { name: featureSetName, version: featureSetVersion, features: [...featureNames] };

/** What differs between a model's features and the running ones, by name and then by position. */
function featureDifferences(features: readonly string[], coefficients: readonly { feature: string }[]): string[] {
  const running = new Set<string>(featureNames);
  const known = new Set(features);
  const differences = [
    ...features.filter((f) => !running.has(f)).map((f) => `"${f}" is not a feature of this version`),
    ...featureNames.filter((f) => !known.has(f)).map((f) => `"${f}" is missing`),
  ];
  if (differences.length === 0) {
    const moved = features.findIndex((f, i) => f !== featureNames[i]);
    if (moved >= 0) differences.push(`feature ${moved + 1} is "${features[moved]}" where this version has "${featureNames[moved]}"`);
  }
  const unaligned = coefficients.findIndex((c, i) => c.feature !== features[i]);
  if (unaligned >= 0 || coefficients.length !== features.length) differences.push('the coefficients do not follow the feature list');
  return differences;
}

/** Refuses, by name, a model whose feature set is not the one this version computes. */
export function checkFeatureSet(model: OutcomeModel, source: string): void {
  const { name, version, features } = model.featureSet;
  const running = `"${featureSetName}" version ${featureSetVersion}`;
  if (name !== featureSetName || version !== featureSetVersion) {
    throw new OutcomeModelError(`${source}: the model was trained on feature set "${name}" version ${version}, but this version of the engine computes ${running}; retrain it with \`model train\``);
  }
  const differences = featureDifferences(features, model.coefficients);
  if (differences.length > 0) {
    throw new OutcomeModelError(`${source}: the model claims feature set ${running} but its features differ: ${differences.join('; ')}; retrain it with \`model train\``);
  }
}

/** Validates a parsed model file: its shape, then its feature set. */
export function parseOutcomeModel(data: unknown, source = 'model'): OutcomeModel {
  const parsed = OutcomeModel.safeParse(data);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.map(String).join('.') || '(file)'}: ${issue.message}`);
    throw new OutcomeModelError(`${source} is not an outcome model file:\n${lines.join('\n')}`);
  }
  checkFeatureSet(parsed.data, source);
  return parsed.data;
}

/** A model of the running feature set is a few kilobytes: a file far larger is not one, and is not read into memory. */
export const maxModelFileBytes = 1024 * 1024;

/** Reads and validates a model file (synchronous, so that a round can load it where it builds its scorer). */
export function loadOutcomeModel(path: string): OutcomeModel {
  let text: string;
  try {
    const size = statSync(path).size;
    if (size > maxModelFileBytes) throw new OutcomeModelError(`model file ${path} is ${size} bytes, more than a model file may have (${maxModelFileBytes})`);
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if (error instanceof OutcomeModelError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new OutcomeModelError(code === 'ENOENT' ? `model file not found: ${path}` : `cannot read model file ${path}: ${code ?? 'unknown error'}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new OutcomeModelError(`model file ${path} is not valid JSON: ${(error as Error).message}`);
  }
  return parseOutcomeModel(data, `model file ${path}`);
}

export function serialiseOutcomeModel(model: OutcomeModel): string {
  return `${JSON.stringify(model, null, 2)}\n`;
}
