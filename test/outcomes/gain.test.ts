import { describe, it, expect } from 'vitest';
import { firstComeFirstServed } from '../../src/outcomes/first-come-first-served.js';
import { compareStrategies, expectedInWork, pathFacts, plansOfReport } from '../../src/outcomes/gain.js';
import { groundTruthJudge, modelJudge } from '../../src/outcomes/judge.js';
import { sigmoid } from '../../src/outcomes/logistic.js';
import { outcomeModelScorer } from '../../src/outcomes/model-scorer.js';
import { runRound } from '../../src/round/run-round.js';
import { handModel } from './support/hand-model.js';
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

  const circular = [{ optimiser: { description: 'hand-made', model: oneOpeningModel }, judge }];

  it('ranks the three strategies (a) < (b) < (c), each by the same judge, with gains over (a), and flags a judge that optimised (c)', async () => {
    const { splits, strategies } = await compareStrategies(pool, circular);
    expect(splits).toHaveLength(1);
    expect(splits[0]).toMatchObject({ optimisedBy: 'hand-made', judgedBy: 'hand-made', circular: true });
    expect(splits[0]!.strategies).toEqual(strategies);
    expect(strategies.map((s) => s.placed)).toEqual([3, 3, 3]);
    // Everyone is on a mentor path, σ(−0.5 + 0.5e); the seat adds its holder's lift.
    const mentorPaths = [6, 2, 0].reduce((s, e) => s + sigmoid(-0.5 + 0.5 * e), 0);
    const lift = (e: number) => sigmoid(0.5 + 0.5 * e) - sigmoid(-0.5 + 0.5 * e);
    const expected = [mentorPaths + lift(6), mentorPaths + lift(2), mentorPaths + lift(0)];
    strategies.forEach((s, i) => expect(s.expectedInWork).toBeCloseTo(expected[i]!, 9));
    expect(strategies[0]!.gain).toBeNull();
    expect(strategies[1]!.gain).toBeCloseTo(expected[1]! / expected[0]! - 1, 9);
    expect(strategies[2]!.gain).toBeGreaterThan(strategies[1]!.gain!);
    // Everyone is placed in every strategy: the gain per placed participant is the headline gain.
    strategies.slice(1).forEach((s) => expect(s.gainPerPlaced).toBeCloseTo(s.gain!, 12));
    expect(strategies.slice(1).map((s) => s.status)).toEqual(['optimal', 'optimal']);
  });

  it('is not circular when another model judges, and averages the splits it is given', async () => {
    const other = modelJudge(handModel(-0.3, { education: 0.4, kindOpening: 1.2 }), 'other half');
    const twoWays = [{ optimiser: { description: 'hand-made', model: oneOpeningModel }, judge: other }, { optimiser: { description: 'hand-made', model: oneOpeningModel }, judge: groundTruthJudge }];
    const { splits, strategies } = await compareStrategies(pool, twoWays);
    expect(splits.map((s) => s.circular)).toEqual([false, false]);
    strategies.forEach((s, i) => {
      expect(s.expectedInWork).toBeCloseTo((splits[0]!.strategies[i]!.expectedInWork + splits[1]!.strategies[i]!.expectedInWork) / 2, 12);
    });
    expect(strategies[2]!.gain).toBeCloseTo(strategies[2]!.expectedInWork / strategies[0]!.expectedInWork - 1, 12);
  });

  it('counts a participant without a placement as in work with the --unplaced-rate probability, and reports the chance per placed apart', () => {
    const plans = firstComeFirstServed(pool);
    const withoutChadia = plans.map((p) => (p.participant.id === 'chadia' ? { ...p, resources: [] } : p));
    const zero = expectedInWork(judge, pool, withoutChadia);
    const some = expectedInWork(judge, pool, withoutChadia, 0.2);
    expect(zero.placed).toBe(2);
    expect(zero.expectedInWork).toBeCloseTo(zero.inWorkAmongPlaced, 12);
    expect(some.expectedInWork).toBeCloseTo(zero.inWorkAmongPlaced + 0.2, 12);
    expect(some.inWorkAmongPlaced).toBe(zero.inWorkAmongPlaced);
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
