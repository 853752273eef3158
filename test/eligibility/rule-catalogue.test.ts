import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import { allRules } from '../../src/eligibility/rules.js';

/** Every rule name a refusal can carry: the rules a single pair is judged by. */
const ruleNames = allRules.map((rule) => rule.rule).sort();

describe('the eligibility rules', () => {
  it('cover every rule the programmes need', () => {
    expect(ruleNames).toEqual([
      'ageRange', 'availability', 'cefrEntry', 'housingKind', 'housingNeed', 'isolatedAdultsOnly', 'legalStatus',
      'mentorPreferences', 'minCefr', 'programmeTags', 'relocation', 'resourceOpen',
    ]);
  });

  it('are each documented, with an example message, in docs/round.md', () => {
    const doc = readFileSync(new URL('../../docs/round.md', import.meta.url), 'utf8');
    for (const rule of ruleNames) expect(doc).toMatch(new RegExp(`\\n\\| \`${rule}\` \\|[^\\n]*\\| \`[^\`]+\` \\|\\n`));
  });
});
