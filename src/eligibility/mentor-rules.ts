import { pairRule } from './types.js';

/** The participant's wishes about the mentor: gender, and a language to speak together. */
export const mentorPreferences = pairRule(
  'mentorPreferences',
  (participant, resource) => {
    if (resource.kind !== 'mentor') return false;
    const { gender, language } = participant.mentorPreferences;
    return (gender !== undefined && resource.item.gender !== gender) || (language !== undefined && !resource.item.languages.includes(language));
  },
  (participant, resource) => {
    if (resource.kind !== 'mentor') return '';
    const { gender, language } = participant.mentorPreferences;
    const mentor = resource.item;
    if (gender && mentor.gender !== gender) return `asked for a ${gender} mentor, the mentor is ${mentor.gender}`;
    const spoken = mentor.languages.length > 0 ? mentor.languages.join(', ') : 'no listed language';
    return `asked for a mentor speaking ${language}, the mentor speaks ${spoken}`;
  },
  {
    appliesTo: (resource) => resource.kind === 'mentor',
    reads: (resource) => (resource.kind === 'mentor' ? `${resource.item.gender}|${[...resource.item.languages].sort().join(',')}` : ''),
  },
);
