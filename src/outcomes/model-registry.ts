import { readFileSync, realpathSync, statSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { OutcomeModelName } from '../domain/policy.js';
import { checkFeatureSet, maxModelFileBytes, OutcomeModel, OutcomeModelError } from './model-file.js';

/**
 * The models a round's policy may name live in one directory: `OUTCOME_MODELS_DIR`, default
 * `models` under the working directory (the service's, or the command line's). A policy names
 * a file there; `--model <file>` on the command line still reads any local file.
 */
export const modelsDirectoryVariable = 'OUTCOME_MODELS_DIR';
export const defaultModelsDirectory = 'models';

export function modelsDirectory(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env[modelsDirectoryVariable] || defaultModelsDirectory);
}

const field = 'policy.outcomeModel';

/** Where the named file is, refusing one that resolves (through a link) outside the directory. */
function locate(name: string, directory: string): string {
  let root: string;
  let path: string;
  try {
    root = realpathSync(directory);
    path = realpathSync(join(root, name));
  } catch {
    throw new OutcomeModelError(`${field}: there is no outcome model named "${name}" in the models directory`);
  }
  if (!path.startsWith(root + sep)) throw new OutcomeModelError(`${field}: "${name}" is not a model of the models directory`);
  return path;
}

/** The model file's text, if it is a regular file of a model's size. */
function readModelText(name: string, path: string): string {
  const stat = statSync(path);
  if (!stat.isFile()) throw new OutcomeModelError(`${field}: "${name}" is not a model file`);
  if (stat.size > maxModelFileBytes) throw new OutcomeModelError(`${field}: the outcome model "${name}" is larger than a model file may be (${maxModelFileBytes} bytes)`);
  return readFileSync(path, 'utf8');
}

/**
 * Loads the model a policy names, checked like any model file, but its errors say only what is
 * wrong in general terms: a policy comes over the API, and neither the file's contents nor a
 * parser's message (which quotes them) may travel back in a failed job's error.
 */
export function loadNamedModel(name: string, directory: string = modelsDirectory()): OutcomeModel {
  const valid = OutcomeModelName.safeParse(name);
  if (!valid.success) throw new OutcomeModelError(`${field}: ${valid.error.issues[0]!.message}`);
  const path = locate(name, directory);
  let data: unknown;
  try {
    data = JSON.parse(readModelText(name, path));
  } catch (error) {
    if (error instanceof OutcomeModelError) throw error;
    throw new OutcomeModelError(`${field}: the outcome model "${name}" cannot be read as JSON`);
  }
  const parsed = OutcomeModel.safeParse(data);
  if (!parsed.success) throw new OutcomeModelError(`${field}: "${name}" is not an outcome model file`);
  try {
    checkFeatureSet(parsed.data, name);
  } catch {
    throw new OutcomeModelError(`${field}: the outcome model "${name}" was trained on another feature set than this version computes; retrain it with \`model train\``);
  }
  return parsed.data;
}
