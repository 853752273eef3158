import { describe, it, expect, beforeAll } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { serialiseOutcomeModel } from '../../src/outcomes/model-file.js';
import { oneOpeningModel, oneOpeningPool } from '../outcomes/support/one-opening-pool.js';

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

describe('npm run cli -- evaluate', () => {
  let dir: string;
  const file = (name: string) => join(dir, name);

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'evaluate-cli-'));
    await writeFile(file('pool.json'), JSON.stringify(oneOpeningPool()));
    await writeFile(file('model.json'), serialiseOutcomeModel(oneOpeningModel));
    await writeFile(file('renamed-model.json'), serialiseOutcomeModel({ ...oneOpeningModel, featureSet: { ...oneOpeningModel.featureSet, name: 'location-match' } }));
  });

  const header = /^ {2}strategy +placed +expected in work +gain vs \(a\) +per placed +gain per placed$/;

  it('without a history, judges (c) by its own model, and says so in a warning row', async () => {
    const { code, stdout, stderr } = await cli('evaluate', file('pool.json'), '--model', file('model.json'));
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const lines = stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('pool one opening: 3 participants');
    expect(lines[1]).toBe(`(c) optimised with the outcome model ${file('model.json')} (CV AUC not recorded); every plan judged by that same model`);
    expect(lines[2]).toBe('expected number in work or training 6 months after placement; a participant without a placement counts as not in work (--unplaced-rate 0)');
    expect(lines[3]).toMatch(header);
    expect(lines[4]).toMatch(/^ {2}\(a\) first come, first served \(by waiting date\) +3 +\d\.\d +- +0\.\d{3} +-$/);
    expect(lines[5]).toMatch(/^ {2}\(b\) optimised, rule-based score +3 +\d\.\d +\+\d+\.\d % +0\.\d{3} +\+\d+\.\d %$/);
    expect(lines[6]).toMatch(/^ {2}\(c\) optimised, outcome-model score +3 +\d\.\d +\+\d+\.\d % +0\.\d{3} +\+\d+\.\d %$/);
    expect(lines[7]).toMatch(/^ {2}! warning: \(c\) is judged by the model it was optimised with/);
    const gains = lines.slice(5, 7).map((l) => Number(/ \+(\d+\.\d) % +0\./.exec(l)![1]));
    expect(gains[1]).toBeGreaterThan(gains[0]!);
  });

  it('cross-fits on --history, or on the history the model file records: each half\'s model judges the other\'s plans, no warning', async () => {
    const [given, recorded] = await Promise.all([
      cli('evaluate', file('pool.json'), '--model', file('model.json'), '--history', 'fixtures/outcomes/history.csv'),
      cli('evaluate', file('pool.json'), '--model', 'fixtures/outcomes/model.json'),
    ]);
    for (const { code, stdout, stderr } of [given, recorded]) {
      expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
      const lines = stdout.trimEnd().split('\n');
      expect(lines[1]).toMatch(/^split 1: \(c\) optimised with the model of half A of fixtures\/outcomes\/history\.csv, split by participant \(\d+ records, \d+ participants\); every plan judged by the model of half B \(\d+ records, \d+ participants\)$/);
      expect(lines[2]).toMatch(/^split 2: \(c\) optimised with the model of half B \(\d+ records, \d+ participants\); every plan judged by the model of half A /);
      expect(lines[3]).toContain('mean of the 2 splits');
      expect(lines[4]).toMatch(header);
      expect(lines[8]).toMatch(/^ {2}expected in work by split: split 1: \(a\) \d\.\d, \(b\) \d\.\d, \(c\) \d\.\d \([+-]\d+\.\d %\); split 2: /);
      expect(stdout).not.toContain('warning');
    }
  });

  it('judges by the ground truth with --judge ground-truth, counts the unplaced with --unplaced-rate, and prints JSON with --json', async () => {
    const [truth, json] = await Promise.all([
      cli('evaluate', file('pool.json'), '--model', file('model.json'), '--judge', 'ground-truth', '--unplaced-rate', '0.25'),
      cli('evaluate', file('pool.json'), '--model', file('model.json'), '--json', '--share', '0.5'),
    ]);
    expect(truth.code).toBe(0);
    expect(truth.stdout).toContain('every plan judged by the ground truth of the synthetic history (src/outcomes/ground-truth.ts), which no model was fitted to\n');
    expect(truth.stdout).toContain('a participant without a placement counts as in work with probability 0.25 (--unplaced-rate), in every strategy alike\n');
    expect(truth.stdout).not.toContain('warning');
    expect({ code: json.code, stderr: json.stderr }).toEqual({ code: 0, stderr: '' });
    const parsed = JSON.parse(json.stdout);
    expect(parsed.pool).toBe('one opening');
    expect(parsed.strategies.map((s: { strategy: string }) => s.strategy)).toEqual([
      'first come, first served (by waiting date)', 'optimised, rule-based score', 'optimised, outcome model mixed (share 0.5)',
    ]);
    expect(parsed.strategies[0].gain).toBeNull();
    expect(parsed.splits[0].circular).toBe(true);
  });

  it('refuses a model of another feature set by name, bad options and a missing pool or history, exiting 1', async () => {
    const [renamed, share, judge, pool, rate, history] = await Promise.all([
      cli('evaluate', file('pool.json'), '--model', file('renamed-model.json')),
      cli('evaluate', file('pool.json'), '--model', file('model.json'), '--share', '0'),
      cli('evaluate', file('pool.json'), '--model', file('model.json'), '--judge', 'oracle'),
      cli('evaluate', file('nowhere.json'), '--model', file('model.json')),
      cli('evaluate', file('pool.json'), '--model', file('model.json'), '--unplaced-rate', '1.5'),
      cli('evaluate', file('pool.json'), '--model', file('model.json'), '--history', file('nowhere.csv')),
    ]);
    expect(renamed.code).toBe(1);
    expect(renamed.stderr).toContain(`model file ${file('renamed-model.json')}: the model was trained on feature set "location-match" version 1, but this version of the engine computes "placement-outcome" version 1`);
    expect(share).toMatchObject({ code: 1, stderr: 'error: --share must be in (0, 1], got "0"\n' });
    expect(judge).toMatchObject({ code: 1, stderr: 'error: --judge must be one of cross-fit, model, ground-truth, got "oracle"\n' });
    expect(pool).toMatchObject({ code: 1, stderr: `error: pool file not found: ${file('nowhere.json')}\n` });
    expect(rate).toMatchObject({ code: 1, stderr: 'error: --unplaced-rate must be a probability in [0, 1], got "1.5"\n' });
    expect(history.code).toBe(1);
    expect(history.stderr).toContain(`history file ${file('nowhere.csv')}: 1 problem(s), nothing imported:\n  file, (file): file not found`);
  });
});
