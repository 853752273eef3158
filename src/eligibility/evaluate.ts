import type { ResourceKind } from '../../solver/problem.js';
import type { Participant } from '../domain/participant.js';
import type { Pool } from '../domain/pool.js';
import type { EligibilityContext, PairRule } from './types.js';
import { availability, dayNumber, resourceOpen, startsOnItsOwnDate, unavailable } from './date-rules.js';
import { dateTable, type DateTable } from './date-table.js';
import { eligibilityContext } from './facts.js';
import { BridgeFinder, bridgesOver, languageRequirements } from './bridge-finder.js';
import { openingMinCefr } from './language-rules.js';
import { relocation } from './location-rules.js';
import { indexPool, type PoolIndex } from './pool-index.js';
import { RefusalTally, type RuleTally } from './refusal-tally.js';
import { resourceClasses } from './resource-classes.js';
import { firstRefusingRule, pairRules } from './rules.js';
import { VerdictCache } from './verdict-cache.js';

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

/** What judging any participant of the pool reads: the index, the date table and each resource's pair rules. */
export interface PoolJudge {
  index: PoolIndex;
  dates: DateTable;
  /** The pair rules that can refuse each resource, in their order, by position. */
  rules: PairRule[][];
  /**
   * One working array per kind, as long as the kind has resources, that each participant's
   * eligible positions are gathered in before they are copied out at their length: a national
   * pool would otherwise allocate 40,000 of them. Participants are judged one after the other.
   */
  gathered: Record<ResourceKind, Int32Array>;
  /** By position, the opening's language requirement (see languageRequirements). */
  requirement: Int32Array;
  /** The current participant's verdicts by resource class. */
  verdicts: VerdictCache;
}

/** The date a round counts to: the policy's, when set, else the pool's. */
export function roundReferenceDate(pool: Pool): string {
  return pool.policy.referenceDate ?? pool.referenceDate;
}

function poolJudge(index: PoolIndex, referenceDate: string): PoolJudge {
  const rules = index.resources.map((resource) => pairRules.filter((rule) => rule.appliesTo(resource)));
  const gathered = {} as Record<ResourceKind, Int32Array>;
  for (const kind of kindOrder) gathered[kind] = new Int32Array(index.kinds[kind].total);
  const classes = resourceClasses(index.resources, rules);
  return {
    index, dates: dateTable(index.resources, dayNumber(referenceDate)), rules, gathered,
    requirement: languageRequirements(index.resources), verdicts: new VerdictCache(classes.classOf, classes.count),
  };
}

export function evaluatePool(pool: Pool): PoolEligibility {
  const index = indexPool(pool);
  const referenceDate = roundReferenceDate(pool);
  const judge = poolJudge(index, referenceDate);
  const participants = pool.participants.map((participant) =>
    evaluateParticipant(participant, judge, eligibilityContext(participant, referenceDate, index.regions)));
  return { index, referenceDate, participants };
}

export function evaluateParticipant(participant: Participant, judge: PoolJudge, context: EligibilityContext): ParticipantEligibility {
  const byKind = {} as Record<ResourceKind, KindEligibility>;
  const bridges = new Map<number, number[]>();
  const bridging = new BridgeFinder(judge.index.resources, judge.requirement);
  let trainings: Int32Array = noTrainings;
  judge.verdicts.nextParticipant();
  for (const kind of kindOrder) {
    const kindJudge = new KindJudge(kind, participant, context, judge, bridging.from(trainings), bridges);
    byKind[kind] = kindJudge.run();
    if (kind === 'training') trainings = byKind[kind].eligible;
  }
  return { byKind, bridges };
}

/**
 * One participant and one kind of resource. Resources in regions the participant does not
 * accept are refused by the relocation rule in bulk: counted, with a few examples. The others
 * (and unbound ones) are judged one by one: the date rules from the table, then the pair rules.
 */
class KindJudge {
  private readonly tally = new RefusalTally();
  private readonly eligible: Int32Array;
  private count = 0;
  private readonly startsOwn: boolean;

  constructor(
    private readonly kind: ResourceKind, private readonly participant: Participant, private readonly context: EligibilityContext,
    private readonly judge: PoolJudge, private readonly bridging: BridgeFinder, private readonly bridges: Map<number, number[]>,
  ) {
    this.eligible = judge.gathered[kind];
    this.startsOwn = startsOnItsOwnDate(kind);
  }

  run(): KindEligibility {
    const kind = this.judge.index.kinds[this.kind];
    const accepted = this.context.facts.acceptedRegions;
    this.judgeAll(kind.unbound);
    for (const [region, list] of kind.byRegion) {
      if (!accepted || accepted.has(region)) this.judgeAll(list);
      else this.refuseRegion(list);
    }
    return { eligible: this.eligible.slice(0, this.count), refusals: this.tally.summary() };
  }

  private judgeAll(positions: readonly number[]): void {
    const { closed, day } = this.judge.dates;
    const facts = this.context.facts;
    for (const position of positions) {
      if (closed[position] === 1) this.refuse(resourceOpen, position);
      else if (unavailable(this.startsOwn, day[position]!, facts)) this.refuse(availability, position);
      else this.judgePair(position);
    }
  }

  /** The date rules have passed; the rest of the verdict is the resource class's. */
  private judgePair(position: number): void {
    const verdicts = this.judge.verdicts;
    if (!verdicts.known(position)) this.judgeClass(position);
    const refusedBy = verdicts.refusedBy(position);
    if (refusedBy) return this.refuse(refusedBy, position);
    const through = verdicts.through(position);
    if (through) this.bridges.set(position, through);
    this.eligible[this.count++] = position;
  }

  private judgeClass(position: number): void {
    const resource = this.judge.index.resources[position]!;
    const rule = firstRefusingRule(this.judge.rules[position]!, this.participant, resource, this.context);
    const through = rule || this.kind !== 'opening' ? null : bridgesOver(this.participant, resource, this.context, this.bridging, position);
    if (through?.length === 0) this.judge.verdicts.store(position, openingMinCefr, null);
    else this.judge.verdicts.store(position, rule, through);
  }

  /** Words only for the few refusals kept as examples. */
  private refuse(rule: PairRule, position: number): void {
    if (this.tally.countedWithoutWords(rule.rule, 1)) return;
    const resource = this.judge.index.resources[position]!;
    this.tally.add(resource.item.id, rule(this.participant, resource, this.context)!);
  }

  private refuseRegion(positions: readonly number[]): void {
    if (this.tally.countedWithoutWords(relocation.rule, positions.length)) return;
    const resource = this.judge.index.resources[positions[0]!]!;
    this.tally.add(resource.item.id, relocation(this.participant, resource, this.context)!, positions.length);
  }
}
