import { describe, it, expect, beforeAll } from 'vitest';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, resolve, sep } from 'node:path';
import { promisify } from 'node:util';
import { loadOutcomeModel } from '../../src/outcomes/model-file.js';

const run = promisify(execFile);

async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { cwd: process.cwd() });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('npm run cli -- model', () => {
  let dir: string;
  const file = (name: string) => join(dir, name);

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'model-cli-'));
    const lines = (await readFile('fixtures/outcomes/history.csv', 'utf8')).split('\n');
    lines[3] = lines[3]!.replace(/,(true|false)$/, ',perhaps');
    lines[5] = lines[5]!.replace(/^([^,]*,[^,]*,)[^,]*/, '$1');
    await writeFile(file('bad-history.csv'), lines.slice(0, 10).join('\n'));
    const model = JSON.parse(await readFile('fixtures/outcomes/model.json', 'utf8'));
    model.featureSet.version += 1;
    await writeFile(file('future-model.json'), JSON.stringify(model));
  });

  it('train: fits, cross-validates, prints weights, AUC, log-loss and the calibration by decile, and writes a model that loads', async () => {
    const { code, stdout, stderr } = await cli('model', 'train', 'fixtures/outcomes/history.csv', '--out', file('model.json'));
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toContain('model: feature set "placement-outcome" version 1, 23 features, L2 λ = 1\n');
    expect(stdout).toMatch(/trained on 6000 records \(55\.9 % in work or training after 6 months\), Newton\/IRLS converged in \d+ iterations/);
    expect(stdout).toMatch(/\n {2}sectorMatch +0\.8\d\d +0\.\d{3}\n/);
    expect(stdout).toContain('cross-validation: 5 folds by participant, 6000 records\n');
    expect(stdout).toMatch(/ {2}AUC 0\.8\d\d \(folds( 0\.\d{3},){4} 0\.\d{3}\), log-loss 0\.5\d\d\n/);
    expect(stdout).toContain('  decile  records  predicted  observed\n');
    expect(stdout.match(/\n +\d+ +600 +\d+\.\d % +\d+\.\d %/g)).toHaveLength(10);
    expect(stdout).toContain(`model written to ${file('model.json')}\n`);
    expect(loadOutcomeModel(file('model.json')).crossValidation?.folds).toBe(5);
    // What `evaluate` cross-fits on by default, relative to the model file.
    expect(loadOutcomeModel(file('model.json')).training.history).toBe(relative(dir, resolve('fixtures/outcomes/history.csv')).split(sep).join('/'));
  });

  it('train: refuses bad history rows by line and field, exits 1 and writes no model', async () => {
    const { code, stdout, stderr } = await cli('model', 'train', file('bad-history.csv'), '--out', file('never.json'));
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain(`error: history file ${file('bad-history.csv')}: 2 problem(s), nothing imported:\n`);
    expect(stderr).toContain('  line 4, inWorkOrTraining: "perhaps" is not a yes/no value (true, false, yes, no, 1, 0)\n');
    expect(stderr).toContain('  line 6, placementDate: is missing\n');
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(file('never.json'))).toBe(false);
  });

  it('train: refuses bad options and a missing file', async () => {
    const [folds, missing, lambda] = await Promise.all([
      cli('model', 'train', 'fixtures/outcomes/history.csv', '--out', file('x.json'), '--folds', '1'),
      cli('model', 'train', file('nowhere.csv'), '--out', file('x.json')),
      cli('model', 'train', 'fixtures/outcomes/history.csv', '--out', file('x.json'), '--lambda', '0'),
    ]);
    // λ = 0 once ended in "LU matrix is singular" (exit 70) on a history without one kind of placement.
    expect(lambda).toMatchObject({ code: 1, stdout: '', stderr: 'error: --lambda must be greater than 0, got "0"\n' });
    expect(folds.code).toBe(1);
    expect(folds.stderr).toBe('error: --folds must be a whole number of 2 or more, got "1"\n');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain(`history file ${file('nowhere.csv')}: 1 problem(s), nothing imported:\n  file, (file): file not found`);
  });

  it('show: prints the committed model, and refuses a model of another feature-set version by name', async () => {
    const [shown, future] = await Promise.all([cli('model', 'show', 'fixtures/outcomes/model.json'), cli('model', 'show', file('future-model.json'))]);
    expect(shown.code).toBe(0);
    expect(shown.stdout).toMatch(/cross-validation at training: 5 folds, AUC 0\.8\d\d, log-loss 0\.5\d\d\n$/);
    expect(future.code).toBe(1);
    expect(future.stderr).toContain(`model file ${file('future-model.json')}: the model was trained on feature set "placement-outcome" version 2, but this version of the engine computes "placement-outcome" version 1`);
  });
});
