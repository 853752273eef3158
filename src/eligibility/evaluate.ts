import type { ResourceKind } from '../../solver/problem.js';
import type { Opening } from '../domain/opening.js';
import type { Participant } from '../domain/participant.js';
import type { Pool } from '../domain/pool.js';
import type { PoolResource } from '../scoring/scorer.js';
import type { EligibilityContext, PairRule } from './types.js';
import { eligibilityContext } from './facts.js';
import { bridgesTo, openingMinCefr } from './language-rules.js';
import { relocation } from './location-rules.js';
import { indexPool, type KindIndex, type PoolIndex } from './pool-index.js';
import { RefusalTally, type RuleTally } from './refusal-tally.js';
import { candidateRules, firstRefusingRule } from './rules.js';

/** Trainings come before openings: bridges need the participant's eligible language trainings. */
const kindOrder: readonly ResourceKind[] = ['mentor', 'training', 'housing', 'opening'];
const noTrainings = new Int32Array(0);

export interface KindEligibility {
  /**
   * Positions in `PoolIndex.resources` of the eligible resources. Typed: a national pool holds
   * 6.2 million of them until the round is explained (88 MiB as arrays of numbers, 25 MiB so).
   */
  eligible: Int32Array;
  refusals: RuleTally[];
}

export interface ParticipantEligibility {
  byKind: Record<ResourceKind, KindEligibility>;
  /** Openings reachable only through a language training: opening position → training positions. */
  bridges: Map<number, number[]>;
}

export interface PoolEligibility {
  index: PoolIndex;
  referenceDate: string;
  participants: ParticipantEligibility[];
}

/** The date a round counts to: the policy's, when set, else the pool's. */
export function roundReferenceDate(pool: Pool): string {
  return pool.policy.referenceDate ?? pool.referenceDate;
}

export function evaluatePool(pool: Pool): PoolEligibility {
  const index = indexPool(pool);
  const referenceDate = roundReferenceDate(pool);
  const rules = rulesByResource(index);
  const participants = pool.participants.map((participant) =>
    evaluateParticipant(participant, index, eligibilityContext(participant, referenceDate, index.regions), rules));
  return { index, referenceDate, participants };
}

/** The candidate rules that can refuse each resource, in their order, by position. */
function rulesByResource(index: PoolIndex): PairRule[][] {
  return index.resources.map((resource) => candidateRules.filter((rule) => rule.appliesTo(resource)));
}

export function evaluateParticipant(
  participant: Participant, index: PoolIndex, context: EligibilityContext, rules: readonly PairRule[][],
): ParticipantEligibility {
  const byKind = {} as Record<ResourceKind, KindEligibility>;
  const bridges = new Map<number, number[]>();
  const bridging = new BridgeFinder(index);
  let trainings: Int32Array = noTrainings;
  for (const kind of kindOrder) {
    const tally = new RefusalTally();
    const candidates = regionCandidates(index.kinds[kind], context, participant, index, tally);
    const eligible = new Int32Array(candidates.length);
    let count = 0;
    for (const position of candidates) {
      const resource = index.resources[position]!;
      const rule = firstRefusingRule(rules[position]!, participant, resource, context)
        ?? languageGap(participant, resource, context, bridging.from(trainings), bridges, position);
      if (!rule) eligible[count++] = position;
      else if (tally.wantsExample(rule.rule)) tally.add(resource.item.id, rule(participant, resource, context)!);
      else tally.addCount(rule.rule, 1);
    }
    byKind[kind] = { eligible: eligible.slice(0, count), refusals: tally.summary() };
    if (kind === 'training') trainings = byKind[kind].eligible;
  }
  return { byKind, bridges };
}

/**
 * Resources in the regions the participant accepts, plus unbound ones. Resources
 * elsewhere are refused by the relocation rule in bulk: counted, with a few examples.
 */
function regionCandidates(
  kind: KindIndex, context: EligibilityContext, participant: Participant, index: PoolIndex, tally: RefusalTally,
): number[] {
  const accepted = context.facts.acceptedRegions;
  if (!accepted) return [...kind.unbound, ...[...kind.byRegion.values()].flat()];
  const candidates = [...kind.unbound];
  for (const [region, list] of kind.byRegion) {
    if (accepted.has(region)) {
      for (const position of list) candidates.push(position);
      continue;
    }
    for (const position of list) {
      const resource = index.resources[position]!;
      const reason = relocation(participant, resource, context)!;
      tally.add(resource.item.id, reason);
      if (list.length > 1) {
        tally.addCount(reason.rule, list.length - 1);
        break;
      }
    }
  }
  return candidates;
}

/**
 * One participant's eligible trainings that bridge to an opening. Openings that name no
 * bridges share one list per (language, minimum level): a national pool has hundreds of
 * openings above a participant's level, and they all point to the same few sessions.
 */
class BridgeFinder {
  private trainings: Int32Array = new Int32Array(0);
  private readonly byRequirement = new Map<string, number[]>();

  constructor(private readonly index: PoolIndex) {}

  from(eligibleTrainings: Int32Array): this {
    if (eligibleTrainings !== this.trainings) {
      this.trainings = eligibleTrainings;
      this.byRequirement.clear();
    }
    return this;
  }

  through(opening: Opening): number[] {
    if (opening.bridgeTrainings) return this.matching(opening);
    const key = `${opening.language}|${opening.minCefr}`;
    let list = this.byRequirement.get(key);
    if (!list) {
      list = this.matching(opening);
      this.byRequirement.set(key, list);
    }
    return list;
  }

  private matching(opening: Opening): number[] {
    const through: number[] = [];
    for (const t of this.trainings) {
      const training = this.index.resources[t]!;
      if (training.kind === 'training' && bridgesTo(training.item, opening)) through.push(t);
    }
    return through;
  }
}

/** The opening's minimum level, unless eligible language trainings bridge the gap. */
function languageGap(
  participant: Participant, resource: PoolResource, context: EligibilityContext,
  bridging: BridgeFinder, bridges: Map<number, number[]>, position: number,
): PairRule | null {
  if (resource.kind !== 'opening' || !openingMinCefr.refuses(participant, resource, context)) return null;
  const through = bridging.through(resource.item);
  if (through.length === 0) return openingMinCefr;
  bridges.set(position, through);
  return null;
}
