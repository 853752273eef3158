import { readFileSync, readdirSync } from 'node:fs';
import { describe, it, expect } from 'vitest';

const source = new URL('../../src/eligibility/', import.meta.url);
/** Every rule name a refusal can carry, read from the rules' source. */
const ruleNames = [...new Set(readdirSync(source).flatMap((file) =>
  [...readFileSync(new URL(file, source), 'utf8').matchAll(/rule: '(\w+)'/g)].map((m) => m[1]!)))].sort();

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
