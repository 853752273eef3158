import { cefrLevels, type CefrLevel } from '../domain/common.js';
import type { Participant } from '../domain/participant.js';
import type { Pool } from '../domain/pool.js';
import { ageOn, daysBetween, monthsBetween } from '../eligibility/facts.js';
import { needsChildcare, trainingShortageOf } from '../scoring/features.js';
import type { CandidatePair, PoolResource } from '../scoring/scorer.js';
import type { PlacementFacts } from './feature-set.js';

/** The language most openings and training sessions of the pool are in: what mentors and housing are judged by. */
function poolLanguage(pool: Pool): string {
  const counts = new Map<string, number>();
  for (const item of [...pool.openings, ...pool.trainingSessions]) counts.set(item.language, (counts.get(item.language) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'fr';
}

function levelIn(participant: Participant, language: string): CefrLevel {
  return participant.languages.find((l) => l.language === language)?.level ?? cefrLevels[0];
}

/** What the resource side of a placement looks like in the history's terms. */
function resourceFacts(resource: PoolResource, wish: string | undefined, shortage: ReturnType<typeof trainingShortageOf>) {
  switch (resource.kind) {
    case 'opening': {
      const o = resource.item;
      return { sector: o.sector, region: o.region, shortageIndex: o.shortageIndex, contractType: o.contractType, minCefr: o.minCefr, language: o.language };
    }
    case 'training': {
      const t = resource.item;
      return {
        trainingKind: t.kind, sector: t.sector, region: t.region, shortageIndex: shortage(t.sector, t.region),
        minCefr: t.cefrEntry.min, childcareProvided: t.childcareProvided, language: t.language,
      };
    }
    case 'mentor': {
      const m = resource.item;
      return { sector: wish && m.sectors.includes(wish) ? wish : m.sectors[0], region: m.region, withMentor: true };
    }
    case 'housing':
      return { region: resource.item.region };
  }
}

/**
 * The facts of each candidate pair, as if it were a history record: the participant on
 * the round's reference date, and the resource they would be placed in.
 */
export function pairFacts(pool: Pool, pairs: readonly CandidatePair[]): PlacementFacts[] {
  const referenceDate = pool.policy.referenceDate ?? pool.referenceDate;
  const shortage = trainingShortageOf(pool);
  const defaultLanguage = poolLanguage(pool);
  return pairs.map(({ participant: p, resource }) => {
    const { language, ...placed } = { language: defaultLanguage, ...resourceFacts(resource, p.sectorWishes[0], shortage) };
    return {
      age: ageOn(p.birthYear, referenceDate),
      educationLevel: p.educationLevel,
      cefrLevel: levelIn(p, language),
      statusMonths: monthsBetween(p.statusSince, referenceDate),
      waitingDays: daysBetween(p.waitingSince, referenceDate),
      childcareNeed: needsChildcare(p) === 1,
      barrierCount: p.barriers.length,
      sectorWish: p.sectorWishes[0],
      homeRegion: p.homeRegion,
      resourceKind: resource.kind,
      childcareProvided: false,
      withMentor: false,
      ...placed,
    };
  });
}
