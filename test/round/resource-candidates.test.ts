import { describe, it, expect } from 'vitest';
import type { ResourceKind } from '../../solver/problem.js';
import type { PoolEligibility } from '../../src/eligibility/evaluate.js';
import { resourceCandidates } from '../../src/round/resource-candidates.js';
import type { ParticipantScores } from '../../src/round/score-eligible.js';

const kinds: readonly ResourceKind[] = ['mentor', 'training', 'opening', 'housing'];

/**
 * Four participants eligible for two mentors of one place each (positions 0 and 1), with their
 * scores on each. Only what resourceCandidates reads is filled in.
 */
function mentorsRound(scoresOnMentors: [number, number][]) {
  const participants = scoresOnMentors.map(() => ({
    byKind: Object.fromEntries(kinds.map((kind) => [kind, { eligible: kind === 'mentor' ? Int32Array.of(0, 1) : new Int32Array(), refusals: [] }])),
    bridges: new Map(),
  }));
  const scores = scoresOnMentors.map((pair) => Object.fromEntries(kinds.map((kind) => [kind, kind === 'mentor' ? Float64Array.from(pair) : new Float64Array()])) as ParticipantScores);
  return { eligibility: { participants } as unknown as PoolEligibility, scores, room: Float64Array.of(1, 1) };
}

// Ana and Ben score mentor A highest, but mentor B higher still; Chloé and Driss have only A.
const { eligibility, scores, room } = mentorsRound([[0.9, 0.95], [0.8, 0.9], [0.5, 0.1], [0.4, 0.1]]);
const onA = (picks: Set<number>[]) => picks.flatMap((positions, p) => (positions.has(0) ? [['Ana', 'Ben', 'Chloé', 'Driss'][p]] : []));

describe('each resource\'s own best candidates', () => {
  it('are, by score, the participants who score it highest: two per place', () => {
    expect(onA(resourceCandidates(eligibility, scores, room, () => 1))).toEqual(['Ana', 'Ben']);
  });

  it('are, at the resources\' prices, those for whom it is the best buy, not those who would rather have another', () => {
    // At a price of 0.1 on both, Ana gains 0.85 with B against 0.8 with A, Ben 0.8 against 0.7:
    // A is worth less to them than their best; to Chloé and Driss it is their best.
    const picks = resourceCandidates(eligibility, scores, room, () => 1, Float64Array.of(0.1, 0.1));
    expect(onA(picks)).toEqual(['Chloé', 'Driss']);
    expect(picks[0]!.has(1) && picks[1]!.has(1)).toBe(true);
  });

  it('charge a housing unit\'s price once per member of the household', () => {
    // Five households score unit 0 at 0.6 and unit 1 at 0.5; unit 0 has 2 places (so keeps
    // 4) and costs 0.1 a person, unit 1 nothing. To the couple, listed first, unit 0 is worth
    // 0.4 against 0.5 for unit 1; to each single 0.5, as much as their best.
    const participants = [2, 1, 1, 1, 1].map(() => ({
      byKind: Object.fromEntries(kinds.map((kind) => [kind, { eligible: kind === 'housing' ? Int32Array.of(0, 1) : new Int32Array(), refusals: [] }])),
      bridges: new Map(),
    }));
    const housingScores = participants.map(() => Object.fromEntries(kinds.map((kind) => [kind, kind === 'housing' ? Float64Array.of(0.6, 0.5) : new Float64Array()])) as ParticipantScores);
    const sizes = [2, 1, 1, 1, 1];
    const picks = resourceCandidates({ participants } as unknown as PoolEligibility, housingScores, Float64Array.of(2, 10), (p) => sizes[p]!, Float64Array.of(0.1, 0));
    expect(picks.map((positions) => positions.has(0))).toEqual([false, true, true, true, true]);
  });
});
