import { describe, it, expect } from 'vitest';
import { buildModel } from '../../../solver/exact/build-model.js';
import { brokenConstraints } from '../../../solver/exact/decode.js';
import { prepareProblem } from '../../../solver/exact/prepared-problem.js';
import { solveExact } from '../../../solver/exact/solve-exact.js';
import type { Problem, ProblemInput, ProblemParticipant } from '../../../solver/problem.js';
import type { Assignment } from '../../../solver/result.js';
import { parseProblem } from '../../../solver/validate.js';
import { acceptedRegions, checkPlan, isPlaced } from '../support/check-plan.js';
import { randomProblem } from '../support/random-problem.js';

/** 0/1 values of the model's variables for a plan: x from the assignments, y from the region, z from "placed". */
function encode(problem: Problem, plan: Assignment[], regions: Record<string, string>): { values: number[]; broken: string[] } {
  const { model, builder } = buildModel(prepareProblem(problem));
  const values = new Array<number>(model.variables.length).fill(0);
  const choose = (variable: number | undefined) => {
    if (variable !== undefined) values[variable] = 1;
  };
  for (const a of plan) choose(builder.edgeVariables.get(`${a.participant}\u0000${a.resource}`));
  for (const [participant, variables] of builder.regionVariables) choose(variables.get(regions[participant] ?? ''));
  for (const [participant, variable] of builder.placedVariables) {
    const given = new Set(plan.filter((a) => a.participant === participant).map((a) => a.resource));
    values[variable] = isPlaced(problem, given) ? 1 : 0;
  }
  return { values, broken: brokenConstraints(model, values) };
}

/** Plans in which one participant receives a set of resources (at most one per kind) and everyone else stays at home with nothing. */
function singleParticipantPlans(problem: Problem, participant: ProblemParticipant) {
  const home = Object.fromEntries(problem.participants.flatMap((p) => (p.homeRegion === undefined ? [] : [[p.id, p.homeRegion]])));
  let sets: Assignment[][] = [[]];
  for (const kind of ['mentor', 'training', 'opening', 'housing'] as const) {
    const ofKind = problem.edges.flatMap((e) => {
      const resource = problem.resources.find((r) => r.id === e.resource);
      return e.participant === participant.id && resource?.kind === kind ? [{ participant: e.participant, resource: e.resource, kind, score: e.score }] : [];
    });
    sets = sets.flatMap((set) => [set, ...ofKind.map((a) => [...set, a])]);
  }
  const places = participant.homeRegion === undefined ? [undefined] : acceptedRegions(participant);
  return sets.flatMap((assignments) => places.map((region) => ({ assignments, regions: region === undefined ? home : { ...home, [participant.id]: region } })));
}

