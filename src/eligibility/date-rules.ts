import type { PairRule } from './types.js';

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
 * (the later of the participant's availableFrom and the round's reference date).
 */
export const availability: PairRule = (participant, resource, { facts }) => {
  if (resource.kind === 'training' || resource.kind === 'opening') {
    const start = resource.item.startDate;
    if (participant.availableFrom <= start) return null;
    const what = resource.kind === 'training' ? 'the session starts' : 'the opening starts';
    return { rule: 'availability', message: `available from ${participant.availableFrom}, ${what} on ${start}` };
  }
  const from = resource.item.availableFrom;
  if (from <= facts.startDate) return null;
  const what = resource.kind === 'mentor' ? 'the mentor is available' : 'the housing unit is available';
  return { rule: 'availability', message: `starts on ${facts.startDate}, ${what} only from ${from}` };
};
