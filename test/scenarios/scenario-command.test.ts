import { describe, it, expect, beforeAll } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { twoRegionPool } from './support/pools.js';

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

describe('npm run cli -- scenario', () => {
  let dir: string;
  const file = (name: string) => join(dir, name);

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'scenario-cli-'));
    await writeFile(file('pool.json'), JSON.stringify(twoRegionPool()));
    await writeFile(file('more-mentors.json'), JSON.stringify({
      name: 'one more mentor in Occitanie',
      changes: [{ kind: 'mentor', region: 'Occitanie', delta: 1, unit: 'resources' }],
    }));
    await writeFile(file('typo.json'), JSON.stringify([{ resource: 'm-occ-1', delta: 1 }, { resource: 't-99', delta: 2 }]));
    await writeFile(file('batch.json'), JSON.stringify({ scenarios: [
      { name: 'plus one', changes: [{ resource: 'm-occ-1', delta: 1 }] },
      { name: 'no housing', changes: [{ kind: 'housing', region: 'Bretagne', delta: -2 }] },
    ] }));
  });

  it('prints the comparison with the base, and the marginal values when asked', async () => {
    const { code, stdout } = await cli('scenario', file('pool.json'), file('more-mentors.json'), '--marginal');
    expect(code).toBe(0);
    expect(stdout).toContain('Scenario "one more mentor in Occitanie"');
    expect(stdout).toContain('+1 mentor in Occitanie, like m-occ-1');
    expect(stdout).toMatch(/^placed\s+4\s+6\s+\+2$/m);
    expect(stdout).toMatch(/^mentor\s+Occitanie\s+2\s+4\/4\s+2\s+/m);
  });

  it('prints JSON with --json, and a batch as one table', async () => {
    const json = await cli('scenario', file('pool.json'), file('batch.json'), '--json');
    expect(json.code).toBe(0);
    const batch = JSON.parse(json.stdout) as { scenarios: { name: string; difference: { placed: number } }[] };
    expect(batch.scenarios.map((s) => [s.name, s.difference.placed])).toEqual([['plus one', 1], ['no housing', -2]]);
    const table = await cli('scenario', file('pool.json'), file('batch.json'));
    expect(table.stdout).toMatch(/^plus one\s+optimal\s+5\s+\+1\s/m);
  });

  it('names a bad change by its path, with a non-zero exit and nothing on stdout', async () => {
    const { code, stdout, stderr } = await cli('scenario', file('pool.json'), file('typo.json'));
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain('changes[1].resource: unknown resource "t-99"');
    expect(stderr).not.toMatch(/\n\s+at /);
  });
});
