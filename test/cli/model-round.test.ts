import { describe, it, expect, beforeAll } from 'vitest';
import { execFile } from 'node:child_process';
import { copyFile, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { smallPool } from '../round/support/small-pool.js';

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

type Breakdown = Record<string, { contribution: number }>;
interface JsonRound { report: { participants: { participant: string; assignments: { kind: string; score: number; breakdown: Breakdown }[] }[] } }

describe('npm run cli -- round, scored with an outcome model', () => {
  let dir: string;
  const file = (name: string) => join(dir, name);

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'model-round-'));
    await writeFile(file('pool.json'), JSON.stringify(smallPool()));
    const named = smallPool();
    named.policy = { ...named.policy, outcomeModel: 'models/outcome.json', outcomeModelWeight: 1 };
    await writeFile(file('named.json'), JSON.stringify(named));
    await copyFile('fixtures/outcomes/model.json', file('outcome.json'));
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

  it('uses the model the policy names, relative to the pool file, and refuses one it cannot find', async () => {
    const [missing, text] = await Promise.all([cli('round', file('named.json')), cli('round', file('pool.json'), '--model', 'fixtures/outcomes/model.json')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe(`error: model file not found: ${join(dir, 'models', 'outcome.json')}\n`);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/bilal .* outcome\.\w+ -?\d\.\d\d/);
  });
});
