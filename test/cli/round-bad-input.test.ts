import { describe, it, expect, beforeAll } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { PoolInput } from '../../src/domain/pool.js';
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

/** Each case: a change to the small pool, and the line the coordinator must read. */
const cases: Array<{ name: string; edit: (pool: PoolInput) => void; expected: string }> = [
  {
    name: 'an unknown kind of mentor',
    edit: (p) => { (p.mentors![0] as { kind: string }).kind = 'coach'; },
    expected: 'mentors[0].kind: Invalid option: expected one of "contact_person"|"volunteer"|"professional"',
  },
  {
    name: 'an unknown kind of resource',
    edit: (p) => { Object.assign(p, { vehicles: [{ id: 'v1' }] }); },
    expected: '(file): unknown section "vehicles": a pool has name',
  },
  {
    name: 'negative seats',
    edit: (p) => { p.trainingSessions![0]!.seats = -2; },
    expected: 'trainingSessions[0].seats: must be zero or more',
  },
  {
    name: 'a CEFR level that does not exist',
    edit: (p) => { p.participants[0]!.languages = [{ language: 'fr', level: 'B3' as 'B1' }]; },
    expected: 'participants[0].languages[0].level: must be a CEFR level (A0, A1, A2, B1, B2, C1, C2)',
  },
  {
    name: 'a resource id used twice',
    edit: (p) => { p.housingUnits![0]!.id = 'm-bzh'; },
    expected: 'housingUnits[0].id: duplicate id "m-bzh" (already used at mentors[1])',
  },
  {
    name: 'a bridge to a mentor',
    edit: (p) => { p.openings![0]!.bridgeTrainings = ['fle-occ', 'm-occ']; },
    expected: 'openings[0].bridgeTrainings[1]: "m-occ" is a mentor, not a training session: only a training can bridge to an opening',
  },
  {
    name: 'a bridge to a training that does not exist',
    edit: (p) => { p.openings![0]!.bridgeTrainings = ['fle-bzh']; },
    expected: 'openings[0].bridgeTrainings[0]: unknown training session "fle-bzh"',
  },
  {
    name: 'an override naming a missing resource',
    edit: (p) => { p.overrides = [...(p.overrides ?? []), { participant: 'amina', resource: 'flat-occ', action: 'require' }]; },
    expected: 'overrides[0].resource: unknown resource "flat-occ"',
  },
  {
    name: 'an override naming a missing participant',
    edit: (p) => { p.overrides = [...(p.overrides ?? []), { participant: 'dalia', resource: 'm-occ', action: 'forbid' }]; },
    expected: 'overrides[1].participant: unknown participant "dalia"',
  },
];

/** Field errors are reported together; reference checks run once every item is valid on its own. */
const fieldCases = cases.slice(0, 4);
const referenceCases = cases.slice(4);

function poolWith(edits: typeof cases): PoolInput {
  const pool = smallPool();
  for (const c of edits) c.edit(pool);
  return pool;
}

describe('npm run cli -- round on bad input', () => {
  let dir: string;
  const file = (name: string) => join(dir, name);

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'round-bad-'));
    await writeFile(file('broken.json'), '{"name": "small round", "participants": [');
    await writeFile(file('fields.json'), JSON.stringify(poolWith(fieldCases)));
    await writeFile(file('references.json'), JSON.stringify(poolWith(referenceCases.filter((c) => !c.name.includes('bridge to a training')))));
    await writeFile(file('bridge.json'), JSON.stringify(poolWith(referenceCases.filter((c) => c.name.includes('bridge to a training')))));
  });

  it('says a file is not JSON, with where the parser stopped', async () => {
    const { code, stdout, stderr } = await cli('round', file('broken.json'));
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^error: pool file .*broken\.json is not valid JSON: .+\n$/);
  });

  it.each([
    { what: 'unknown kinds, negative seats and a CEFR level that does not exist', name: 'fields.json', expected: fieldCases },
    { what: 'a duplicate id, a bridge to a mentor and overrides naming missing ids', name: 'references.json', expected: referenceCases.filter((c) => !c.name.includes('bridge to a training')) },
    { what: 'a bridge to a missing training', name: 'bridge.json', expected: referenceCases.filter((c) => c.name.includes('bridge to a training')) },
  ])('names every bad field ($what), exits with 1, prints no plan, no stack and writes nothing', async ({ name, expected }) => {
    const before = await readdir(dir);
    const { code, stdout, stderr } = await cli('round', file(name));
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain(`error: pool file ${file(name)} is invalid:\n`);
    for (const c of expected) expect(stderr).toContain(`\n  ${c.expected}`);
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(await readdir(dir)).toEqual(before);
  });
});
