import type { PlacementFacts } from './feature-set.js';
import { trueProbability } from './ground-truth.js';
import type { OutcomeModel } from './model-file.js';
import { predictOutcomes } from './train.js';

/**
 * Whose probability of being in work after 6 months the plans of an evaluation are judged by:
 * one judge for every plan compared, never each strategy by its own.
 */
export interface OutcomeJudge {
  /** Printed with the comparison. */
  description: string;
  probabilities(paths: readonly PlacementFacts[]): number[];
}

export function modelJudge(model: OutcomeModel, source: string): OutcomeJudge {
  return {
    description: `the outcome model ${source} (CV AUC ${model.crossValidation?.auc.toFixed(3) ?? 'not recorded'})`,
    probabilities: (paths) => predictOutcomes(model, paths),
  };
}

/**
 * The synthetic ground truth the fixture history was drawn from: an honest referee for
 * strategy (c), which would otherwise be judged by the very model it optimises.
 * Meaningful only for pools of the same synthetic world as the fixture history.
 */
export const groundTruthJudge: OutcomeJudge = {
  description: 'the ground truth of the synthetic history (src/outcomes/ground-truth.ts)',
  probabilities: (paths) => paths.map(trueProbability),
};

export const judgeNames = ['model', 'ground-truth'] as const;
export type JudgeName = (typeof judgeNames)[number];
