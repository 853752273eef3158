import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, it, expect } from 'vitest';
import { solve } from '../../solver/index.js';
import type { Problem } from '../../solver/problem.js';
import { gapOptima, parseGapFile, type GapFileName } from '../../src/benchmarks/or-library-gap.js';
import { checkPlan } from './support/check-plan.js';

const directory = fileURLToPath(new URL('../../fixtures/benchmarks/or-library-gap/', import.meta.url));

function instances(name: GapFileName): { index: number; problem: Problem; optimum: number }[] {
  const problems = parseGapFile(readFileSync(`${directory}${name}.txt`, 'utf8'));
  return problems.map((problem, index) => ({ index: index + 1, problem, optimum: gapOptima[name][index] ?? NaN }));
}

/**
 * OR-Library's generalized assignment problems as placement problems: every
 * participant must get exactly one mentor, within the mentors' caseload caps.
 * Both backends must reach every published optimum and prove it.
 */
describe.each(['jsLPSolver', 'highs'] as const)('OR-Library GAP instances on the %s backend', (backend) => {
  describe.each(['gap1', 'gap2', 'gap12'] as const)('%s', (name) => {
    it.each(instances(name))('instance $index reaches the published optimum $optimum, proven optimal', async ({ problem, optimum }) => {
      // A generous limit: a loaded CI machine must not turn a proof into "feasible".
      const result = await solve({ ...problem, policy: { ...problem.policy, backend, timeLimitMs: 120_000 } });
      expect(result.status).toBe('optimal');
      expect(result.objective).toBe(optimum);
      expect(result.stats.backend).toBe(backend);
      expect(result.assignments).toHaveLength(problem.participants.length);
      const check = checkPlan(problem, result);
      expect(check.violations).toEqual([]);
      expect(check.objective).toBe(optimum);
    });
  });
});
