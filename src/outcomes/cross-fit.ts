import { dirname, resolve } from 'node:path';
import type { Outcome } from '../domain/outcome.js';
import { foldsOf } from './cross-validation.js';
import type { OutcomeModel } from './model-file.js';
import { defaultLambda, fitOutcomeModel } from './train.js';

/** One half of a history, split by participant, and the model fitted on it alone. */
export interface HistoryHalf {
  name: 'A' | 'B';
  records: number;
  participants: number;
  model: OutcomeModel;
}

/**
 * Cross-fitting: the history split by participant into two disjoint halves, a model fitted on
 * each with the λ of the model file. Strategy (c) is then optimised with one half's model and
 * judged by the other's, and the other way round: a plan is never marked by the model it
 * was optimised with, whose errors it has learned to exploit (a pair the model overrates is
 * the one it picks, and the same model then credits it).
 */
export function crossFit(history: readonly Outcome[], lambda: number, seed = 1): [HistoryHalf, HistoryHalf] {
  const folds = foldsOf(history, 2, seed);
  if (folds.length < 2) throw new RangeError('cross-fitting needs a history of at least two participants');
  const halves = folds.map(({ test }, f): HistoryHalf => {
    const records = test.map((i) => history[i]!);
    return {
      name: f === 0 ? 'A' : 'B',
      records: records.length,
      participants: new Set(records.map((o) => o.participantId)).size,
      model: fitOutcomeModel(records, { lambda: lambda > 0 ? lambda : defaultLambda }),
    };
  });
  return [halves[0]!, halves[1]!];
}

/** Where the history a model file records is, if it records one: relative to the model file's folder. */
export function recordedHistory(model: OutcomeModel, modelFile: string): string | undefined {
  const history = model.training.history;
  return history === undefined ? undefined : resolve(dirname(modelFile), history);
}
