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

  it('prints the three strategies, the judge they all share, placements, expected number in work and the gain over (a)', async () => {
    const { code, stdout, stderr } = await cli('evaluate', file('pool.json'), '--model', file('model.json'));
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const lines = stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('pool one opening: 3 participants');
    expect(lines[1]).toBe(`expected number in work or training 6 months after placement, every plan judged by the outcome model ${file('model.json')} (CV AUC not recorded)`);
    expect(lines[2]).toMatch(/^ {2}strategy +placed +expected in work +per placed +gain vs \(a\)$/);
    expect(lines[3]).toMatch(/^ {2}\(a\) first come, first served \(by waiting date\) +3 +\d\.\d +0\.\d{3} +-$/);
    expect(lines[4]).toMatch(/^ {2}\(b\) optimised, rule-based score +3 +\d\.\d +0\.\d{3} +\+\d+\.\d %$/);
    expect(lines[5]).toMatch(/^ {2}\(c\) optimised, outcome-model score +3 +\d\.\d +0\.\d{3} +\+\d+\.\d %$/);
    const gains = lines.slice(4).map((l) => Number(/\+(\d+\.\d) %$/.exec(l)![1]));
    expect(gains[1]).toBeGreaterThan(gains[0]!);
  });

  it('judges by the ground truth with --judge ground-truth, and prints JSON with --json', async () => {
    const [truth, json] = await Promise.all([
      cli('evaluate', file('pool.json'), '--model', file('model.json'), '--judge', 'ground-truth'),
      cli('evaluate', file('pool.json'), '--model', file('model.json'), '--json', '--share', '0.5'),
    ]);
    expect(truth.code).toBe(0);
    expect(truth.stdout).toContain('every plan judged by the ground truth of the synthetic history (src/outcomes/ground-truth.ts)\n');
    expect({ code: json.code, stderr: json.stderr }).toEqual({ code: 0, stderr: '' });
    const parsed = JSON.parse(json.stdout);
    expect(parsed.pool).toBe('one opening');
    expect(parsed.strategies.map((s: { strategy: string }) => s.strategy)).toEqual([
      'first come, first served (by waiting date)', 'optimised, rule-based score', 'optimised, outcome model mixed (share 0.5)',
    ]);
    expect(parsed.strategies[0].gain).toBeNull();
  });

  it('refuses a model of another feature set by name, bad options and a missing pool, exiting 1', async () => {
    const [renamed, share, judge, pool] = await Promise.all([
      cli('evaluate', file('pool.json'), '--model', file('renamed-model.json')),
      cli('evaluate', file('pool.json'), '--model', file('model.json'), '--share', '0'),
      cli('evaluate', file('pool.json'), '--model', file('model.json'), '--judge', 'oracle'),
      cli('evaluate', file('nowhere.json'), '--model', file('model.json')),
    ]);
    expect(renamed.code).toBe(1);
    expect(renamed.stderr).toContain(`model file ${file('renamed-model.json')}: the model was trained on feature set "location-match" version 1, but this version of the engine computes "placement-outcome" version 1`);
    expect(share).toMatchObject({ code: 1, stderr: 'error: --share must be in (0, 1], got "0"\n' });
    expect(judge).toMatchObject({ code: 1, stderr: 'error: --judge must be one of model, ground-truth, got "oracle"\n' });
    expect(pool).toMatchObject({ code: 1, stderr: `error: pool file not found: ${file('nowhere.json')}\n` });
  });
});
