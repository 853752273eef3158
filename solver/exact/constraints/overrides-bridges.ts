import { addConstraint, edgeVariable } from '../model-builder.js';
import type { ModelBuilder } from '../model-builder.js';
import { labels } from '../labels.js';

/**
 * Language bridge: x[p,o] ≤ Σ_{t in bridge.trainings} x[p,t]. With no training
 * candidate left the row reads x[p,o] ≤ 0: the opening is out of reach.
 */
export function languageBridge(builder: ModelBuilder): void {
  for (const bridge of builder.prepared.problem.bridges) {
    const opening = edgeVariable(builder, bridge.participant, bridge.opening);
    if (opening === undefined) continue;
    const terms = [{ variable: opening, coefficient: 1 }];
    for (const training of bridge.trainings) {
      const variable = edgeVariable(builder, bridge.participant, training);
      if (variable !== undefined) terms.push({ variable, coefficient: -1 });
    }
    addConstraint(builder, labels.languageBridge(bridge.participant, bridge.opening, bridge.trainings), terms, '<=', 0);
  }
}

/**
 * Require override: x[p,r] = 1, as a labelled row rather than a bound, so that the
 * infeasibility report can name it. (Forbid overrides removed their edge already.)
 * A require on a pair without a candidate edge is caught before the model is built.
 */
export function requireOverride(builder: ModelBuilder): void {
  for (const override of builder.prepared.problem.overrides) {
    if (override.action !== 'require') continue;
    const variable = edgeVariable(builder, override.participant, override.resource);
    if (variable === undefined) continue;
    const label = labels.requireOverride(override.participant, override.resource);
    addConstraint(builder, label, [{ variable, coefficient: 1 }], '=', 1);
  }
}
