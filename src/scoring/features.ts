import { cefrRank } from '../domain/common.js';
import type { Participant } from '../domain/participant.js';
import type { Pool } from '../domain/pool.js';
import type { PoolResource } from './scorer.js';

/** The score's features, in the order of the feature matrices; names match `ScoreWeights`. */
export const featureNames = ['sector', 'skills', 'language', 'cefrMargin', 'shortage', 'childcare', 'waiting'] as const;
export type FeatureName = (typeof featureNames)[number];

/** Waiting time saturates after two years: the feature is min(1, days / 730). */
export const waitingHorizonDays = 730;

/** What a resource offers, in the vocabulary the participant side is written in. */
export interface ResourceTerms {
  sectors: readonly string[];
  skills: readonly string[];
  languages: readonly string[];
  /** Language and CEFR rank the resource requires at least; absent: no requirement. */
  requirement?: { language: string; rank: number };
  shortage: number;
  childcare: number;
}

export function resourceTerms(resource: PoolResource, trainingShortage: (sector: string | undefined, region: string | undefined) => number): ResourceTerms {
  switch (resource.kind) {
    case 'mentor': {
      const m = resource.item;
      return { sectors: m.sectors, skills: [], languages: m.languages, shortage: 0, childcare: 0 };
    }
    case 'training': {
      const t = resource.item;
      return {
        sectors: t.sector ? [t.sector] : [], skills: t.skills, languages: [t.language],
        requirement: { language: t.language, rank: cefrRank(t.cefrEntry.min) },
        shortage: trainingShortage(t.sector, t.region), childcare: t.childcareProvided ? 1 : 0,
      };
    }
    case 'opening': {
      const o = resource.item;
      return {
        sectors: [o.sector], skills: o.skills, languages: [o.language],
        requirement: { language: o.language, rank: cefrRank(o.minCefr) },
        shortage: o.shortageIndex, childcare: 0,
      };
    }
    case 'housing':
      return { sectors: [], skills: [], languages: [], shortage: 0, childcare: resource.item.suitableForChildren ? 1 : 0 };
  }
}

/** A session leads into a shortage sector as much as the open openings of its sector (and region) say. */
export function trainingShortageOf(pool: Pool): (sector: string | undefined, region: string | undefined) => number {
  const best = new Map<string, number>();
  for (const o of pool.openings) {
    if (o.status !== 'open') continue;
    for (const key of [`${o.sector}|${o.region}`, `${o.sector}|`]) best.set(key, Math.max(best.get(key) ?? 0, o.shortageIndex));
  }
  return (sector, region) => (sector ? best.get(`${sector}|${region ?? ''}`) ?? 0 : 0);
}

/** Rank-weighted sector wishes: the k-th wish (from 0) weighs 1 / (k + 1). */
export function sectorWishWeight(participant: Participant, sector: string): number {
  const rank = participant.sectorWishes.indexOf(sector);
  return rank < 0 ? 0 : 1 / (rank + 1);
}

export function needsChildcare(participant: Participant): number {
  return participant.childcareNeed || participant.barriers.includes('childcare') ? 1 : 0;
}

export function waitingFeature(participant: Participant, referenceDate: string): number {
  const days = Math.max(0, (Date.parse(referenceDate) - Date.parse(participant.waitingSince)) / 86_400_000);
  return Math.min(1, Math.floor(days) / waitingHorizonDays);
}

/** Languages a participant speaks (above A0), with their CEFR ranks. */
export function spokenLevels(participant: Participant): Map<string, number> {
  const levels = new Map<string, number>();
  for (const skill of participant.languages) levels.set(skill.language, cefrRank(skill.level));
  return levels;
}
