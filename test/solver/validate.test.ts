import { describe, it, expect } from 'vitest';
import type { ProblemInput } from '../../solver/problem.js';
import { solve } from '../../solver/solve.js';
import { formatIssuePath, parseProblem, ProblemError } from '../../solver/validate.js';

/** The lines a user reads: "path: message", one per bad field; empty when the problem is accepted. */
function issues(input: ProblemInput): string[] {
  try {
    parseProblem(input);
    return [];
  } catch (error) {
    if (!(error instanceof ProblemError)) throw error;
    return error.issues.map((issue) => `${formatIssuePath(issue.path)}: ${issue.message}`);
  }
}

const resources: ProblemInput['resources'] = [
  { id: 'fle', kind: 'training', capacity: 5 },
  { id: 'fle-plus', kind: 'training', capacity: 5 },
  { id: 'job', kind: 'opening', capacity: 1 },
  { id: 'm1', kind: 'mentor', capacity: 2 },
];

describe('a participant with regions but no home region', () => {
  it('is refused, naming the path: the regions would be ignored in silence', () => {
    const input: ProblemInput = {
      participants: [{ id: 'amina', homeRegion: 'Bretagne', regions: ['Occitanie'] }, { id: 'bilal', regions: ['Occitanie'] }],
      resources,
      edges: [],
    };
    expect(issues(input)).toEqual([
      'participants[1].regions: given without homeRegion; a participant without a home region has no location constraints',
    ]);
  });

  it('is refused even with an empty list, while neither field, or a home region alone, is accepted', () => {
    expect(issues({ participants: [{ id: 'chen', regions: [] }], resources, edges: [] })).toEqual([
      'participants[0].regions: given without homeRegion; a participant without a home region has no location constraints',
    ]);
    expect(issues({ participants: [{ id: 'chen' }, { id: 'dalia', homeRegion: 'Bretagne' }], resources, edges: [] })).toEqual([]);
  });
});

describe('two bridges for one participant and opening', () => {
  it('are refused, naming both paths: together they could shut the opening', () => {
    const input: ProblemInput = {
      participants: [{ id: 'amina' }, { id: 'bilal' }],
      resources,
      edges: [],
      bridges: [
        { participant: 'amina', opening: 'job', trainings: ['fle'] },
        { participant: 'bilal', opening: 'job', trainings: ['fle'] },
        { participant: 'amina', opening: 'job', trainings: ['fle-plus'] },
      ],
    };
    expect(issues(input)).toEqual(['bridges[2]: duplicate bridge amina → job (first at bridges[0])']);
  });
});

describe('an edge given twice', () => {
  it('is refused at each repeat, naming the first, for known and unknown ids alike', () => {
    const input: ProblemInput = {
      participants: [{ id: 'amina' }, { id: 'bilal' }],
      resources,
      edges: [
        { participant: 'amina', resource: 'm1', score: 1 },
        { participant: 'bilal', resource: 'm1', score: 2 },
        { participant: 'amina', resource: 'm1', score: 3 },
        { participant: 'amina', resource: 'm9', score: 1 },
        { participant: 'amina', resource: 'm9', score: 1 },
        { participant: 'amina', resource: 'm1', score: 4 },
      ],
    };
    expect(issues(input)).toEqual([
      'edges[3].resource: unknown resource "m9"',
      'edges[4].resource: unknown resource "m9"',
      'edges[2]: duplicate edge amina → m1 (first at edges[0])',
      'edges[4]: duplicate edge amina → m9 (first at edges[3])',
      'edges[5]: duplicate edge amina → m1 (first at edges[0])',
    ]);
  });
});

describe('a bridge to a resource of the wrong kind', () => {
  it('says what the resource is, with the right article', () => {
    const input: ProblemInput = {
      participants: [{ id: 'amina' }],
      resources,
      edges: [],
      bridges: [{ participant: 'amina', opening: 'fle', trainings: ['job', 'm1'] }],
    };
    expect(issues(input)).toEqual([
      'bridges[0].opening: "fle" is a training, not an opening',
      'bridges[0].trainings[0]: "job" is an opening, not a training',
      'bridges[0].trainings[1]: "m1" is a mentor, not a training',
    ]);
  });
});

describe('a duplicate resource id', () => {
  it('is reported once, without follow-on errors about which kind the id has', () => {
    const input: ProblemInput = {
      participants: [{ id: 'amina' }],
      resources: [...resources, { id: 'fle', kind: 'opening', capacity: 1 }],
      edges: [{ participant: 'amina', resource: 'fle', score: 1 }],
      // "fle" is both a training and an opening: neither use is reported as the wrong kind.
      bridges: [
        { participant: 'amina', opening: 'job', trainings: ['fle'] },
        { participant: 'amina', opening: 'fle', trainings: ['fle-plus'] },
      ],
    };
    expect(issues(input)).toEqual(['resources[4].id: duplicate resource id "fle"']);
  });

  it('still lets the other references be checked', () => {
    const input: ProblemInput = {
      participants: [{ id: 'amina' }],
      resources: [...resources, { id: 'm1', kind: 'mentor', capacity: 1 }],
      edges: [{ participant: 'amina', resource: 'm9', score: 1 }],
      bridges: [{ participant: 'amina', opening: 'job', trainings: ['m1', 'job'] }],
    };
    expect(issues(input)).toEqual([
      'resources[4].id: duplicate resource id "m1"',
      'edges[0].resource: unknown resource "m9"',
      'bridges[0].trainings[1]: "job" is an opening, not a training',
    ]);
  });
});

describe('a published pair listed twice', () => {
  it('is one publication: moving the participant away costs the stability penalty once, in every backend', async () => {
    const input: ProblemInput = {
      participants: [{ id: 'amina' }],
      resources,
      edges: [{ participant: 'amina', resource: 'm1', score: 1 }, { participant: 'amina', resource: 'fle', score: 2 }],
      policy: { previous: [{ participant: 'amina', resource: 'job' }, { participant: 'amina', resource: 'job' }], stabilityPenalty: 3 },
    };
    expect(parseProblem(input).policy.previous).toEqual([{ participant: 'amina', resource: 'job' }]);
    // The pair lost its edge: 1 + 2 − 3, not − 6.
    for (const backend of ['jsLPSolver', 'highs'] as const) {
      const result = await solve({ ...input, policy: { ...input.policy, backend } });
      expect(result.objective, backend).toBeCloseTo(0, 9);
    }
  });
});
