import type { Participant } from '../domain/participant.js';
import type { Pool } from '../domain/pool.js';
import { KeyNumbers } from '../common/key-numbers.js';
import type { PoolResource } from './scorer.js';
import { needsChildcare, resourceTerms, sectorWishWeight, spokenLevels, trainingShortageOf, waitingFeature } from './features.js';

/**
 * The features of a pair, read from two small encodings: each resource as lists of term ids,
 * each participant as one row of weights over the same terms. A pair's feature is then a sum
 * over the resource's few terms. Pool resources use a few dozen terms (the national pool: 8
 * sectors, 32 skills, 7 languages), a resource two to six of them: dense products over blocks of
 * participants × resources (ml-matrix, until stop 9) spent 3.4 s and most of the garbage
 * collector's time on the national round's 6.2 million pairs.
 */

/** Term → id, one list per term kind. */
class Vocabulary {
  readonly sectors = new Map<string, number>();
  readonly skills = new Map<string, number>();
  readonly languages = new Map<string, number>();
}

/** The ids of `terms`, each once: the features count a term the resource lists twice once. */
function idsOf(terms: readonly string[], vocab: Map<string, number>): Int32Array {
  const ids = new Set<number>();
  for (const term of terms) {
    let id = vocab.get(term);
    if (id === undefined) vocab.set(term, (id = vocab.size));
    ids.add(id);
  }
  return Int32Array.from(ids);
}

interface ResourceCode {
  sectors: Int32Array;
  skills: Int32Array;
  /** 1/√(number of skills listed): the resource's side of the skills cosine. */
  skillWeight: number;
  languages: Int32Array;
  /** The required language's id and rank; -1 without a requirement. */
  required: number;
  requiredRank: number;
  shortage: number;
  childcare: number;
}

function encodeResource(resource: PoolResource, vocab: Vocabulary, shortage: ReturnType<typeof trainingShortageOf>): ResourceCode {
  const terms = resourceTerms(resource, shortage);
  const required = terms.requirement ? idsOf([terms.requirement.language], vocab.languages)[0]! : -1;
  return {
    sectors: idsOf(terms.sectors, vocab.sectors),
    skills: idsOf(terms.skills, vocab.skills),
    skillWeight: terms.skills.length > 0 ? 1 / Math.sqrt(terms.skills.length) : 1,
    languages: idsOf(terms.languages, vocab.languages),
    required,
    requiredRank: terms.requirement?.rank ?? 0,
    shortage: terms.shortage,
    childcare: terms.childcare,
  };
}

/** A participant's weights over the vocabulary: sector wish, skill (1/√n), CEFR rank; then childcare need and waiting. */
interface ParticipantCode {
  sectors: Float64Array;
  skills: Float64Array;
  levels: Float64Array;
  childcare: number;
  waiting: number;
}

function encodeParticipant(participant: Participant, vocab: Vocabulary, referenceDate: string): ParticipantCode {
  const sectors = new Float64Array(vocab.sectors.size);
  for (const [term, id] of vocab.sectors) sectors[id] = sectorWishWeight(participant, term);
  const skills = new Float64Array(vocab.skills.size);
  for (const skill of participant.skills) {
    const id = vocab.skills.get(skill);
    if (id !== undefined) skills[id] = 1 / Math.sqrt(participant.skills.length);
  }
  const levels = new Float64Array(vocab.languages.size);
  for (const [language, rank] of spokenLevels(participant)) {
    const id = vocab.languages.get(language);
    if (id !== undefined) levels[id] = rank;
  }
  return { sectors, skills, levels, childcare: needsChildcare(participant), waiting: waitingFeature(participant, referenceDate) };
}

/** Every field a pair's features read of the resource. */
function codeKey(code: ResourceCode): string {
  const { sectors, skills, skillWeight, languages, required, requiredRank, shortage, childcare } = code;
  return JSON.stringify([[...sectors], [...skills], skillWeight, [...languages], required, requiredRank, shortage, childcare]);
}

const clamp01 = (v: number): number => (v < 0 ? 0 : v > 1 ? 1 : v);

/**
 * The seven features of one pair, in the order of `featureNames`, written at `out[offset…]`:
 *  sector     = min(1, Σ over the resource's sectors of the participant's wish weight 1/(k+1))
 *  skills     = the cosine of the two skill sets
 *  language   = 1 when the participant speaks (above A0) one of the resource's languages
 *  cefrMargin = clamp((rank in the required language − required rank) / 6)
 *  shortage, childcare (need × offer), waiting.
 */
export function writePairFeatures(p: ParticipantCode, r: ResourceCode, out: Float64Array, offset: number): void {
  let sector = 0;
  for (let i = 0; i < r.sectors.length; i += 1) sector += p.sectors[r.sectors[i]!]!;
  let skills = 0;
  for (let i = 0; i < r.skills.length; i += 1) skills += p.skills[r.skills[i]!]! * r.skillWeight;
  let language = 0;
  for (let i = 0; i < r.languages.length; i += 1) if (p.levels[r.languages[i]!]! > 0) language += 1;
  out[offset] = clamp01(sector);
  out[offset + 1] = skills;
  out[offset + 2] = clamp01(language);
  out[offset + 3] = r.required < 0 ? 0 : clamp01(p.levels[r.required]! / 6 - r.requiredRank / 6);
  out[offset + 4] = r.shortage;
  out[offset + 5] = p.childcare * r.childcare;
  out[offset + 6] = p.waiting;
}

/**
 * Encodings of a pool's participants and resources for one scoring call. Resources are encoded
 * at once (the vocabulary is theirs: a participant's term that no resource uses adds nothing),
 * participants when first met.
 */
export class PairEncoder {
  private readonly vocab = new Vocabulary();
  private readonly resourceCodes: ResourceCode[];
  private readonly participantCodes: (ParticipantCode | undefined)[];
  private readonly referenceDate: string;
  /**
   * By resource, the number of its code among the distinct ones: resources with equal codes
   * score alike with every participant. The national pool's 1,129 housing units have 2 codes,
   * its 1,000 mentors 508, 500 sessions 155 and 661 openings 458.
   */
  readonly shapeOf: Int32Array;
  readonly shapes: number;

  constructor(pool: Pool, private readonly participants: readonly Participant[], resources: readonly PoolResource[]) {
    const shortage = trainingShortageOf(pool);
    this.resourceCodes = resources.map((resource) => encodeResource(resource, this.vocab, shortage));
    this.participantCodes = new Array(participants.length);
    this.referenceDate = pool.policy.referenceDate ?? pool.referenceDate;
    const numbers = new KeyNumbers();
    this.shapeOf = Int32Array.from(this.resourceCodes, (code) => numbers.of(codeKey(code)));
    this.shapes = numbers.count;
  }

  resource(r: number): ResourceCode {
    return this.resourceCodes[r]!;
  }

  participant(p: number): ParticipantCode {
    let code = this.participantCodes[p];
    if (!code) this.participantCodes[p] = code = encodeParticipant(this.participants[p]!, this.vocab, this.referenceDate);
    return code;
  }
}
