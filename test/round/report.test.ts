import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { Pool } from '../../src/domain/pool.js';
import { RoundReport } from '../../src/round/report.js';
import { runRound } from '../../src/round/run-round.js';

describe('the round report schema (defined once, served by the API)', () => {
  it.each(['thrasos', 'second-chance', 'duo-for-a-job'])('holds every field of a real round report, and nothing the schema does not name (%s)', async (name) => {
    const pool = Pool.parse(JSON.parse(readFileSync(`fixtures/${name}.json`, 'utf8')));
    const { report } = await runRound(pool);
    // zod drops unknown keys: a report equal to its own parse has no field the schema leaves out.
    expect(RoundReport.parse(report)).toEqual(report);
    expect(report.participants.some((p) => p.missing.length > 0)).toBe(true);
  });

  it('refuses a report whose status the solver never gives, naming the field', () => {
    const result = RoundReport.safeParse({ pool: 'p', referenceDate: '2026-01-15', status: 'done', objective: null, gap: null, conflicts: [], stats: { variables: 0, constraints: 0, milliseconds: 0, backend: 'highs' }, candidates: { eligiblePairs: 0, considered: 0, perKind: null }, participants: [], resources: [], totals: { participants: 0, placed: 0, unplaced: 0, score: 0, byRegion: {}, byKind: {}, byPriorityGroup: {} } });
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.path).toEqual(['status']);
  });
});
