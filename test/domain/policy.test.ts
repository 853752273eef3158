import { describe, it, expect } from 'vitest';
import { formatIssues } from '../../src/cli/errors.js';
import { RoundPolicy } from '../../src/domain/policy.js';
import { Pool } from '../../src/domain/pool.js';
import { smallPool } from '../round/support/small-pool.js';

function problems(outcomeModel: string): string {
  const pool = smallPool();
  pool.policy = { ...pool.policy, outcomeModel };
  const parsed = Pool.safeParse(pool);
  return parsed.success ? '' : formatIssues(parsed.error.issues);
}

describe('RoundPolicy.outcomeModel', () => {
  it('accepts the name of a model file in the models directory', () => {
    for (const name of ['model.json', 'ipr-2026_v1.json', 'outcome']) expect(problems(name)).toBe('');
  });

  it('refuses a path, a parent, a hidden file or a separator, naming policy.outcomeModel', () => {
    const refusal = '  policy.outcomeModel: must be the name of a model in the models directory (letters, digits, ".", "_", "-"; no path, no "..", not starting with ".")';
    for (const name of ['/etc/passwd', '../x', '..', '.env', 'models/outcome.json', 'a\\b', 'C:model.json', ' model.json', 'a..b']) {
      expect({ name, problems: problems(name) }).toEqual({ name, problems: refusal });
    }
    expect(problems('x'.repeat(101))).toContain('policy.outcomeModel: must be at most 100 characters');
    expect(RoundPolicy.safeParse({ outcomeModel: '' }).success).toBe(false);
  });
});
