import type { LegalStatus } from '../domain/common.js';
import type { PoolResource } from '../scoring/scorer.js';

const statusWords: Record<LegalStatus, string> = {
  asylum_seeker: 'asylum seeker',
  refugee: 'refugee',
  subsidiary_protection: 'beneficiary of subsidiary protection',
  family_reunification: 'family reunification',
  other: 'other status',
};

export function statusLabel(status: LegalStatus): string {
  return statusWords[status];
}

const kindWords: Record<PoolResource['kind'], string> = {
  mentor: 'the mentor',
  training: 'the session',
  opening: 'the opening',
  housing: 'the housing unit',
};

/** "the session", "the mentor": how a message names the resource it talks about. */
export function resourceLabel(resource: PoolResource): string {
  return kindWords[resource.kind];
}

const irregular: Record<string, string> = { child: 'children' };

export function plural(count: number, word: string): string {
  return `${count} ${count === 1 ? word : irregular[word] ?? `${word}s`}`;
}
