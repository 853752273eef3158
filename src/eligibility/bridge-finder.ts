import type { Opening } from '../domain/opening.js';
import type { Participant } from '../domain/participant.js';
import type { PoolResource } from '../scoring/scorer.js';
import type { EligibilityContext } from './types.js';
import { KeyNumbers } from '../common/key-numbers.js';
import { bridgesTo, openingMinCefr } from './language-rules.js';

/**
 * One participant's eligible trainings that bridge to an opening. Openings that name no
 * bridges share one list per requirement (language, minimum level): a national pool has
 * hundreds of openings above a participant's level, and they all point to the same few sessions.
 */
export class BridgeFinder {
  private trainings: Int32Array = new Int32Array(0);
  private byRequirement: (number[] | undefined)[] = [];

  /** `requirement`: by position, the opening's language requirement (languageRequirements). */
  constructor(private readonly resources: readonly PoolResource[], private readonly requirement: Int32Array) {}

  from(eligibleTrainings: Int32Array): this {
    if (eligibleTrainings !== this.trainings) {
      this.trainings = eligibleTrainings;
      this.byRequirement = [];
    }
    return this;
  }

  through(opening: Opening, position: number): number[] {
    const requirement = this.requirement[position]!;
    if (requirement < 0) return this.matching(opening);
    return this.byRequirement[requirement] ??= this.matching(opening);
  }

  private matching(opening: Opening): number[] {
    const through: number[] = [];
    for (const t of this.trainings) {
      const training = this.resources[t]!;
      if (training.kind === 'training' && bridgesTo(training.item, opening)) through.push(t);
    }
    return through;
  }
}

/**
 * By position, the number of an opening's language requirement among the pool's, shared by
 * the openings that ask the same language at the same level and name no bridges; −1 otherwise.
 */
export function languageRequirements(resources: readonly PoolResource[]): Int32Array {
  const numbers = new KeyNumbers();
  return Int32Array.from(resources, (resource) =>
    (resource.kind !== 'opening' || resource.item.bridgeTrainings ? -1 : numbers.of(`${resource.item.language}|${resource.item.minCefr}`)));
}

/**
 * The eligible trainings that lift the participant to the opening's minimum level: null when
 * the participant meets it already, empty when nothing bridges the gap (openingMinCefr refuses).
 */
export function bridgesOver(
  participant: Participant, resource: PoolResource, context: EligibilityContext, bridging: BridgeFinder, position: number,
): number[] | null {
  if (resource.kind !== 'opening' || !openingMinCefr.refuses(participant, resource, context)) return null;
  return bridging.through(resource.item, position);
}
