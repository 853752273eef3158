import { describe, it, expect, beforeAll } from 'vitest';
import { execFile, spawn } from 'node:child_process';
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
    const overConstrained = smallPool();
    overConstrained.overrides = [
      { participant: 'amina', resource: 'm-occ', action: 'require' },
      { participant: 'bilal', resource: 'm-occ', action: 'require' },
    ];
    await writeFile(file('over-constrained.json'), JSON.stringify(overConstrained));
  });

  it('prints the summary, the plan with score breakdowns, the unplaced with their reasons, resource use and totals', async () => {
    const { code, stdout, stderr } = await cli('round', file('pool.json'));
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toMatch(/^Round on pool "small round" \(reference date 2026-01-15\)\nstatus {5}optimal \(gap 0\.000 %\)\nobjective  \d+\.\d\d\nplaced {5}2 of 3 participants \(66\.7 %\), 1 unplaced\nsolver {5}\w+: \d+ variables/);
    expect(stdout).toMatch(/bilal +Bretagne +mentor +m-bzh +[\d.]+ +sector 3\.00 · language 1\.00/);
    expect(stdout).toMatch(/\n +opening +job-bzh +8\.22 +sector 3\.00 · skills 2\.00 · language 1\.00 · cefrMargin 0\.17 · shortage 1\.80 · waiting 0\.25\n/);
    expect(stdout).toContain('chen  Occitanie\n  mentor    none eligible (ageRange 1, relocation 1), e.g. m-occ: aged 56, the mentor admits up to 35\n');
    expect(stdout).toContain('  Occitanie  m-occ 1/1*\n');
    expect(stdout).toMatch(/Occitanie +2 +1 +50\.0 %/);
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

  it('reports an over-constrained round as infeasible, names the conflicting constraints and exits with 3', async () => {
    const { code, stdout, stderr } = await cli('round', file('over-constrained.json'));
    expect(code).toBe(3);
    expect(stderr).toBe('');
    expect(stdout).toMatch(/^Round on pool "small round"/);
    expect(stdout).toContain('status     infeasible');
    expect(stdout).toContain('require override: amina → m-occ');
    expect(stdout).toContain('require override: bilal → m-occ');
    expect(stdout).toContain('caseload cap of mentor m-occ (capacity 1)');
  });

  it('stops quietly when the reader closes the pipe early (`… | head`): exit 0, no stack trace', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'round', '--json', 'fixtures/ipr-occitanie.json'], { cwd: process.cwd() });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });
});
