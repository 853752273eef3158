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
  /** The model judging, if a model does: a judge that is strategy (c)'s own optimiser is circular. */
  model?: OutcomeModel;
}

export function modelJudge(model: OutcomeModel, description: string): OutcomeJudge {
  return { description, model, probabilities: (paths) => predictOutcomes(model, paths) };
}

/**
 * The synthetic ground truth the fixture history was drawn from: no model was fitted to it,
 * so it is an honest referee for strategy (c). Meaningful only for pools of the same
 * synthetic world as the fixture history.
 */
export const groundTruthJudge: OutcomeJudge = {
  description: 'the ground truth of the synthetic history (src/outcomes/ground-truth.ts), which no model was fitted to',
  probabilities: (paths) => paths.map(trueProbability),
};

/**
 * `cross-fit` (the default): two models on disjoint halves of the history, each judging the
 * plans the other optimised; `model`: the model file judges the plans it optimised (circular,
 * printed with a warning); `ground-truth`: the synthetic fixture's true probabilities.
 */
export const judgeNames = ['cross-fit', 'model', 'ground-truth'] as const;
export type JudgeName = (typeof judgeNames)[number];
