import { describe, it, expect } from 'vitest';
import { evaluatePool } from '../../src/eligibility/evaluate.js';
import { scorerForPolicy } from '../../src/outcomes/model-scorer.js';
import { roomByPosition } from '../../src/round/build-problem.js';
import { residualCandidates } from '../../src/round/residual-candidates.js';
import { scoreEligible } from '../../src/round/score-eligible.js';
import { pool as poolOf } from './support/factories.js';

/**
 * Two regions, a mentor with 3 places in Occitanie and one with 1 place in Bretagne, an
 * opening of one seat in each. Ben is willing to move to Bretagne.
 */
function round() {
  const adult = { adults: 1, children: 0, isolated: true };
  const person = (id: string, fields: object = {}) => ({
    id, birthYear: 1995, gender: 'female', legalStatus: 'refugee', statusSince: '2024-01-01', homeRegion: 'Occitanie',
    household: adult, availableFrom: '2026-01-01', waitingSince: '2025-07-01', sectorWishes: ['G'], ...fields,
  });
  const pool = poolOf({
    participants: [person('ana'), person('ben', { relocation: { willing: true, regions: ['Bretagne'] } }), person('chloe'), person('driss')],
    mentors: [
      { id: 'mentor-occitanie', kind: 'volunteer', region: 'Occitanie', caseloadCap: 3, gender: 'female', availableFrom: '2025-12-01' },
      { id: 'mentor-bretagne', kind: 'volunteer', region: 'Bretagne', caseloadCap: 1, gender: 'female', availableFrom: '2025-12-01' },
    ],
    openings: ['Occitanie', 'Bretagne'].map((region) => ({
      id: `opening-${region.toLowerCase()}`, employerId: 'e1', title: 'Kitchen assistant', sector: 'G', region, seats: 1, contractType: 'alternance', startDate: '2026-03-01',
    })),
  } as never);
  const eligibility = evaluatePool(pool);
  const scores = scoreEligible(pool, eligibility, scorerForPolicy(pool.policy));
  const offered = (plan: { participant: string; resource: string }[]) => {
    const picks = residualCandidates(pool, eligibility, scores, roomByPosition(eligibility), plan);
    return Object.fromEntries(pool.participants.map((p, i) => [p.id, [...picks[i]!].map((at) => eligibility.index.resources[at]!.item.id).sort()]));
  };
  return { eligibility, offered };
}

describe('candidates for the places a plan leaves', () => {
  const { offered } = round();

  it('offer a resource with room to those who lack its kind, where the plan has them live', () => {
    const plan = [
      { participant: 'ana', resource: 'opening-occitanie' },
      { participant: 'ben', resource: 'opening-bretagne' },
      { participant: 'chloe', resource: 'mentor-occitanie' },
    ];
    expect(offered(plan)).toEqual({
      // Ana works in Occitanie: its mentor has 2 places left; Bretagne's is not where she lives.
      ana: ['mentor-occitanie'],
      // Ben moves to Bretagne for his opening: its mentor, not the one at home.
      ben: ['mentor-bretagne'],
      // Chloé has a mentor, and both openings are full.
      chloe: [],
      // Driss has nothing yet: whatever has room and he is eligible for.
      driss: ['mentor-occitanie'],
    });
  });

  it('offer nothing of a resource the plan fills', () => {
    const plan = [
      { participant: 'ben', resource: 'mentor-bretagne' },
      { participant: 'ana', resource: 'mentor-occitanie' },
      { participant: 'chloe', resource: 'mentor-occitanie' },
      { participant: 'driss', resource: 'mentor-occitanie' },
    ];
    expect(offered(plan)).toEqual({ ana: ['opening-occitanie'], ben: ['opening-bretagne'], chloe: ['opening-occitanie'], driss: ['opening-occitanie'] });
  });

  it('offer nothing without a plan: every place is left, and each resource\'s own best stand for it', () => {
    expect(offered([])).toEqual({ ana: [], ben: [], chloe: [], driss: [] });
  });
});
