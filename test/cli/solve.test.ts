import { describe, it, expect, beforeAll } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { Problem, ProblemInput } from '../../solver/problem.js';
import { gapOptima, parseGapFile } from '../../src/benchmarks/or-library-gap.js';
import { checkPlan } from '../solver/support/check-plan.js';

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

const example = fileURLToPath(new URL('../../fixtures/problems/example.json', import.meta.url));
const docs = fileURLToPath(new URL('../../docs/solver.md', import.meta.url));
const gapFile = (name: string) => fileURLToPath(new URL(`../../fixtures/benchmarks/or-library-gap/${name}.txt`, import.meta.url));

/** Two participants, two mentors of one place each: both are required on m1. */
const overConstrained: ProblemInput = {
  participants: [{ id: 'amina' }, { id: 'bilal' }],
  resources: [{ id: 'm1', kind: 'mentor', capacity: 1 }, { id: 'm2', kind: 'mentor', capacity: 1 }],
  edges: [
    { participant: 'amina', resource: 'm1', score: 5 },
    { participant: 'bilal', resource: 'm1', score: 4 },
    { participant: 'bilal', resource: 'm2', score: 2 },
  ],
  overrides: [
    { participant: 'amina', resource: 'm1', action: 'require' },
    { participant: 'bilal', resource: 'm1', action: 'require' },
  ],
};

/** Shape errors: each field is wrong on its own. */
const badFields = {
  participants: [{ id: 'amina' }],
  resources: [{ id: 'm1', kind: 'coach', capacity: 1 }, { id: 'fle', kind: 'training', capacity: -2 }],
  edges: [],
};

/** Reference errors: every field has the right shape, but ids do not fit together. */
const badReferences = {
  participants: [{ id: 'amina' }, { id: 'amina' }, { id: 'bilal', regions: ['Occitanie'] }],
  resources: [{ id: 'm1', kind: 'mentor', capacity: 1 }, { id: 'fle', kind: 'training', capacity: 5 }, { id: 'job', kind: 'opening', capacity: 1 }],
  edges: [{ participant: 'amina', resource: 'm9', score: 1 }],
  bridges: [{ participant: 'amina', opening: 'job', trainings: ['m1'] }, { participant: 'amina', opening: 'job', trainings: ['fle'] }],
};

// Each case runs the command in its own process, so the cases can run side by side.
/** Misspelt fields: read as absent, they would drop a participant's region and an override in silence. */
const misspelt = {
  participants: [{ id: 'amina', homeregion: 'Bretagne' }],
  resources: [{ id: 'm1', kind: 'mentor', capacity: 1 }],
  edges: [{ participant: 'amina', resource: 'm1', score: 2 }],
  overides: [{ participant: 'amina', resource: 'm1', action: 'forbid' }],
};

