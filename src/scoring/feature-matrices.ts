import { Matrix } from 'ml-matrix';
import type { Participant } from '../domain/participant.js';
import { needsChildcare, sectorWishWeight, spokenLevels, waitingFeature, type ResourceTerms } from './features.js';

/** A vocabulary: term → column (participant side) or row (resource side). */
function vocabulary(lists: Iterable<readonly string[]>): Map<string, number> {
  const vocab = new Map<string, number>();
  for (const list of lists) for (const term of list) if (!vocab.has(term)) vocab.set(term, vocab.size);
  return vocab;
}

/** Terms × resources incidence matrix, each column scaled by `scale(column)`. */
function resourceSide(vocab: Map<string, number>, terms: readonly ResourceTerms[], pick: (t: ResourceTerms) => readonly string[], unit = false): Matrix {
  const m = new Matrix(Math.max(1, vocab.size), terms.length);
  terms.forEach((t, j) => {
    const list = pick(t);
    const value = unit && list.length > 0 ? 1 / Math.sqrt(list.length) : 1;
    for (const term of list) m.set(vocab.get(term)!, j, value);
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

/** Column vector u (n × 1) times row vector v (1 × m): the outer product u·vᵀ. */
function outer(u: number[], v: number[]): Matrix {
  return Matrix.columnVector(u).mmul(Matrix.rowVector(v));
}

/**
 * The seven feature matrices (participants × resources, each entry in [0, 1]) of one
 * block of pairs, in the order of `featureNames`:
 *  sector    = min(1, W·S)      W: rank-weighted wishes × sectors, S: sectors × resources
 *  skills    = K̂p·K̂r          rows/columns of unit length: the cosine of the skill sets
 *  language  = min(1, Lp·Lr)    1 when a language is shared
 *  cefrMargin= clamp((Λ·Q − q)/6) Λ: levels × languages, Q: the required language, q: required rank
 *  shortage, childcare, waiting: outer products of a participant and a resource vector.
 */
export function featureMatrices(participants: readonly Participant[], terms: readonly ResourceTerms[], referenceDate: string): Matrix[] {
  const sectors = vocabulary(terms.map((t) => t.sectors));
  const skills = vocabulary(terms.map((t) => t.skills));
  const languages = vocabulary(terms.map((t) => [...t.languages, ...(t.requirement ? [t.requirement.language] : [])]));
  const levels = participants.map(spokenLevels);
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

  return [
    clamp01(sector),
    skill,
    clamp01(language),
    margin,
    outer(participants.map(() => 1), terms.map((t) => t.shortage)),
    outer(participants.map(needsChildcare), terms.map((t) => t.childcare)),
    outer(participants.map((p) => waitingFeature(p, referenceDate)), terms.map(() => 1)),
  ];
}
