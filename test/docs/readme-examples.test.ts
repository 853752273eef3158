import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { solve } from '../../solver/index.js';
import { Problem } from '../../solver/problem.js';
import { ScenarioRequest } from '../../src/domain/scenario.js';
import { Pool } from '../../src/domain/pool.js';
import { formatIssues } from '../../src/cli/errors.js';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

/** The README's fenced JSON blocks, in order, parsed. */
function jsonBlocks(): unknown[] {
  return [...readme.matchAll(/```json\n([\s\S]*?)```/g)].map((match) => JSON.parse(match[1] ?? ''));
}

function blockWith(key: string): unknown {
  const block = jsonBlocks().find((b) => typeof b === 'object' && b !== null && key in b);
  if (block === undefined) throw new Error(`no JSON block with "${key}" in README.md`);
  return block;
}

describe('the README examples', () => {
  it('shows a problem file that the solver accepts and solves as described', async () => {
    const problem = Problem.parse(blockWith('edges'));
    const result = await solve(problem);
    expect(result.status).toBe('optimal');
    // p2 is required on the only mentor seat; p1 takes the bridged job with its course and the flat in Bretagne.
    const plan = result.assignments.map((a) => `${a.participant}:${a.resource}`).sort();
    expect(plan).toEqual(['p1:flat', 'p1:fle', 'p1:job', 'p2:m1']);
    expect(result.regions['p1']).toBe('Bretagne');
  });

  it('shows a scenario that the scenario schema accepts', () => {
    const scenario = ScenarioRequest.parse(blockWith('changes'));
    expect(scenario.changes).toHaveLength(3);
  });

  it('quotes the message a pool file with a CEFR level that does not exist really gets', () => {
    const pool = JSON.parse(readFileSync(new URL('../../fixtures/examples/minimal-pool.json', import.meta.url), 'utf8'));
    pool.participants[0].languages[0].level = 'A7';
    const parsed = Pool.safeParse(pool);
    expect(parsed.success).toBe(false);
    const message = formatIssues(parsed.error!.issues).trim();
    expect(readme).toContain(`\`${message}\``);
  });
});
