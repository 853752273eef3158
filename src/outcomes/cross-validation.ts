import type { Outcome } from '../domain/outcome.js';
import { fitOutcomeModel, predictOutcomes, type TrainingOptions } from './train.js';
import { auc, calibrationTable, logLoss, type CalibrationRow } from './metrics.js';
import type { OutcomeModel } from './model-file.js';
import { SeededRandom } from './seeded-random.js';

export interface Fold {
  /** Positions in the history of the records the fold trains on. */
  train: number[];
  test: number[];
}

/**
 * k folds by participant, not by record: every record of a participant falls in the same
 * fold, so no person (and a fortiori no record) is both learned from and tested on.
 */
export function foldsOf(history: readonly Outcome[], k: number, seed: number): Fold[] {
  const people = [...new Set(history.map((o) => o.participantId))];
  const foldOf = new Map(new SeededRandom(seed).shuffled(people).map((person, i) => [person, i % k]));
  return Array.from({ length: k }, (_, fold) => {
    const train: number[] = [];
    const test: number[] = [];
    history.forEach((o, i) => (foldOf.get(o.participantId) === fold ? test : train).push(i));
    return { train, test };
  }).filter((fold) => fold.test.length > 0);
}

export interface CrossValidation {
  folds: number;
  records: number;
  auc: number;
  logLoss: number;
  calibration: CalibrationRow[];
  /** AUC of each fold's own test set. */
  foldAuc: number[];
}

export interface OutOfFold {
  folds: Fold[];
  /** The model of each fold, fitted (standardisation included) on its training records only. */
  models: OutcomeModel[];
  /** Each record's probability, predicted by the model of the fold it is tested in. */
  predicted: number[];
}

/**
 * Out-of-fold predictions: each record is predicted by the model fitted without its fold.
 * The standardisation is part of the fit, so the test fold's records never shift the means
 * and scales its own model standardises them with.
 */
export function outOfFold(history: readonly Outcome[], k: number, options: TrainingOptions & { seed?: number } = {}): OutOfFold {
  const predicted = new Array<number>(history.length).fill(0);
  const folds = foldsOf(history, k, options.seed ?? 1);
  const models = folds.map(({ train, test }) => {
    const model = fitOutcomeModel(train.map((i) => history[i]!), options);
    const p = predictOutcomes(model, test.map((i) => history[i]!));
    test.forEach((i, t) => { predicted[i] = p[t]!; });
    return model;
  });
  return { folds, models, predicted };
}

export function crossValidate(history: readonly Outcome[], k: number, options: TrainingOptions & { seed?: number } = {}): CrossValidation {
  const labels = history.map((o) => (o.inWorkOrTraining ? 1 : 0));
  const { folds, predicted } = outOfFold(history, k, options);
  return {
    folds: folds.length,
    records: history.length,
    auc: auc(predicted, labels),
    logLoss: logLoss(predicted, labels),
    calibration: calibrationTable(predicted, labels),
    foldAuc: folds.map(({ test }) => auc(test.map((i) => predicted[i]!), test.map((i) => labels[i]!))),
  };
}
