import { addObjective, edgeVariable } from './model-builder.js';
import type { ModelBuilder } from './model-builder.js';

/** Σ score[p,r]·x[p,r]. */
export function edgeScores(builder: ModelBuilder): void {
  for (const candidate of builder.prepared.candidates) {
    const variable = builder.candidateVariables.get(candidate);
    if (variable !== undefined) addObjective(builder, variable, candidate.score);
  }
}

/** + waitingBonusPerDay · waitingDays(p) · z[p]: the longer someone waited, the more placing them is worth. */
export function waitingBonus(builder: ModelBuilder): void {
  const perDay = builder.prepared.problem.policy.waitingBonusPerDay;
  if (perDay === 0) return;
  for (const participant of builder.prepared.problem.participants) {
    const placed = builder.placedVariables.get(participant.id);
    if (placed !== undefined) addObjective(builder, placed, perDay * participant.waitingDays);
  }
}

/**
 * − stabilityPenalty · (1 − x[p,r]) for each published pair (p,r), i.e. a constant
 * −penalty plus +penalty·x[p,r]. A pair that lost its edge costs the constant alone.
 */
export function stabilityPenalty(builder: ModelBuilder): void {
  const { previous, stabilityPenalty: penalty } = builder.prepared.problem.policy;
  if (penalty === 0) return;
  for (const pair of previous) {
    builder.objectiveConstant -= penalty;
    const variable = edgeVariable(builder, pair.participant, pair.resource);
    if (variable !== undefined) addObjective(builder, variable, penalty);
  }
}
