import { resourceKinds } from '../../problem.js';
import { addConstraint, edgeTerms } from '../model-builder.js';
import type { ModelBuilder } from '../model-builder.js';
import { isPlacing } from '../prepared-problem.js';
import { labels } from '../labels.js';
import { needsPlacedIndicator } from './fairness.js';

/**
 * Σ_{r of kind k} x[p,r] ≤ 1 for every participant and kind; `= 1` for the kinds
 * in policy.requireOne. A lone optional candidate needs no row: x is binary. Nor does
 * a mentor, training or opening when the model counts placed participants:
 * z[p] ≥ Σ_{r of kind k} x[p,r] with z[p] ≤ 1 already says it (placedIndicator).
 */
export function oneResourcePerKind(builder: ModelBuilder): void {
  const required = new Set(builder.prepared.problem.policy.requireOne);
  const impliedByPlaced = needsPlacedIndicator(builder);
  for (const participant of builder.prepared.problem.participants) {
    const candidates = builder.prepared.byParticipant.get(participant.id) ?? [];
    for (const kind of resourceKinds) {
      const ofKind = candidates.filter((candidate) => candidate.resource.kind === kind);
      const terms = edgeTerms(builder, ofKind, () => 1);
      if (required.has(kind)) {
        addConstraint(builder, labels.exactlyOne(participant.id, kind), terms, '=', 1);
      } else if (terms.length > 1 && !(impliedByPlaced && isPlacing(kind))) {
        addConstraint(builder, labels.atMostOne(participant.id, kind), terms, '<=', 1);
      }
    }
  }
}

/**
 * Σ_p load[p,r]·x[p,r] ≤ capacity(r): the caseload cap of a mentor, the seats of a
 * training session or opening, the places of a housing unit. Skipped when every
 * candidate together fits, since the row could never bind.
 */
export function capacity(builder: ModelBuilder): void {
  for (const [resourceId, candidates] of builder.prepared.byResource) {
    const resource = builder.prepared.resources.get(resourceId);
    if (!resource) continue;
    const totalLoad = candidates.reduce((sum, candidate) => sum + candidate.load, 0);
    if (totalLoad <= resource.capacity) continue;
    const terms = edgeTerms(builder, candidates, (candidate) => candidate.load);
    addConstraint(builder, labels.capacity(resource), terms, '<=', resource.capacity);
  }
}
