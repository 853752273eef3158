import { addConstraint, edgeVariable } from '../model-builder.js';
import type { ModelBuilder } from '../model-builder.js';
import { labels } from '../labels.js';

/** A bridge as the model sees it: its trainings cut down to p's candidate edges, sorted so that equal sets compare equal. */
interface ReachableBridge {
  opening: string;
  trainings: string[];
  /** The trainings the bridge names, for the label when none of them is a candidate. */
  named: string[];
}

/**
 * Language bridge: x[p,o] ≤ Σ_{t in T(o)} x[p,t], where T(o) are the bridging trainings
 * p has a candidate edge to. Written once per distinct set T of a participant:
 * Σ_{o with T(o) ⊆ T} x[p,o] ≤ Σ_{t in T} x[p,t]. p takes at most one opening, so each
 * row holds for every plan, implies the bridge of each o it counts, and keeps the
 * relaxation from taking half of two openings on half of one training.
 * With no training candidate left, T is empty and the row reads Σ x[p,o] ≤ 0.
 */
export function languageBridge(builder: ModelBuilder): void {
  for (const [participant, bridges] of bridgesByParticipant(builder)) {
    const sets = new Map(bridges.map((bridge) => [bridge.trainings.join('\u0000'), bridge.trainings]));
    for (const trainings of sets.values()) {
      // An opening no training can bridge is already held at 0 by its own row: counted nowhere else.
      const covered = bridges.filter((b) => (b.trainings.length > 0) === (trainings.length > 0) && b.trainings.every((t) => trainings.includes(t)));
      const openings = [...new Set(covered.map((bridge) => bridge.opening))];
      const terms = [
        ...openings.map((opening) => ({ variable: edgeVariable(builder, participant, opening), coefficient: 1 })),
        ...trainings.map((training) => ({ variable: edgeVariable(builder, participant, training), coefficient: -1 })),
      ].flatMap(({ variable, coefficient }) => (variable === undefined ? [] : [{ variable, coefficient }]));
      const named = trainings.length > 0 ? trainings : [...new Set(covered.flatMap((bridge) => bridge.named))];
      addConstraint(builder, labels.languageBridge(participant, openings, named, trainings.length > 0), terms, '<=', 0);
    }
  }
}

function bridgesByParticipant(builder: ModelBuilder): Map<string, ReachableBridge[]> {
  const grouped = new Map<string, ReachableBridge[]>();
  for (const bridge of builder.prepared.problem.bridges) {
    if (edgeVariable(builder, bridge.participant, bridge.opening) === undefined) continue;
    const named = [...new Set(bridge.trainings)];
    const trainings = named.filter((t) => edgeVariable(builder, bridge.participant, t) !== undefined).sort();
    const list = grouped.get(bridge.participant) ?? [];
    list.push({ opening: bridge.opening, trainings, named });
    grouped.set(bridge.participant, list);
  }
  return grouped;
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
