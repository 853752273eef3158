import { describe, it, expect, beforeAll } from 'vitest';
import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { smallPool } from '../round/support/small-pool.js';

const run = promisify(execFile);

async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return cliWith({}, ...args);
}

async function cliWith(env: NodeJS.ProcessEnv, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { cwd: process.cwd(), env: { ...process.env, ...env } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

type Breakdown = Record<string, { contribution: number }>;
interface JsonRound { report: { participants: { participant: string; assignments: { kind: string; score: number; breakdown: Breakdown }[] }[] } }

describe('npm run cli -- round, scored with an outcome model', () => {
  let dir: string;
  const file = (name: string) => join(dir, name);

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'model-round-'));
    await writeFile(file('pool.json'), JSON.stringify(smallPool()));
    const named = smallPool();
    named.policy = { ...named.policy, outcomeModel: 'outcome.json', outcomeModelWeight: 1 };
    await writeFile(file('named.json'), JSON.stringify(named));
    named.policy = { ...named.policy, outcomeModel: 'missing.json' };
    await writeFile(file('named-missing.json'), JSON.stringify(named));
    named.policy = { ...named.policy, outcomeModel: '../outcome.json' };
    await writeFile(file('named-path.json'), JSON.stringify(named));
    await mkdir(file('models'));
    await copyFile('fixtures/outcomes/model.json', file('models/outcome.json'));
  });

  it('--model mixes the predicted probability into the score and explains it feature by feature', async () => {
    const { code, stdout, stderr } = await cli('round', file('pool.json'), '--model', 'fixtures/outcomes/model.json', '--json');
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    const { report } = JSON.parse(stdout) as JsonRound;
    const bilal = report.participants.find((p) => p.participant === 'bilal')!;
    const opening = bilal.assignments.find((a) => a.kind === 'opening')!;
    expect(Object.keys(opening.breakdown)).toEqual(expect.arrayContaining(['sector', 'outcome.kindOpening', 'outcome.sectorMatch', 'outcome.shortageRelocated']));
    // The lift p − b split by feature: nothing for what the participant brings to both sides, no baseline less a fallback.
    expect(Object.keys(opening.breakdown)).not.toContain('outcome.baseline');
    expect(Object.keys(opening.breakdown)).not.toContain('outcome.age');
    const total = Object.values(opening.breakdown).reduce((s, f) => s + f.contribution, 0);
    expect(total).toBeCloseTo(opening.score, 6);
  });

  it('uses the model the policy names in the models directory (OUTCOME_MODELS_DIR), and refuses a missing one or a path', async () => {
    const models = { OUTCOME_MODELS_DIR: file('models') };
    const [named, missing, path, text] = await Promise.all([
      cliWith(models, 'round', file('named.json'), '--json'),
      cliWith(models, 'round', file('named-missing.json')),
      cliWith(models, 'round', file('named-path.json')),
      cli('round', file('pool.json'), '--model', 'fixtures/outcomes/model.json'),
    ]);
    expect({ code: named.code, stderr: named.stderr }).toEqual({ code: 0, stderr: '' });
    expect(JSON.stringify((JSON.parse(named.stdout) as JsonRound).report)).toContain('outcome.kindOpening');
    expect(missing).toMatchObject({ code: 1, stdout: '', stderr: 'error: policy.outcomeModel: there is no outcome model named "missing.json" in the models directory\n' });
    expect(path.code).toBe(1);
    expect(path.stderr).toMatch(/^error: pool file .* is invalid:\n {2}policy\.outcomeModel: must be the name of a model in the models directory/);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/bilal .* outcome\.\w+ -?\d\.\d\d/);
  });
});
