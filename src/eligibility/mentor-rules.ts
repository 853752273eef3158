import type { PairRule } from './types.js';

/** The participant's wishes about the mentor: gender, and a language to speak together. */
export const mentorPreferences: PairRule = (participant, resource) => {
  if (resource.kind !== 'mentor') return null;
  const { gender, language } = participant.mentorPreferences;
  const mentor = resource.item;
  if (gender && mentor.gender !== gender) {
    return { rule: 'mentorPreferences', message: `asked for a ${gender} mentor, the mentor is ${mentor.gender}` };
  }
  if (language && !mentor.languages.includes(language)) {
    const spoken = mentor.languages.length > 0 ? mentor.languages.join(', ') : 'no listed language';
    return { rule: 'mentorPreferences', message: `asked for a mentor speaking ${language}, the mentor speaks ${spoken}` };
  }
  return null;
};
