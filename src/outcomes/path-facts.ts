import type { ResourceKind } from '../../solver/problem.js';
import type { PlacementFacts } from './feature-set.js';

/**
 * How a participant's path is judged: by its main placement, an opening, else a training
 * session, else a mentor, with a mentor beside it or not (the history records one placement
 * per record, with that flag). Housing has no outcome of its own: it makes a move possible,
 * and the move's effect is in the main placement's probability.
 */
export const mainKindOrder: readonly ResourceKind[] = ['opening', 'training', 'mentor'];

/**
 * The fallback b every lift of a main placement is measured against: a mentor path in the
 * region of that placement (home for a placement bound to no region), with no claim to know
 * the sector the participant wishes: what nearly everyone can be given there. The placement's
 * region, because region-bound resources follow the participant (docs/solver.md): the mentor
 * beside an opening in Bretagne is a mentor in Bretagne, so b is what that mentor scores
 * when its sector does not match the wish, and a mentor plus the opening then add up exactly
 * to the opening path's probability (see liftOf).
 */
export function mentorPathBeside(facts: PlacementFacts): PlacementFacts {
  return {
    age: facts.age, educationLevel: facts.educationLevel, cefrLevel: facts.cefrLevel,
    statusMonths: facts.statusMonths, waitingDays: facts.waitingDays, childcareNeed: facts.childcareNeed,
    barrierCount: facts.barrierCount, sectorWish: facts.sectorWish, homeRegion: facts.homeRegion,
    resourceKind: 'mentor', region: facts.region ?? facts.homeRegion,
    childcareProvided: false, withMentor: true,
  };
}

/** A pair as the main placement of a path: an opening or a training session comes with a mentor. */
export function asMainPlacement(facts: PlacementFacts): PlacementFacts {
  const mentored = facts.resourceKind === 'opening' || facts.resourceKind === 'training';
  return mentored ? { ...facts, withMentor: true } : facts;
}

/**
 * What a pair adds to the chance that its participant is in work, p being the pair's
 * predicted probability as a main placement (with a mentor) and b that of mentorPathBeside:
 *   mentor: p;   training session, opening: p − b;   housing: 0.
 * The solver adds these up, and the evaluation judges a path by P(work | main placement, with
 * or without a mentor) (gain.ts). The two agree exactly for a mentor alone, and for a mentor m
 * beside one main placement o when m's facts are b's (m in o's region, or remote beside a
 * placement at home, and not in the wished sector): p_m + p_o − b = p_o. Otherwise the
 * objective differs from the judge by p_m − b (a mentor in the wished sector: its sectorMatch
 * bonus, which the history does not credit beside an opening), by p(o, mentor) − b − p(o, no
 * mentor) for a main placement without a mentor, and by the second lift for two main placements.
 * An additive objective cannot be exact in every case: docs/outcomes.md §3 lists them.
 */
export function liftOf(kind: ResourceKind, p: number, fallback: number): number {
  switch (kind) {
    case 'mentor': return p;
    case 'training':
    case 'opening': return p - fallback;
    case 'housing': return 0;
  }
}
