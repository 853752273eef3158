import { describe, it, expect, beforeAll } from 'vitest';
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Outcome } from '../../src/domain/outcome.js';
import { featureSetVersion } from '../../src/outcomes/feature-set.js';
import { parseHistoryCsv } from '../../src/outcomes/history-import.js';
import { loadOutcomeModel, OutcomeModelError, parseOutcomeModel, serialiseOutcomeModel, type OutcomeModel } from '../../src/outcomes/model-file.js';
import { fitOutcomeModel, predictOutcomes } from '../../src/outcomes/train.js';

describe('the model file', () => {
  let history: Outcome[];
  let model: OutcomeModel;
  let dir: string;

  beforeAll(async () => {
    history = parseHistoryCsv(await readFile('fixtures/outcomes/history.csv', 'utf8'), 'fixture').slice(0, 2000);
    model = fitOutcomeModel(history);
    dir = await mkdtemp(join(tmpdir(), 'outcome-model-'));
  });

  const copy = (): OutcomeModel => structuredClone(model);

  it('saved and reloaded, gives exactly the same predictions', async () => {
    const path = join(dir, 'model.json');
    await writeFile(path, serialiseOutcomeModel(model));
    const reloaded = loadOutcomeModel(path);
    expect(reloaded).toEqual(model);
    expect(predictOutcomes(reloaded, history)).toEqual(predictOutcomes(model, history));
  });

  it('the committed fixtures/outcomes/model.json loads and is the model trained on the fixture history', () => {
    const committed = loadOutcomeModel('fixtures/outcomes/model.json');
    const retrained = fitOutcomeModel(parseHistoryCsv(readFileSync('fixtures/outcomes/history.csv', 'utf8'), 'fixture'));
    expect(committed.intercept).toBeCloseTo(retrained.intercept, 9);
    committed.coefficients.forEach((c, j) => expect(c.weight).toBeCloseTo(retrained.coefficients[j]!.weight, 9));
    expect(committed.crossValidation?.folds).toBe(5);
    expect(committed.training).toMatchObject({ records: 6000, converged: true, history: 'history.csv' });
  });

  it('refuses a model of another feature-set version, naming both versions', () => {
    const old = copy();
    old.featureSet.version = featureSetVersion + 1;
    expect(() => parseOutcomeModel(old, 'model file old.json')).toThrow(OutcomeModelError);
    expect(() => parseOutcomeModel(old, 'model file old.json')).toThrow(
      `model file old.json: the model was trained on feature set "placement-outcome" version ${featureSetVersion + 1}, but this version of the engine computes "placement-outcome" version ${featureSetVersion}`,
    );
  });

  it('refuses a model of another feature set by its name', () => {
    const other = copy();
    other.featureSet.name = 'resettlement-location';
    expect(() => parseOutcomeModel(other, 'm.json')).toThrow('trained on feature set "resettlement-location" version');
  });

  it('refuses a model whose features differ, naming the unknown and the missing feature', () => {
    const renamed = copy();
    renamed.featureSet.features[3] = 'cefrGap';
    renamed.coefficients[3]!.feature = 'cefrGap';
    expect(() => parseOutcomeModel(renamed, 'm.json')).toThrow('its features differ: "cefrGap" is not a feature of this version; "cefrMargin" is missing');
  });

  it('refuses a model whose features are reordered, naming the first one out of place', () => {
    const swapped = copy();
    const [a, b] = [swapped.featureSet.features[0]!, swapped.featureSet.features[1]!];
    swapped.featureSet.features[0] = b;
    swapped.featureSet.features[1] = a;
    expect(() => parseOutcomeModel(swapped, 'm.json')).toThrow(`feature 1 is "${b}" where this version has "${a}"`);
  });

  it('refuses a file that is not a model, a file that is not JSON, and a missing file, each with its path', async () => {
    const notModel = join(dir, 'pool.json');
    await writeFile(notModel, JSON.stringify({ kind: 'pool', intercept: 'high' }));
    expect(() => loadOutcomeModel(notModel)).toThrow(`model file ${notModel} is not an outcome model file:\n  kind:`);
    expect(() => loadOutcomeModel(notModel)).toThrow('  intercept: ');
    const broken = join(dir, 'broken.json');
    await writeFile(broken, '{"kind": ');
    expect(() => loadOutcomeModel(broken)).toThrow(`model file ${broken} is not valid JSON`);
    expect(() => loadOutcomeModel(join(dir, 'nowhere.json'))).toThrow(`model file not found: ${join(dir, 'nowhere.json')}`);
  });
});

