import type { ResourceKind } from '../../solver/problem.js';
import { dayAvailable, dayEnd, dayStart, type PoolResource, type ResourceDays, type TaggedItem } from '../scoring/scorer.js';
import { pairRule, type ParticipantFacts } from './types.js';

/**
 * A mentor or a housing unit may become free up to this many days after the participant
 * starts: a pairing can wait a few weeks, not a season.
 */
export const availabilityGraceDays = 30;

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(date) + days * 86_400_000).toISOString().slice(0, 10);
}

/** An ISO date as a day number (days since 1970-01-01): ISO dates compare as their day numbers do. */
export function dayNumber(date: string): number {
  return Date.parse(date) / 86_400_000;
}

export function daysOf(resource: TaggedItem): ResourceDays {
  switch (resource.kind) {
    case 'training': return Float64Array.of(dayNumber(resource.item.startDate), dayNumber(resource.item.endDate), NaN);
    case 'opening': return Float64Array.of(dayNumber(resource.item.startDate), NaN, NaN);
    default: return Float64Array.of(NaN, NaN, dayNumber(resource.item.availableFrom));
  }
}

/**
 * Closed to everyone on the reference day, whoever asks: the evaluator reads it once per
 * resource, not once per pair (date-table.ts).
 */
export function closedOn(resource: PoolResource, referenceDay: number): boolean {
  return (resource.kind === 'opening' && resource.item.status !== 'open') || (resource.kind === 'training' && resource.days[dayEnd]! < referenceDay);
}

/** Withdrawn or filled openings and sessions that have already ended take nobody. */
export const resourceOpen = pairRule(
  'resourceOpen',
  (_participant, resource, { facts }) => closedOn(resource, facts.referenceDay),
  (_participant, resource) => (resource.kind === 'opening' ? `the opening is ${resource.item.status}` : `the session ended on ${resource.kind === 'training' ? resource.item.endDate : ''}`),
  { appliesTo: (resource) => resource.kind === 'opening' || resource.kind === 'training' },
);

/** Sessions and openings wait for the participant; mentors and housing units are waited for. */
export function startsOnItsOwnDate(kind: ResourceKind): boolean {
  return kind === 'training' || kind === 'opening';
}

/** The one day the availability rule compares: the resource's start, or the day it becomes available. */
export function availabilityDay(resource: PoolResource): number {
  return startsOnItsOwnDate(resource.kind) ? resource.days[dayStart]! : resource.days[dayAvailable]!;
}

/** The availability rule on numbers, as the evaluator applies it to millions of pairs. */
export function unavailable(startsOwn: boolean, day: number, facts: ParticipantFacts): boolean {
  return startsOwn ? facts.availableFromDay > day : day > facts.latestResourceStartDay;
}

/**
 * Sessions and openings start on a date: the participant must be available by then.
 * Mentors and housing become available on a date: they must be by the participant's start
 * (the later of the participant's availableFrom and the round's reference date), give or
 * take `availabilityGraceDays`.
 */
export const availability = pairRule(
  'availability',
  (_participant, resource, { facts }) => unavailable(startsOnItsOwnDate(resource.kind), availabilityDay(resource), facts),
  (participant, resource, { facts }) => {
    if (resource.kind === 'training' || resource.kind === 'opening') {
      const what = resource.kind === 'training' ? 'the session starts' : 'the opening starts';
      return `available from ${participant.availableFrom}, ${what} on ${resource.item.startDate}`;
    }
    const what = resource.kind === 'mentor' ? 'the mentor is available' : 'the housing unit is available';
    return `starts on ${facts.startDate}, ${what} only from ${resource.item.availableFrom} (more than ${availabilityGraceDays} days later)`;
  },
);
