import { describe, it, expect, onTestFinished, vi } from 'vitest';
import { Pool } from '../../src/domain/pool.js';
import { runRound } from '../../src/round/run-round.js';
import type { PairScorer } from '../../src/scoring/scorer.js';
import { smallPool } from './support/small-pool.js';

describe('runRound on a small hand-made pool', () => {
  const pool = Pool.parse(smallPool());

  it('proposes the plan a coordinator expects, with an objective equal to the scores of the plan', async () => {
    const { result, report } = await runRound(pool);
    expect(result.status).toBe('optimal');
    const got = Object.fromEntries(report.participants.map((p) => [p.participant, p.assignments.map((a) => a.resource).sort()]));
    expect(got).toEqual({ amina: ['fle-occ', 'm-occ'], bilal: ['flat-bzh', 'job-bzh', 'm-bzh'], chen: [] });
    expect(result.regions.bilal).toBe('Bretagne');
    expect(result.objective!).toBeCloseTo(result.assignments.reduce((s, a) => s + a.score, 0), 6);
    expect(report.totals).toMatchObject({ participants: 3, placed: 2, unplaced: 1 });
  });

  it('explains each score and why Chen is not placed', async () => {
    const { report } = await runRound(pool);
    const bilal = report.participants.find((p) => p.participant === 'bilal')!;
    const job = bilal.assignments.find((a) => a.resource === 'job-bzh')!;
    expect(job.breakdown.shortage).toEqual({ value: 0.9, weight: 2, contribution: 1.8 });
    expect(Object.values(job.breakdown).reduce((s, f) => s + f.contribution, 0)).toBeCloseTo(job.score, 10);
    const chen = report.participants.find((p) => p.participant === 'chen')!;
    expect(chen.placed).toBe(false);
    expect(chen.missing.map((m) => m.reason)).toEqual(['no_eligible_resource', 'no_eligible_resource', 'no_eligible_resource', 'no_eligible_resource']);
    expect(chen.missing[0]!.refusals[0]!.message).toBe('aged 56, the mentor admits up to 35');
  });

  it('honours a forbid override and uses the scorer it is given', async () => {
    const flat: PairScorer = (_pool, pairs) => pairs.map(() => ({ score: 1, breakdown: { flat: { value: 1, weight: 1, contribution: 1 } } }));
    const { result, report } = await runRound(pool, { scorer: flat, overrides: [{ participant: 'amina', resource: 'm-occ', action: 'forbid' }] });
    expect(result.assignments.some((a) => a.participant === 'amina' && a.resource === 'm-occ')).toBe(false);
    expect(result.objective).toBe(result.assignments.length);
    const amina = report.participants.find((p) => p.participant === 'amina')!;
    expect(amina.assignments[0]!.breakdown).toEqual({ flat: { value: 1, weight: 1, contribution: 1 } });
    expect(amina.missing.map((m) => [m.kind, m.reason])).toContainEqual(['mentor', 'not_selected']);
  });

  it('takes the pool\'s own overrides, and names why a required pair was refused when no plan exists', async () => {
    const overConstrained = Pool.parse({ ...smallPool(), overrides: [{ participant: 'chen', resource: 'fle-occ', action: 'require' }] });
    const { result, report } = await runRound(overConstrained);
    expect(result.status).toBe('infeasible');
    expect(report.conflicts).toContain('require override: chen → fle-occ is refused by rule ageRange: aged 56, the session admits up to 35');
  });

  it('scores with the outcome model its policy names in the models directory, without being handed a scorer', async () => {
    vi.stubEnv('OUTCOME_MODELS_DIR', 'fixtures/outcomes');
    onTestFinished(() => { vi.unstubAllEnvs(); });
    const named = Pool.parse({ ...smallPool(), policy: { ...smallPool().policy, outcomeModel: 'model.json', outcomeModelWeight: 1 } });
    const { report } = await runRound(named);
    const bilal = report.participants.find((p) => p.participant === 'bilal')!;
    const opening = bilal.assignments.find((a) => a.kind === 'opening')!;
    expect(Object.keys(opening.breakdown)).toContain('outcome.kindOpening');
    await expect(runRound(Pool.parse({ ...smallPool(), policy: { ...smallPool().policy, outcomeModel: 'no-such-model.json' } })))
      .rejects.toThrow('policy.outcomeModel: there is no outcome model named "no-such-model.json" in the models directory');
  });
});
