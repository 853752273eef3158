import { describe, it, expect } from 'vitest';
import { resourceKinds as kinds, type ResourceKind } from '../../solver/problem.js';
import type { PoolEligibility } from '../../src/eligibility/evaluate.js';
import { resourceCandidates } from '../../src/round/resource-candidates.js';
import type { ParticipantScores } from '../../src/round/score-eligible.js';

/**
 * Participants all eligible for the two resources of one kind (positions 0 and 1), with their
 * scores on each. Only what resourceCandidates reads is filled in.
 */
function round(kind: ResourceKind, scoresOnBoth: [number, number][]) {
  const participants = scoresOnBoth.map(() => ({
    byKind: Object.fromEntries(kinds.map((k) => [k, { eligible: k === kind ? Int32Array.of(0, 1) : new Int32Array(), refusals: [] }])),
    bridges: new Map(),
  }));
  const scores = scoresOnBoth.map((pair) => Object.fromEntries(kinds.map((k) => [k, k === kind ? Float64Array.from(pair) : new Float64Array()])) as ParticipantScores);
  return { eligibility: { participants } as unknown as PoolEligibility, scores };
}

const names = ['Ana', 'Ben', 'Chloé', 'Driss', 'Elif'];
const keptBy = (picks: Set<number>[], position: number) => picks.flatMap((positions, p) => (positions.has(position) ? [names[p]] : []));

describe('each resource\'s own best candidates', () => {
  it('are the participants who score it highest, two per place', () => {
    const { eligibility, scores } = round('mentor', [[0.9, 0.95], [0.8, 0.9], [0.5, 0.1], [0.4, 0.1]]);
    const picks = resourceCandidates(eligibility, scores, Float64Array.of(1, 2), () => 1);
    expect(keptBy(picks, 0)).toEqual(['Ana', 'Ben']);
    expect(keptBy(picks, 1)).toEqual(['Ana', 'Ben', 'Chloé', 'Driss']);
  });

  it('leave out a household a housing unit has no room for, and a resource with no room at all', () => {
    // Unit 0 has 2 places (so keeps 4); Ana's household of 3 does not fit. Unit 1 is full.
    const { eligibility, scores } = round('housing', [[0.9, 0.9], [0.6, 0.9], [0.5, 0.9], [0.4, 0.9], [0.3, 0.9]]);
    const sizes = [3, 1, 1, 1, 2];
    const picks = resourceCandidates(eligibility, scores, Float64Array.of(2, 0), (p, kind) => (kind === 'housing' ? sizes[p]! : 1));
    expect(keptBy(picks, 0)).toEqual(['Ben', 'Chloé', 'Driss', 'Elif']);
    expect(keptBy(picks, 1)).toEqual([]);
  });
});
