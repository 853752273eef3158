import { Matrix } from 'ml-matrix';
import type { Participant } from '../domain/participant.js';
import { needsChildcare, sectorWishWeight, spokenLevels, waitingFeature, type ResourceTerms } from './features.js';

/**
 * A vocabulary: term → column (participant side) or row (resource side). Only terms both
 * sides use: a term on one side alone adds nothing to any product, and a national block
 * would otherwise multiply through dozens of empty columns.
 */
function vocabulary(lists: Iterable<readonly string[]>, otherSide: Iterable<readonly string[]>): Map<string, number> {
  const used = new Set<string>();
  for (const list of otherSide) for (const term of list) used.add(term);
  const vocab = new Map<string, number>();
  for (const list of lists) for (const term of list) if (used.has(term) && !vocab.has(term)) vocab.set(term, vocab.size);
  return vocab;
}

/** Terms × resources incidence matrix; with `unit`, each column scaled to unit length over the resource's whole list. */
function resourceSide(vocab: Map<string, number>, terms: readonly ResourceTerms[], pick: (t: ResourceTerms) => readonly string[], unit = false): Matrix {
  const m = new Matrix(Math.max(1, vocab.size), terms.length);
  terms.forEach((t, j) => {
    const list = pick(t);
    const value = unit && list.length > 0 ? 1 / Math.sqrt(list.length) : 1;
    for (const term of list) {
      const row = vocab.get(term);
      if (row !== undefined) m.set(row, j, value);
    }
  });
  return m;
}

function participantSide(vocab: Map<string, number>, participants: readonly Participant[], value: (p: Participant, term: string) => number): Matrix {
  const m = new Matrix(participants.length, Math.max(1, vocab.size));
  participants.forEach((p, i) => {
    for (const [term, column] of vocab) m.set(i, column, value(p, term));
  });
  return m;
}

function clamp01(m: Matrix, shift?: Float64Array): Matrix {
  for (let i = 0; i < m.rows; i += 1) {
    for (let j = 0; j < m.columns; j += 1) {
      const v = shift ? m.get(i, j) - shift[j]! : m.get(i, j);
      m.set(i, j, v < 0 ? 0 : v > 1 ? 1 : v);
    }
  }
  return m;
}

/**
 * The features of one block of pairs (participants × resources of one kind and region), in
 * the order of `featureNames`. The first four are matrices (participants × resources); the
 * last three are rank one, u·vᵀ, and kept as their two factors: a dense outer product would
 * cost a participants × resources matrix each and say nothing more.
 */
export interface BlockFeatures {
  /** sector, skills, language, cefrMargin: each entry in [0, 1]. */
  dense: [Matrix, Matrix, Matrix, Matrix];
  /** shortage = 1·tᵀ: the resource's shortage index. */
  shortage: Float64Array;
  /** childcare = c_p·c_rᵀ: the participant needs childcare, the resource offers it (0 or 1). */
  childcareNeed: Float64Array;
  childcareOffered: Float64Array;
  /** waiting = w·1ᵀ: the participant's waiting feature. */
  waiting: Float64Array;
}

/** Value of feature `f` (index into `featureNames`) for participant row `i` and resource column `j`. */
export function featureValue(block: BlockFeatures, f: number, i: number, j: number): number {
  switch (f) {
    case 4: return block.shortage[j]!;
    case 5: return block.childcareNeed[i]! * block.childcareOffered[j]!;
    case 6: return block.waiting[i]!;
    default: return block.dense[f as 0 | 1 | 2 | 3].get(i, j);
  }
}

/**
 * The features of one block of pairs:
 *  sector    = min(1, W·S)      W: rank-weighted wishes × sectors, S: sectors × resources
 *  skills    = K̂p·K̂r          rows/columns of unit length: the cosine of the skill sets
 *  language  = min(1, Lp·Lr)    1 when a language is shared
 *  cefrMargin= clamp((Λ·Q − q)/6) Λ: levels × languages, Q: the required language, q: required rank
 *  shortage, childcare, waiting: rank one, a participant vector times a resource vector.
 */
export function blockFeatures(participants: readonly Participant[], terms: readonly ResourceTerms[], referenceDate: string): BlockFeatures {
  const levels = participants.map(spokenLevels);
  const sectors = vocabulary(terms.map((t) => t.sectors), participants.map((p) => p.sectorWishes));
  const skills = vocabulary(terms.map((t) => t.skills), participants.map((p) => p.skills));
  // A language spoken at A0 counts as not spoken in both products that use it.
  const spoken = levels.map((byLanguage) => [...byLanguage].flatMap(([language, rank]) => (rank > 0 ? [language] : [])));
  const languages = vocabulary(terms.map((t) => [...t.languages, ...(t.requirement ? [t.requirement.language] : [])]), spoken);
  const byParticipant = new Map(participants.map((p, i) => [p, i]));
  const level = (p: Participant, term: string) => levels[byParticipant.get(p)!]!.get(term) ?? 0;

  const sector = participantSide(sectors, participants, sectorWishWeight).mmul(resourceSide(sectors, terms, (t) => t.sectors));
  const skill = participantSide(skills, participants, (p, term) => (p.skills.includes(term) ? 1 / Math.sqrt(p.skills.length) : 0))
    .mmul(resourceSide(skills, terms, (t) => t.skills, true));
  const language = participantSide(languages, participants, (p, term) => (level(p, term) > 0 ? 1 : 0))
    .mmul(resourceSide(languages, terms, (t) => t.languages));
  const required = resourceSide(languages, terms, (t) => (t.requirement ? [t.requirement.language] : []));
  // Resources without a requirement get a shift of 7, so that their margin clamps to 0.
  const shift = Float64Array.from(terms, (t) => (t.requirement ? t.requirement.rank : 7));
  const margin = clamp01(participantSide(languages, participants, level).mmul(required).div(6), Float64Array.from(shift, (s) => s / 6));

  return {
    dense: [clamp01(sector), skill, clamp01(language), margin],
    shortage: Float64Array.from(terms, (t) => t.shortage),
    childcareNeed: Float64Array.from(participants, needsChildcare),
    childcareOffered: Float64Array.from(terms, (t) => t.childcare),
    waiting: Float64Array.from(participants, (p) => waitingFeature(p, referenceDate)),
  };
}