describe('the exact model with rows aggregated per kind and region', () => {
  it('admits every plan that breaks no rule, on the 300 seeded random problems', () => {
    const rejected: string[] = [];
    let checked = 0;
    for (let seed = 2000; seed < 2300; seed += 1) {
      const problem = randomProblem(seed);
      for (const participant of problem.participants) {
        for (const plan of singleParticipantPlans(problem, participant)) {
          if (checkPlan(problem, plan).violations.length > 0) continue;
          checked += 1;
          const { broken } = encode(problem, plan.assignments, plan.regions);
          if (broken.length > 0) rejected.push(`seed ${seed}, ${participant.id}: ${broken.join('; ')}`);
        }
      }
    }
    expect(checked).toBeGreaterThan(1000);
    expect(rejected).toEqual([]);
  });

  it('writes one row per participant, kind and region, not one per candidate', () => {
    const { model } = buildModel(prepareProblem(relocationProblem()));
    const labels = model.constraints.map((c) => c.label);
    expect(labels.filter((l) => l === 'ana may receive a mentor in Bretagne only when living in Bretagne')).toHaveLength(1);
    expect(labels).toContain('ana may receive housing in Occitanie only when living in Occitanie');
    expect(labels).toContain('ana relocating to Bretagne needs housing in Bretagne (and is housed there only when living there)');
    expect(labels).toContain('ana counts as placed when given a mentor');
    expect(labels.filter((l) => l.includes('only when living in'))).toHaveLength(2);
  });

  it('gives a region with a single housing candidate no variable of its own, and a region without any no variable at all', () => {
    const problem = relocationProblem();
    const { model, builder } = buildModel(prepareProblem({
      ...problem,
      participants: [{ ...problem.participants[0]!, regions: ['Bretagne', 'Normandie', 'Grand Est'] }],
      resources: [...problem.resources, { id: 'h-grand-est', kind: 'housing', capacity: 1, region: 'Grand Est' }, { id: 'm-normandie', kind: 'mentor', capacity: 1, region: 'Normandie' }],
      edges: [...problem.edges, ...['h-grand-est', 'm-normandie'].map((resource) => ({ participant: 'ana', resource, score: 1, load: 1 }))],
    }));
    const places = builder.regionVariables.get('ana');
    expect([...(places?.keys() ?? [])]).toEqual(['Occitanie', 'Bretagne', 'Grand Est']);
    expect(places?.get('Grand Est')).toBe(builder.edgeVariables.get('ana\u0000h-grand-est'));
    expect(model.variables.map((v) => v.name).filter((name) => name.startsWith('y['))).toEqual(['y[ana,Occitanie]', 'y[ana,Bretagne]']);
    expect(model.constraints.map((c) => c.label)).toContain('ana relocating to Normandie needs housing in Normandie, and has no housing candidate there');
  });

  it('writes one language bridge row per set of bridging trainings, counting every opening that set bridges', () => {
    const problem = parseProblem({
      participants: [{ id: 'ben', priorityGroups: [], waitingDays: 0 }],
      resources: ['fle-1', 'fle-2', 'fle-9', 'job-1', 'job-2', 'job-3', 'job-4'].map((id) => ({ id, kind: id.startsWith('fle') ? 'training' : 'opening', capacity: 1 })),
      edges: ['fle-1', 'fle-2', 'job-1', 'job-2', 'job-3', 'job-4'].map((resource) => ({ participant: 'ben', resource, score: 1, load: 1 })),
      bridges: [
        { participant: 'ben', opening: 'job-1', trainings: ['fle-1'] },
        { participant: 'ben', opening: 'job-2', trainings: ['fle-1'] },
        { participant: 'ben', opening: 'job-3', trainings: ['fle-2', 'fle-1'] },
        { participant: 'ben', opening: 'job-4', trainings: ['fle-9'] },
      ],
      overrides: [],
      policy: { requireOne: [], priorityShare: [], waitingBonusPerDay: 0, previous: [], stabilityPenalty: 0 },
    });
    const { model } = buildModel(prepareProblem(problem));
    expect(model.constraints.map((c) => c.label).filter((l) => l.startsWith('language bridge')).sort()).toEqual([
      'language bridge: ben may take opening job-1 or job-2 only with training fle-1',
      'language bridge: ben may take opening job-1 or job-2 or job-3 only with training fle-1 or fle-2',
      'language bridge: ben may take opening job-4 only with training fle-9 (none of which ben can be given)',
    ]);
  });

  it('counts an opening under a language bridge as a placement only through its training', () => {
    const problem = parseProblem({
      participants: [{ id: 'cem', priorityGroups: [], waitingDays: 100 }],
      resources: [{ id: 'fle', kind: 'training', capacity: 1 }, { id: 'job', kind: 'opening', capacity: 1 }, { id: 'm', kind: 'mentor', capacity: 1 }],
      edges: ['fle', 'job', 'm'].map((resource) => ({ participant: 'cem', resource, score: 1, load: 1 })),
      bridges: [{ participant: 'cem', opening: 'job', trainings: ['fle'] }],
      overrides: [],
      policy: { requireOne: [], priorityShare: [], waitingBonusPerDay: 0.01, previous: [], stabilityPenalty: 0 },
    });
    const { model } = buildModel(prepareProblem(problem));
    const row = model.constraints.find((c) => c.label === 'cem counts as placed only when given a mentor, training or opening');
    expect(row?.terms.map((t) => model.variables[t.variable]?.name).sort()).toEqual(['x[cem,fle]', 'x[cem,m]', 'z[cem]']);
  });

  for (const backend of ['jsLPSolver', 'highs'] as const) {
    it(`names the aggregated rows in an infeasibility report (${backend})`, async () => {
      const problem = relocationProblem();
      const result = await solveExact({
        ...problem,
        overrides: [{ participant: 'ana', resource: 'h-home', action: 'require' }],
        policy: { ...problem.policy, requireOne: ['mentor'], backend },
      });
      expect(result.status).toBe('infeasible');
      expect(result.conflicts).toEqual(expect.arrayContaining([
        'ana may receive a mentor in Bretagne only when living in Bretagne',
        'ana may receive housing in Occitanie only when living in Occitanie',
        'ana lives in exactly one of the regions Occitanie, Bretagne',
        'ana must receive exactly one mentor',
        'require override: ana → h-home',
      ]));
    });
  }
});

/** Ana lives in Occitanie and would move to Bretagne, where all her mentors are; housing in both regions, two places in Bretagne. */
function relocationProblem(): Problem {
  const input: ProblemInput = {
    participants: [{ id: 'ana', homeRegion: 'Occitanie', regions: ['Bretagne'], priorityGroups: [], waitingDays: 30 }],
    resources: [
      { id: 'm1', kind: 'mentor', capacity: 1, region: 'Bretagne' },
      { id: 'm2', kind: 'mentor', capacity: 1, region: 'Bretagne' },
      { id: 'h-home', kind: 'housing', capacity: 1, region: 'Occitanie' },
      { id: 'h-away', kind: 'housing', capacity: 1, region: 'Bretagne' },
      { id: 'h-away-2', kind: 'housing', capacity: 1, region: 'Bretagne' },
    ],
    edges: ['m1', 'm2', 'h-home', 'h-away', 'h-away-2'].map((resource) => ({ participant: 'ana', resource, score: 1, load: 1 })),
    bridges: [],
    overrides: [],
    policy: { requireOne: [], priorityShare: [], waitingBonusPerDay: 0.01, previous: [], stabilityPenalty: 0 },
  };
  return parseProblem(input);
}
