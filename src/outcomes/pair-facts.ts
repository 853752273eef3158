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

type ResourceSide = Partial<Pick<PlacementFacts, 'sector' | 'region' | 'shortageIndex' | 'contractType' | 'trainingKind' | 'minCefr' | 'childcareProvided' | 'withMentor'>>;

/** What the resource side of a placement looks like in the history's terms, and the language it is in. */
function resourceFacts(resource: PoolResource, wish: string | undefined, shortage: ReturnType<typeof trainingShortageOf>): { language?: string; side: ResourceSide } {
  switch (resource.kind) {
    case 'opening': {
      const o = resource.item;
      return { language: o.language, side: { sector: o.sector, region: o.region, shortageIndex: o.shortageIndex, contractType: o.contractType, minCefr: o.minCefr } };
    }
    case 'training': {
      const t = resource.item;
      const side = { trainingKind: t.kind, sector: t.sector, region: t.region, shortageIndex: shortage(t.sector, t.region), minCefr: t.cefrEntry.min, childcareProvided: t.childcareProvided };
      return { language: t.language, side };
    }
    case 'mentor': {
      const m = resource.item;
      return { side: { sector: wish && m.sectors.includes(wish) ? wish : m.sectors[0], region: m.region, withMentor: true } };
    }
    case 'housing':
      return { side: { region: resource.item.region } };
  }
}

/** The participant's side of a placement on the reference date, the language level aside. */
function participantFacts(p: Participant, referenceDate: string) {
  return {
    age: ageOn(p.birthYear, referenceDate),
    educationLevel: p.educationLevel,
    statusMonths: monthsBetween(p.statusSince, referenceDate),
    waitingDays: daysBetween(p.waitingSince, referenceDate),
    childcareNeed: needsChildcare(p) === 1,
    barrierCount: p.barriers.length,
    sectorWish: p.sectorWishes[0],
    homeRegion: p.homeRegion,
  };
}

/**
 * The facts of each candidate pair, as if it were a history record: the participant on
 * the round's reference date, and the resource they would be placed in. A batch holds many
 * pairs of each participant: their side is computed once.
 */
export function pairFacts(pool: Pool, pairs: readonly CandidatePair[]): PlacementFacts[] {
  const referenceDate = pool.policy.referenceDate ?? pool.referenceDate;
  const shortage = trainingShortageOf(pool);
  const defaultLanguage = poolLanguage(pool);
  const people = new Map<Participant, ReturnType<typeof participantFacts>>();
  return pairs.map(({ participant: p, resource }) => {
    let person = people.get(p);
    if (!person) people.set(p, (person = participantFacts(p, referenceDate)));
    const { language, side } = resourceFacts(resource, p.sectorWishes[0], shortage);
    // Every field written out, in one order: one object shape for the whole batch, which keeps a large batch cheap.
    return {
      age: person.age, educationLevel: person.educationLevel, cefrLevel: levelIn(p, language ?? defaultLanguage),
      statusMonths: person.statusMonths, waitingDays: person.waitingDays, childcareNeed: person.childcareNeed,
      barrierCount: person.barrierCount, sectorWish: person.sectorWish, homeRegion: person.homeRegion,
      resourceKind: resource.kind, sector: side.sector, region: side.region, shortageIndex: side.shortageIndex,
      contractType: side.contractType, trainingKind: side.trainingKind, minCefr: side.minCefr,
      childcareProvided: side.childcareProvided ?? false, withMentor: side.withMentor ?? false,
    };
  });
}
