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
 * The fallback every lift is measured against: a mentor in the home region, with no claim to
 * know the sector the participant wishes: what nearly everyone can be given.
 */
export function mentorPathAtHome(facts: PlacementFacts): PlacementFacts {
  return {
    age: facts.age, educationLevel: facts.educationLevel, cefrLevel: facts.cefrLevel,
    statusMonths: facts.statusMonths, waitingDays: facts.waitingDays, childcareNeed: facts.childcareNeed,
    barrierCount: facts.barrierCount, sectorWish: facts.sectorWish, homeRegion: facts.homeRegion,
    resourceKind: 'mentor', region: facts.homeRegion,
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
 * predicted probability as a main placement and b that of the fallback:
 *   mentor: p;   training session, opening: p − b;   housing: 0.
 * A mentor and an opening then add up to p(opening path), the value the evaluation
 * credits, and a second main placement adds only its lift over the fallback, not a
 * second probability: the optimiser spreads placements instead of stacking them.
 */
export function liftOf(kind: ResourceKind, p: number, fallback: number): number {
  switch (kind) {
    case 'mentor': return p;
    case 'training':
    case 'opening': return p - fallback;
    case 'housing': return 0;
  }
}
