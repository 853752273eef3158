import type { CrossValidation } from './cross-validation.js';
import type { OutcomeModel } from './model-file.js';
import type { CalibrationRow } from './metrics.js';

const pct = (v: number) => `${(100 * v).toFixed(1)} %`;

export function formatCalibration(rows: readonly CalibrationRow[]): string {
  const lines = ['  decile  records  predicted  observed'];
  for (const r of rows) {
    lines.push(`  ${String(r.decile).padStart(6)}  ${String(r.count).padStart(7)}  ${pct(r.meanPredicted).padStart(9)}  ${pct(r.observedRate).padStart(8)}`);
  }
  return lines.join('\n');
}

export function formatCrossValidation(cv: CrossValidation): string {
  return [
    `cross-validation: ${cv.folds} folds by participant, ${cv.records} records`,
    `  AUC ${cv.auc.toFixed(3)} (folds ${cv.foldAuc.map((a) => a.toFixed(3)).join(', ')}), log-loss ${cv.logLoss.toFixed(3)}`,
    'calibration (out-of-fold predictions, by decile of predicted probability):',
    formatCalibration(cv.calibration),
  ].join('\n');
}

/** The largest weights first: what moves the predicted probability most. */
export function formatCoefficients(model: OutcomeModel, top = model.coefficients.length): string {
  const rows = [...model.coefficients].sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight)).slice(0, top);
  const lines = ['  feature                    per unit   standardised'];
  for (const c of rows) {
    lines.push(`  ${c.feature.padEnd(25)} ${(c.weight / c.scale).toFixed(3).padStart(9)}  ${c.weight.toFixed(3).padStart(13)}`);
  }
  return lines.join('\n');
}

export function formatModelSummary(model: OutcomeModel): string {
  const t = model.training;
  return [
    `model: feature set "${model.featureSet.name}" version ${model.featureSet.version}, ${model.coefficients.length} features, L2 λ = ${model.lambda}`,
    `trained on ${t.records} records (${pct(t.positiveRate)} in work or training after 6 months), Newton/IRLS ${t.converged ? 'converged' : 'did NOT converge'} in ${t.iterations} iterations`,
    'weights (log-odds; per unit of the feature, and per standard deviation):',
    formatCoefficients(model),
  ].join('\n');
}
