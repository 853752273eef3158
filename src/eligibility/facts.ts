import { cefrLevels, cefrRank } from '../domain/common.js';
import type { Participant } from '../domain/participant.js';
import { addDays, availabilityGraceDays, dayNumber } from './date-rules.js';
import type { EligibilityContext, ParticipantFacts } from './types.js';

const dayMs = 86_400_000;

/** Whole days from `from` to `to` (ISO dates), never negative. */
export function daysBetween(from: string, to: string): number {
  return Math.max(0, Math.floor((Date.parse(to) - Date.parse(from)) / dayMs));
}

/** Whole calendar months from `from` to `to`: 2025-01-31 → 2025-07-30 is 5 months. */
export function monthsBetween(from: string, to: string): number {
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
  const months = (ty - fy) * 12 + (tm - fm) - (td < fd ? 1 : 0);
  return Math.max(0, months);
}

/** Age as the programmes count it: the reference year minus the birth year. */
export function ageOn(birthYear: number, referenceDate: string): number {
  return Number(referenceDate.slice(0, 4)) - birthYear;
}

export function levelName(rank: number): string {
  return cefrLevels[rank] ?? 'A0';
}

/**
 * Regions a participant accepts to live in: home, plus the relocation regions when
 * willing (all regions of the pool when willing with an empty list).
 */
export function acceptedRegions(participant: Participant, poolRegions: readonly string[]): Set<string> | null {
  if (!participant.homeRegion) return null;
  const regions = new Set([participant.homeRegion]);
  if (participant.relocation.willing) {
    const wanted = participant.relocation.regions.length > 0 ? participant.relocation.regions : poolRegions;
    for (const region of wanted) regions.add(region);
  }
  return regions;
}

export function participantFacts(participant: Participant, referenceDate: string, poolRegions: readonly string[]): ParticipantFacts {
  const levels = new Map<string, number>();
  for (const skill of participant.languages) levels.set(skill.language, cefrRank(skill.level));
  const startDate = participant.availableFrom > referenceDate ? participant.availableFrom : referenceDate;
  const latestResourceStart = addDays(startDate, availabilityGraceDays);
  return {
    age: ageOn(participant.birthYear, referenceDate),
    statusMonths: monthsBetween(participant.statusSince, referenceDate),
    levels,
    acceptedRegions: acceptedRegions(participant, poolRegions),
    startDate,
    latestResourceStart,
    referenceDay: dayNumber(referenceDate),
    availableFromDay: dayNumber(participant.availableFrom),
    latestResourceStartDay: dayNumber(latestResourceStart),
  };
}

export function eligibilityContext(participant: Participant, referenceDate: string, poolRegions: readonly string[]): EligibilityContext {
  return { referenceDate, facts: participantFacts(participant, referenceDate, poolRegions) };
}
