import type { MipModel } from '../mip.js';
import { createModelBuilder, toModel } from './model-builder.js';
import type { ModelBuilder } from './model-builder.js';
import type { PreparedProblem } from './prepared-problem.js';
import { capacity, oneResourcePerKind } from './constraints/assignment.js';
import { housingForRelocation, onePlaceToLive, resourceFollowsRegion } from './constraints/location.js';
import { languageBridge, requireOverride } from './constraints/overrides-bridges.js';
import { needsPlacedIndicator, placedIndicator, priorityShare } from './constraints/fairness.js';
import { edgeScores, stabilityPenalty, waitingBonus } from './objective.js';

export interface BuiltModel {
  model: MipModel;
  builder: ModelBuilder;
}

/** The placement model of DESIGN.md §3, one named function per constraint and objective term. */
export function buildModel(prepared: PreparedProblem): BuiltModel {
  const builder = createModelBuilder(prepared);
  oneResourcePerKind(builder);
  capacity(builder);
  onePlaceToLive(builder);
  resourceFollowsRegion(builder);
  housingForRelocation(builder);
  languageBridge(builder);
  requireOverride(builder);
  if (needsPlacedIndicator(builder)) {
    placedIndicator(builder);
    priorityShare(builder);
  }
  edgeScores(builder);
  waitingBonus(builder);
  stabilityPenalty(builder);
  return { model: toModel(builder), builder };
}
