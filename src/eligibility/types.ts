import type { CefrLevel } from '../domain/common.js';
import type { Participant } from '../domain/participant.js';
import type { PoolResource } from '../scoring/scorer.js';

/** Why a rule refused a pair, in words a coordinator understands. */
export interface EligibilityReason {
  rule: string;
  message: string;
}

/** What the rules need to know about one participant, computed once per round. */
export interface ParticipantFacts {
  age: number;
  /** Whole months since the legal status (or the asylum claim) began. */
  statusMonths: number;
  /** CEFR rank (A0 = 0 … C2 = 6) by language code. */
  levels: ReadonlyMap<string, number>;
  /** Regions the participant accepts to live in; null when there is no home region. */
  acceptedRegions: ReadonlySet<string> | null;
  /** First day the participant can start: the later of availableFrom and the reference date. */
  startDate: string;
  /** Latest availability date of a mentor or housing unit that can still follow this participant. */
  latestResourceStart: string;
}

export interface EligibilityContext {
  referenceDate: string;
  facts: ParticipantFacts;
}

/** One eligibility rule: null when the pair passes, a reason when it refuses. */
export type PairRule = (participant: Participant, resource: PoolResource, context: EligibilityContext) => EligibilityReason | null;

export type { CefrLevel };
