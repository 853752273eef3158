import { describe, it, expect, beforeAll } from 'vitest';
import { copyFile, mkdir, mkdtemp, symlink, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadOutcomeModel, maxModelFileBytes, OutcomeModelError } from '../../src/outcomes/model-file.js';
import { loadNamedModel, modelsDirectory } from '../../src/outcomes/model-registry.js';

/** The message a load fails with; the test fails if it loads. */
function refusal(load: () => unknown): string {
  try {
    load();
  } catch (error) {
    expect(error).toBeInstanceOf(OutcomeModelError);
    return (error as Error).message;
  }
  throw new Error('the model was loaded');
}

describe('models a policy names, in the models directory', () => {
  let dir: string;
  let outside: string;
  const secret = 'root:x:0:0:secret-line';

  beforeAll(async () => {
    const base = await mkdtemp(join(tmpdir(), 'model-registry-'));
    dir = join(base, 'models');
    outside = join(base, 'elsewhere');
    await mkdir(dir);
    await mkdir(outside);
    await copyFile('fixtures/outcomes/model.json', join(dir, 'ipr.json'));
    await writeFile(join(outside, 'passwd'), `${secret}\n`);
    await writeFile(join(dir, 'broken.json'), `{"kind": "placement-outcome-model", ${secret}`);
    await writeFile(join(dir, 'pool.json'), JSON.stringify({ kind: 'pool', note: secret }));
    const future = JSON.parse(readFileSync('fixtures/outcomes/model.json', 'utf8'));
    future.featureSet.features[0] = secret;
    await writeFile(join(dir, 'future.json'), JSON.stringify(future));
    await writeFile(join(dir, 'huge.json'), ' '.repeat(maxModelFileBytes + 1));
    await symlink(join(outside, 'passwd'), join(dir, 'link.json'));
    await mkdir(join(dir, 'folder'));
  });

  it('loads a model by its name, the same as reading its file', () => {
    expect(loadNamedModel('ipr.json', dir)).toEqual(loadOutcomeModel('fixtures/outcomes/model.json'));
  });

  it('refuses a path or a parent even when called directly, naming policy.outcomeModel', () => {
    for (const name of ['/etc/passwd', '../elsewhere/passwd', join(outside, 'passwd'), '.hidden']) {
      expect(refusal(() => loadNamedModel(name, dir))).toMatch(/^policy\.outcomeModel: must be the name of a model in the models directory/);
    }
  });

  it('never echoes the file or a parser message: missing, a link out of the directory, not JSON, not a model, another feature set', () => {
    const messages = ['nowhere.json', 'link.json', 'broken.json', 'pool.json', 'future.json', 'folder'].map((name) => refusal(() => loadNamedModel(name, dir)));
    expect(messages).toEqual([
      'policy.outcomeModel: there is no outcome model named "nowhere.json" in the models directory',
      'policy.outcomeModel: "link.json" is not a model of the models directory',
      'policy.outcomeModel: the outcome model "broken.json" cannot be read as JSON',
      'policy.outcomeModel: "pool.json" is not an outcome model file',
      'policy.outcomeModel: the outcome model "future.json" was trained on another feature set than this version computes; retrain it with `model train`',
      'policy.outcomeModel: "folder" is not a model file',
    ]);
    for (const message of messages) expect(message).not.toContain('root');
    expect(messages.join('\n')).not.toContain(dir);
  });

  it('refuses an oversized file without reading it, by name and by path', () => {
    expect(refusal(() => loadNamedModel('huge.json', dir))).toBe(`policy.outcomeModel: the outcome model "huge.json" is larger than a model file may be (${maxModelFileBytes} bytes)`);
    expect(refusal(() => loadOutcomeModel(join(dir, 'huge.json')))).toContain(`is ${maxModelFileBytes + 1} bytes, more than a model file may have`);
  });

  it('takes the directory from OUTCOME_MODELS_DIR, by default ./models', () => {
    expect(modelsDirectory({})).toBe(join(process.cwd(), 'models'));
    expect(modelsDirectory({ OUTCOME_MODELS_DIR: dir })).toBe(dir);
  });
});
