import { describe, it, expect } from 'vitest';
import { solveExact } from '../../../solver/exact/solve-exact.js';
import type { Problem } from '../../../solver/problem.js';
import { splitComponents } from '../../../solver/scale/components.js';
import { solveAtScale } from '../../../solver/scale/pipeline.js';
import { parseProblem } from '../../../solver/validate.js';
import { checkPlan } from '../support/check-plan.js';
import { randomProblem } from '../support/random-problem.js';

/** Several random problems side by side, ids prefixed so that they share nothing; the first one's policy terms. */
function sideBySide(seeds: readonly number[]): Problem {
  const parts = seeds.map((seed, i) => renamed(randomProblem(seed), `${String.fromCharCode(97 + i)}:`));
  const first = parts[0]!;
  return {
    participants: parts.flatMap((p) => p.participants),
    resources: parts.flatMap((p) => p.resources),
    edges: parts.flatMap((p) => p.edges),
    bridges: parts.flatMap((p) => p.bridges),
    overrides: parts.flatMap((p) => p.overrides),
    policy: { ...first.policy, previous: parts.flatMap((p) => p.policy.previous) },
  };
}

function renamed(problem: Problem, prefix: string): Problem {
  const id = (value: string) => prefix + value;
  return {
    participants: problem.participants.map((p) => ({ ...p, id: id(p.id) })),
    resources: problem.resources.map((r) => ({ ...r, id: id(r.id) })),
    edges: problem.edges.map((e) => ({ ...e, participant: id(e.participant), resource: id(e.resource) })),
    bridges: problem.bridges.map((b) => ({ participant: id(b.participant), opening: id(b.opening), trainings: b.trainings.map(id) })),
    overrides: problem.overrides.map((o) => ({ ...o, participant: id(o.participant), resource: id(o.resource) })),
    policy: { ...problem.policy, previous: problem.policy.previous.map((p) => ({ participant: id(p.participant), resource: id(p.resource) })) },
  };
}

describe('independent components', () => {
  it('finds the problems that were put side by side', () => {
    const problem = sideBySide([11, 12, 13]);
    const parts = splitComponents(problem);
    expect(parts.length).toBeGreaterThanOrEqual(3);
    expect(parts.flatMap((part) => part.participants.map((p) => p.id)).sort()).toEqual(problem.participants.map((p) => p.id).sort());
    expect(parts.reduce((sum, part) => sum + part.edges.length, 0)).toBe(problem.edges.length);
    for (const part of parts) {
      const ids = new Set(part.resources.map((r) => r.id));
      expect(part.edges.every((edge) => ids.has(edge.resource))).toBe(true);
      expect(part.policy.priorityShare).toEqual([]);
    }
  });

  it('leaves a participant without candidates with the others: no part of their own', async () => {
    const problem = parseProblem({
      participants: [{ id: 'a1', priorityGroups: ['refugees'] }, { id: 'b1' }, { id: 'lonely' }],
      resources: [{ id: 'm', kind: 'mentor', capacity: 1 }],
      edges: [{ participant: 'a1', resource: 'm', score: 1 }, { participant: 'b1', resource: 'm', score: 3 }],
      policy: { priorityShare: [{ group: 'refugees', minShare: 0.5 }] },
    });
    expect(splitComponents(problem)).toEqual([problem]);
    const result = await solveAtScale(problem);
    expect(result.stats.components ?? 1).toBe(1);
    expect(result.objective).toBeCloseTo(1, 9);
    expect(result.assignments.map((a) => [a.participant, a.resource])).toEqual([['a1', 'm']]);
  });

  it('solved apart, give the objective and status of the whole model, with plans that break no rule', async () => {
    const mismatches: string[] = [];
    let split = 0;
    for (let seed = 0; seed < 120; seed += 1) {
      const problem = sideBySide([3000 + 3 * seed, 3001 + 3 * seed, 3002 + 3 * seed]);
      const whole = await solveExact(problem);
      const result = await solveAtScale(problem);
      if ((result.stats.components ?? 1) > 1) split += 1;
      if (result.status !== whole.status) mismatches.push(`seed ${seed}: ${result.status} ≠ ${whole.status}`);
      else if (whole.objective !== null && Math.abs(result.objective! - whole.objective) > 1e-6) {
        mismatches.push(`seed ${seed}: ${result.objective} ≠ ${whole.objective}`);
      }
      if (result.objective !== null) {
        const check = checkPlan(problem, result);
        if (check.violations.length > 0) mismatches.push(`seed ${seed}: ${check.violations.join('; ')}`);
        if (Math.abs(check.objective - result.objective) > 1e-6) mismatches.push(`seed ${seed}: plan worth ${check.objective}`);
      }
    }
    expect(mismatches).toEqual([]);
    expect(split).toBeGreaterThan(60);
  });

  it('falls back to the whole model when the parts together miss the priority share', async () => {
    // Apart, b1 and b2 take mentor mb (7 with a1); the share allows only one of them beside a1.
    const problem = parseProblem({
      participants: [{ id: 'a1', priorityGroups: ['refugees'] }, { id: 'b1' }, { id: 'b2' }],
      resources: [{ id: 'ma', kind: 'mentor', capacity: 1 }, { id: 'mb', kind: 'mentor', capacity: 2 }],
      edges: [
        { participant: 'a1', resource: 'ma', score: 1 },
        { participant: 'b1', resource: 'mb', score: 3 },
        { participant: 'b2', resource: 'mb', score: 3 },
      ],
      policy: { priorityShare: [{ group: 'refugees', minShare: 0.5 }] },
    });
    expect(splitComponents(problem)).toHaveLength(2);
    const result = await solveAtScale(problem);
    expect(result.status).toBe('optimal');
    expect(result.objective).toBeCloseTo(4, 9);
    expect(result.assignments.map((a) => a.participant).sort()).toEqual(['a1', expect.stringMatching(/^b[12]$/)]);
    expect(checkPlan(problem, result).violations).toEqual([]);
  });
});
