import { describe, it, expect } from 'vitest';
import { firstComeFirstServed } from '../../src/outcomes/first-come-first-served.js';
import { compareStrategies, expectedInWork, pathFacts, plansOfReport } from '../../src/outcomes/gain.js';
import { groundTruthJudge, modelJudge } from '../../src/outcomes/judge.js';
import { sigmoid } from '../../src/outcomes/logistic.js';
import { outcomeModelScorer } from '../../src/outcomes/model-scorer.js';
import { runRound } from '../../src/round/run-round.js';
import { oneOpeningModel, oneOpeningPool } from './support/one-opening-pool.js';

const holderOfOpening = (plans: { participant: { id: string }; resources: { kind: string }[] }[]) =>
  plans.filter((p) => p.resources.some((r) => r.kind === 'opening')).map((p) => p.participant.id);

describe('the gain of optimised placement over first come, first served', () => {
  const pool = oneOpeningPool();
  const judge = modelJudge(oneOpeningModel, 'hand-made');

  it('first come, first served gives the seat to whoever waited longest, and a mentor to everyone', () => {
    const plans = firstComeFirstServed(pool);
    expect(holderOfOpening(plans)).toEqual(['amal']);
    expect(plans.every((p) => p.resources.some((r) => r.kind === 'mentor'))).toBe(true);
  });

  it('the rule-based round gives the seat to the skill match, the outcome-model round to the largest lift', async () => {
    const rule = await runRound(pool);
    expect(holderOfOpening(plansOfReport(pool, rule.report))).toEqual(['bruno']);
    const model = await runRound(pool, { scorer: outcomeModelScorer(oneOpeningModel) });
    expect(holderOfOpening(plansOfReport(pool, model.report))).toEqual(['chadia']);
  });

  it('judges a path by its main placement, with the mentor beside it', () => {
    const [amal] = firstComeFirstServed(pool);
    expect(pathFacts(pool, amal!)).toMatchObject({ resourceKind: 'opening', withMentor: true, educationLevel: 6 });
    expect(pathFacts(pool, { participant: amal!.participant, resources: [] })).toBeNull();
  });

  it('ranks the three strategies (a) < (b) < (c), each by the same judge, with gains over (a)', async () => {
    const { judge: judgedBy, strategies } = await compareStrategies(pool, oneOpeningModel, judge);
    expect(judgedBy).toBe('the outcome model hand-made (CV AUC not recorded)');
    expect(strategies.map((s) => s.placed)).toEqual([3, 3, 3]);
    // Everyone is on a mentor path, σ(−0.5 + 0.5e); the seat adds its holder's lift.
    const mentorPaths = [6, 2, 0].reduce((s, e) => s + sigmoid(-0.5 + 0.5 * e), 0);
    const lift = (e: number) => sigmoid(0.5 + 0.5 * e) - sigmoid(-0.5 + 0.5 * e);
    const expected = [mentorPaths + lift(6), mentorPaths + lift(2), mentorPaths + lift(0)];
    strategies.forEach((s, i) => expect(s.expectedInWork).toBeCloseTo(expected[i]!, 9));
    expect(strategies[0]!.gain).toBeNull();
    expect(strategies[1]!.gain).toBeCloseTo(expected[1]! / expected[0]! - 1, 9);
    expect(strategies[2]!.gain).toBeGreaterThan(strategies[1]!.gain!);
    expect(strategies.slice(1).map((s) => s.status)).toEqual(['optimal', 'optimal']);
  });

  it('judges every strategy by the one judge it is given, the ground truth included', () => {
    const plans = firstComeFirstServed(pool);
    const byModel = expectedInWork(judge, pool, plans);
    const byTruth = expectedInWork(groundTruthJudge, pool, plans);
    expect(byModel.placed).toBe(3);
    expect(byTruth.placed).toBe(3);
    expect(byTruth.expectedInWork).not.toBeCloseTo(byModel.expectedInWork, 3);
  });
});