describe.concurrent('npm run cli -- solve', () => {
  let dir: string;
  /** gap12's instances with a 1 ms limit, as written to gap12-<instance>-1ms.json. */
  let gap12Limited: Problem[];
  const file = (name: string) => join(dir, name);

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'solve-cli-'));
    await writeFile(file('over-constrained.json'), JSON.stringify(overConstrained));
    await writeFile(file('fields.json'), JSON.stringify(badFields));
    await writeFile(file('references.json'), JSON.stringify(badReferences));
    await writeFile(file('misspelt.json'), JSON.stringify(misspelt));
    await writeFile(file('broken.json'), '{"participants": [');
    const [gap1First] = parseGapFile(await readFile(gapFile('gap1'), 'utf8'));
    await writeFile(file('gap1-1.json'), JSON.stringify(gap1First));
    // gap12's instances need hundreds of nodes to prove: 1 ms stops the search right after the root.
    gap12Limited = parseGapFile(await readFile(gapFile('gap12'), 'utf8')).map((p) => ({ ...p, policy: { ...p.policy, timeLimitMs: 1 } }));
    for (const instance of [1, 5]) await writeFile(file(`gap12-${instance}-1ms.json`), JSON.stringify(gap12Limited[instance - 1]));
  });

  it('prints only the result as JSON on stdout and exits with 0 for a plan', async () => {
    const { code, stdout, stderr } = await cli('solve', example);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const result = JSON.parse(stdout);
    expect(Object.keys(result).sort()).toEqual(['assignments', 'conflicts', 'gap', 'objective', 'regions', 'stats', 'status']);
    expect(result.status).toBe('optimal');
    // Scores 4+3+8+1 (amina) + 6 (bilal) + 7+2 (chen), waiting bonus 0.01·250, bilal moved off m-online: −2.
    expect(result.objective).toBeCloseTo(31.5, 9);
    expect(result.regions).toEqual({ amina: 'Occitanie', bilal: 'Bretagne' });
    expect(result.assignments).toContainEqual({ participant: 'amina', resource: 'flat-occ', kind: 'housing', score: 1 });
    expect(result.stats).toMatchObject({ variables: expect.any(Number), constraints: expect.any(Number), milliseconds: expect.any(Number) });
  });

  it.each(['jsLPSolver', 'highs'])('reaches the same optimum with --backend %s', async (backend) => {
    const { code, stdout } = await cli('solve', example, '--backend', backend);
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(result.stats.backend).toBe(backend);
    expect(result.status).toBe('optimal');
    expect(result.objective).toBeCloseTo(31.5, 9);
  });

  it('refuses a backend that does not exist', async () => {
    const { code, stdout, stderr } = await cli('solve', example, '--backend', 'cplex');
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain("option '--backend <name>' argument 'cplex' is invalid. Allowed choices are auto, jsLPSolver, highs.");
  });

  it('reports an over-constrained problem as infeasible, names the conflicting constraints and exits with 3', async () => {
    const { code, stdout, stderr } = await cli('solve', file('over-constrained.json'));
    expect(code).toBe(3);
    expect(stderr).toBe('');
    const result = JSON.parse(stdout);
    expect(result).toMatchObject({ status: 'infeasible', objective: null, assignments: [] });
    expect(result.conflicts).toEqual(expect.arrayContaining([
      'require override: amina → m1',
      'require override: bilal → m1',
      'caseload cap of mentor m1 (capacity 1)',
    ]));
  });

  it('reaches the published optimum of OR-Library gap1 instance 1 as a placement problem', async () => {
    const { code, stdout } = await cli('solve', file('gap1-1.json'));
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(result.status).toBe('optimal');
    expect(result.objective).toBe(gapOptima.gap1[0]);
    expect(result.assignments).toHaveLength(15);
  });

  // The root's rounding finds no plan on instance 1 and one on instance 5 (test/solver/backends/time-limit.test.ts).
  it.each([
    { instance: 1, status: 'time_limit', code: 3 },
    { instance: 5, status: 'feasible', code: 0 },
  ])('stopped by the time limit on gap12 instance $instance, answers $status with its exit code (3 without a plan, 0 with one)', async ({ instance, status, code: expectedCode }) => {
    const { code, stdout, stderr } = await cli('solve', file(`gap12-${instance}-1ms.json`), '--backend', 'jsLPSolver');
    expect(stderr).toBe('');
    const result = JSON.parse(stdout);
    expect([result.status, code]).toEqual([status, expectedCode]);
    if (result.status === 'time_limit') {
      expect(result).toMatchObject({ objective: null, gap: null, assignments: [] });
      return;
    }
    expect(result.gap).toBeGreaterThan(0);
    // A plan stopped by the clock is still a whole plan: everyone placed, every rule kept, worth what it says.
    const problem = gap12Limited[instance - 1]!;
    expect(result.assignments).toHaveLength(problem.participants.length);
    const check = checkPlan(problem, result);
    expect(check.violations).toEqual([]);
    expect(check.objective).toBe(result.objective);
    expect(result.objective).toBeLessThanOrEqual(gapOptima.gap12[instance - 1]!);
  });

  it('is documented in docs/solver.md with the example file and its real output', async () => {
    const blocks = [...(await readFile(docs, 'utf8')).matchAll(/```json\n([\s\S]*?)```/g)].map((match) => JSON.parse(match[1] ?? ''));
    expect(blocks[0]).toEqual(JSON.parse(await readFile(example, 'utf8')));
    const { stdout } = await cli('solve', example);
    // Model size, nodes and time belong to a version of the solver; the plan and its worth do not.
    const plan = ({ stats, ...result }: { stats: { backend: string } }) => ({ ...result, backend: stats.backend });
    expect(plan(JSON.parse(stdout))).toEqual(plan(blocks[1]));
    expect(blocks[2]).toEqual(overConstrained);
  });

  describe('on bad input: exit 1, a message naming the field on stderr, nothing on stdout, nothing written', () => {
    it.each([
      {
        what: 'an unknown kind and a negative capacity',
        name: 'fields.json',
        expected: [
          'error: problem file {file} is invalid:\n',
          '\n  resources[0].kind: Invalid option: expected one of "mentor"|"training"|"opening"|"housing"',
          '\n  resources[1].capacity: must be zero or more',
        ],
      },
      {
        what: 'a duplicate id, regions without a home region, an edge to a missing resource, a bridge to a mentor and a second bridge',
        name: 'references.json',
        expected: [
          'error: problem file {file} is inconsistent:\n',
          '\n  participants[1].id: duplicate participant id "amina"',
          '\n  participants[2].regions: given without homeRegion; a participant without a home region has no location constraints',
          '\n  edges[0].resource: unknown resource "m9"',
          '\n  bridges[0].trainings[0]: "m1" is a mentor, not a training',
          '\n  bridges[1]: duplicate bridge amina → job (first at bridges[0])',
        ],
      },
      {
        what: 'misspelt fields',
        name: 'misspelt.json',
        expected: [
          'error: problem file {file} is invalid:\n',
          '\n  participants[0].homeregion: unknown field (known here: id, homeRegion, regions, priorityGroups, waitingDays)',
          '\n  overides: unknown field (known here: participants, resources, edges, bridges, overrides, policy)',
        ],
      },
      { what: 'malformed JSON', name: 'broken.json', expected: ['error: problem file {file} is not valid JSON: '] },
      { what: 'a missing file', name: 'missing.json', expected: ['error: problem file not found: {file}\n'] },
    ])('$what', async ({ name, expected }) => {
      const before = await readdir(dir);
      const { code, stdout, stderr } = await cli('solve', file(name));
      expect(code).toBe(1);
      expect(stdout).toBe('');
      for (const line of expected) expect(stderr).toContain(line.replace('{file}', file(name)));
      expect(stderr).not.toMatch(/\n\s+at /);
      expect(await readdir(dir)).toEqual(before);
    });
  });
});
