import { describe, it, expect } from 'vitest';
import { solveExact } from '../../../solver/exact/solve-exact.js';
import type { Problem, ProblemInput } from '../../../solver/problem.js';
import { solve } from '../../../solver/solve.js';
import { isPureAssignment, solvePureAssignment } from '../../../solver/scale/assignment.js';
import { parseProblem } from '../../../solver/validate.js';
import { checkPlan } from '../support/check-plan.js';
import { seededRandom } from '../support/random-problem.js';

/** Duo mentoring: every mentor takes one mentee, some pairs missing, some scores negative. */
function randomDuos(seed: number): Problem {
  const random = seededRandom(seed);
  const int = (low: number, high: number) => low + Math.floor(random() * (high - low + 1));
  const participants = Array.from({ length: int(1, 14) }, (_, i) => ({ id: `p${i}`, homeRegion: 'north', waitingDays: int(0, 50) }));
  const mentors = Array.from({ length: int(1, 14) }, (_, i) => ({ id: `m${i}`, kind: 'mentor' as const, capacity: 1, region: 'north' }));
  const density = 0.2 + random() * 0.7;
  const edges = participants.flatMap((p) => mentors.filter(() => random() < density).map((m) => ({
    participant: p.id, resource: m.id, score: int(-3, 20) + (random() < 0.3 ? 0.25 : 0),
  })));
  const overrides = random() < 0.3 && edges.length > 0 ? [{ ...edges[0]!, action: 'forbid' as const }] : [];
  // Half of them wait for a bonus per day: it must fold into the weights without changing the optimum.
  return parseProblem({ participants, resources: mentors, edges, overrides, policy: { waitingBonusPerDay: random() < 0.5 ? 0.07 : 0 } });
}

const duos: ProblemInput = {
  participants: [{ id: 'p1' }, { id: 'p2' }],
  resources: [{ id: 'm1', kind: 'mentor', capacity: 1 }, { id: 'm2', kind: 'mentor', capacity: 1 }],
  edges: [{ participant: 'p1', resource: 'm1', score: 5 }, { participant: 'p2', resource: 'm1', score: 4 }, { participant: 'p1', resource: 'm2', score: 3 }],
};

describe('pure one-to-one assignment (Jonker–Volgenant)', () => {
  it('recognises duo mentoring, with or without a waiting bonus, and nothing with a second kind, a larger capacity, a bridge or a required kind', () => {
    const base = parseProblem(duos);
    expect(isPureAssignment(base)).toBe(true);
    expect(isPureAssignment(parseProblem({ ...duos, resources: [{ id: 'm1', kind: 'mentor', capacity: 2 }, { id: 'm2', kind: 'training', capacity: 1 }] }))).toBe(false);
    expect(isPureAssignment(parseProblem({ ...duos, resources: [{ id: 'm1', kind: 'mentor', capacity: 1 }, { id: 'm2', kind: 'training', capacity: 1 }] }))).toBe(false);
    expect(isPureAssignment(parseProblem({ ...duos, policy: { requireOne: ['mentor'] } }))).toBe(false);
    expect(isPureAssignment(parseProblem({ ...duos, participants: [{ id: 'p1', waitingDays: 3 }, { id: 'p2' }], policy: { waitingBonusPerDay: 1 } }))).toBe(true);
    expect(isPureAssignment(parseProblem({ ...duos, overrides: [{ participant: 'p1', resource: 'm2', action: 'require' }] }))).toBe(false);
  });

  it('counts the waiting bonus once per placed mentee: p2 waited long enough to take m1 from p1', async () => {
    const result = await solve({ ...duos, participants: [{ id: 'p1' }, { id: 'p2', waitingDays: 10 }], edges: duos.edges.slice(0, 2), policy: { waitingBonusPerDay: 0.2 } });
    expect(result.stats.backend).toBe('lsap');
    expect(result.assignments.map((a) => `${a.participant}-${a.resource}:${a.score}`)).toEqual(['p2-m1:4']);
    expect(result.objective).toBeCloseTo(4 + 10 * 0.2, 12);
  });

  it('gives each mentor the mentee that makes the total best: p1 with m2, p2 with m1', async () => {
    const result = await solve(duos);
    expect(result.stats.backend).toBe('lsap');
    expect(result.status).toBe('optimal');
    expect(result.objective).toBe(7);
    expect(result.assignments.map((a) => `${a.participant}-${a.resource}`).sort()).toEqual(['p1-m2', 'p2-m1']);
  });

  it('equals the MIP optimum on 120 random one-to-one problems, with plans that break no rule', async () => {
    const mismatches: string[] = [];
    for (let seed = 0; seed < 120; seed += 1) {
      const problem = randomDuos(seed);
      expect(isPureAssignment(problem)).toBe(true);
      const lsap = solvePureAssignment(problem)!;
      const mip = await solveExact(problem);
      if (Math.abs(lsap.objective! - mip.objective!) > 1e-9) mismatches.push(`seed ${seed}: ${lsap.objective} ≠ ${mip.objective}`);
      const check = checkPlan(problem, lsap);
      if (check.violations.length > 0) mismatches.push(`seed ${seed}: ${check.violations.join('; ')}`);
      if (Math.abs(check.objective - lsap.objective!) > 1e-9) mismatches.push(`seed ${seed}: plan worth ${check.objective}`);
    }
    expect(mismatches).toEqual([]);
  });
});
