import { describe, it, expect, beforeAll } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
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

describe('npm run cli -- round', () => {
  let dir: string;
  const file = (name: string) => join(dir, name);

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'round-cli-'));
    await writeFile(file('pool.json'), JSON.stringify(smallPool()));
    const bad = smallPool();
    (bad.participants[1] as { birthYear: unknown }).birthYear = 'two thousand';
    (bad.mentors![0] as { caseloadCap: number }).caseloadCap = -3;
    await writeFile(file('bad.json'), JSON.stringify(bad));
  });

  it('prints the summary, the plan, the unplaced with their reasons, resource use and totals', async () => {
    const { code, stdout } = await cli('round', file('pool.json'));
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Round on pool "small round" \(reference date 2026-01-15\)\nstatus optimal {3}objective \d+\.\d\d {3}gap 0\.000 % {3}placed 2\/3 {3}unplaced 1/);
    expect(stdout).toMatch(/bilal\s+Bretagne\s+mentor m-bzh \([\d.]+\), opening job-bzh \([\d.]+\), housing flat-bzh \([\d.]+\)/);
    expect(stdout).toContain('chen (Occitanie)\n  mentor: no eligible resource — ageRange ×1 (e.g. m-occ: aged 56, the mentor admits up to 35); relocation ×1');
    expect(stdout).toMatch(/m-occ\s+mentor\s+Occitanie\s+1\s+1\s+0/);
    expect(stdout).toContain('Totals by region');
  });

  it('prints the result and the report as JSON with --json', async () => {
    const { code, stdout } = await cli('round', file('pool.json'), '--json');
    expect(code).toBe(0);
    const { result, report } = JSON.parse(stdout);
    expect(result.status).toBe('optimal');
    expect(report.totals.placed).toBe(2);
    expect(report.participants.map((p: { participant: string }) => p.participant)).toEqual(['amina', 'bilal', 'chen']);
  });

  it('names every bad field of a pool file by its path and exits with 1, without a stack trace', async () => {
    const { code, stdout, stderr } = await cli('round', file('bad.json'));
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain(`pool file ${file('bad.json')} is invalid:`);
    expect(stderr).toContain('participants[1].birthYear:');
    expect(stderr).toContain('mentors[0].caseloadCap:');
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('says when the file does not exist', async () => {
    const { code, stderr } = await cli('round', file('missing.json'));
    expect(code).toBe(1);
    expect(stderr).toBe(`error: pool file not found: ${file('missing.json')}\n`);
  });
});
