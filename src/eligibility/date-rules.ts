import type { PairRule } from './types.js';

/**
 * A mentor or a housing unit may become free up to this many days after the participant
 * starts: a pairing can wait a few weeks, not a season.
 */
export const availabilityGraceDays = 30;

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(date) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Withdrawn or filled openings and sessions that have already ended take nobody. */
export const resourceOpen: PairRule = (_participant, resource, { referenceDate }) => {
  if (resource.kind === 'opening' && resource.item.status !== 'open') {
    return { rule: 'resourceOpen', message: `the opening is ${resource.item.status}` };
  }
  if (resource.kind === 'training' && resource.item.endDate < referenceDate) {
    return { rule: 'resourceOpen', message: `the session ended on ${resource.item.endDate}` };
  }
  return null;
};

/**
 * Sessions and openings start on a date: the participant must be available by then.
 * Mentors and housing become available on a date: they must be by the participant's start
 * (the later of the participant's availableFrom and the round's reference date), give or
 * take `availabilityGraceDays`.
 */
export const availability: PairRule = (participant, resource, { facts }) => {
  if (resource.kind === 'training' || resource.kind === 'opening') {
    const start = resource.item.startDate;
    if (participant.availableFrom <= start) return null;
    const what = resource.kind === 'training' ? 'the session starts' : 'the opening starts';
    return { rule: 'availability', message: `available from ${participant.availableFrom}, ${what} on ${start}` };
  }
  const from = resource.item.availableFrom;
  if (from <= facts.latestResourceStart) return null;
  const what = resource.kind === 'mentor' ? 'the mentor is available' : 'the housing unit is available';
  return { rule: 'availability', message: `starts on ${facts.startDate}, ${what} only from ${from} (more than ${availabilityGraceDays} days later)` };
};
