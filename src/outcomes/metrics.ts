/** Area under the ROC curve: the chance that a random success is ranked above a random failure (ties count half). */
export function auc(scores: readonly number[], labels: readonly number[]): number {
  const order = scores.map((s, i) => [s, i] as const).sort((a, b) => a[0] - b[0]);
  // Mann–Whitney: AUC = (R₁ − n₁(n₁ + 1)/2) / (n₁·n₀), R₁ the rank sum of the successes, mid-ranks for ties.
  let rankSum = 0;
  let positives = 0;
  for (let start = 0; start < order.length;) {
    let end = start;
    while (end + 1 < order.length && order[end + 1]![0] === order[start]![0]) end += 1;
    const midRank = (start + end) / 2 + 1;
    for (let k = start; k <= end; k += 1) {
      if (labels[order[k]![1]] === 1) { rankSum += midRank; positives += 1; }
    }
    start = end + 1;
  }
  const negatives = order.length - positives;
  if (positives === 0 || negatives === 0) return Number.NaN;
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

/** Mean of −[y·log p + (1 − y)·log(1 − p)], with p clipped to [1e-15, 1 − 1e-15]. */
export function logLoss(probabilities: readonly number[], labels: readonly number[]): number {
  let total = 0;
  probabilities.forEach((raw, i) => {
    const p = Math.min(1 - 1e-15, Math.max(1e-15, raw));
    total -= labels[i] === 1 ? Math.log(p) : Math.log(1 - p);
  });
  return total / Math.max(1, probabilities.length);
}

export interface CalibrationRow {
  decile: number;
  count: number;
  meanPredicted: number;
  observedRate: number;
}

/** Records sorted by predicted probability, cut into `bins` groups of (nearly) equal size. */
export function calibrationTable(probabilities: readonly number[], labels: readonly number[], bins = 10): CalibrationRow[] {
  const order = probabilities.map((p, i) => i).sort((a, b) => probabilities[a]! - probabilities[b]!);
  const rows: CalibrationRow[] = [];
  for (let b = 0; b < bins; b += 1) {
    const members = order.slice(Math.floor((b * order.length) / bins), Math.floor(((b + 1) * order.length) / bins));
    if (members.length === 0) continue;
    const mean = (values: number[]) => values.reduce((s, v) => s + v, 0) / values.length;
    rows.push({
      decile: b + 1,
      count: members.length,
      meanPredicted: mean(members.map((i) => probabilities[i]!)),
      observedRate: mean(members.map((i) => labels[i]!)),
    });
  }
  return rows;
}
