import type { MipTerm } from '../../mip.js';
import { resourceKinds } from '../../problem.js';
import { addConstraint, addVariable, edgeTerms } from '../model-builder.js';
import type { ModelBuilder } from '../model-builder.js';
import { isPlacing } from '../prepared-problem.js';
import { labels } from '../labels.js';

/** z[p] is only needed when a policy term counts placed participants. */
export function needsPlacedIndicator(builder: ModelBuilder): boolean {
  const policy = builder.prepared.problem.policy;
  return policy.priorityShare.length > 0 || policy.waitingBonusPerDay > 0;
}

/**
 * z[p] = 1 iff p receives at least one mentor, training or opening:
 * z[p] ≥ Σ_{r of kind k} x[p,r] for each placing kind k (p gets at most one of a
 * kind, so one row per kind says z[p] ≥ x[p,r] for all its edges, and is tighter),
 * and z[p] ≤ Σ_r x[p,r]. An opening under a language bridge comes with a training, so it
 * can be left out of that sum: the row stays valid and no longer lets half an opening on
 * half a training count as a whole placement. A participant with no such candidate is
 * never placed: no z is created.
 */
export function placedIndicator(builder: ModelBuilder): void {
  const bridged = new Map<string, Set<string>>();
  for (const bridge of builder.prepared.problem.bridges) {
    const openings = bridged.get(bridge.participant);
    if (openings) openings.add(bridge.opening);
    else bridged.set(bridge.participant, new Set([bridge.opening]));
  }
  for (const participant of builder.prepared.problem.participants) {
    const placing = (builder.prepared.byParticipant.get(participant.id) ?? []).filter((c) => isPlacing(c.resource.kind));
    if (placing.length === 0) continue;
    const openings = bridged.get(participant.id);
    const placed = addVariable(builder, `z[${participant.id}]`);
    builder.placedVariables.set(participant.id, placed);
    for (const kind of resourceKinds) {
      const given = edgeTerms(builder, placing.filter((c) => c.resource.kind === kind), () => -1);
      if (given.length === 0) continue;
      addConstraint(builder, labels.placedWhenGiven(participant.id, kind), [{ variable: placed, coefficient: 1 }, ...given], '>=', 0);
    }
    const unbridged = openings ? placing.filter((c) => !openings.has(c.resource.id)) : placing;
    const atMost = [{ variable: placed, coefficient: 1 }, ...edgeTerms(builder, unbridged, () => -1)];
    addConstraint(builder, labels.placedOnlyWhenGiven(participant.id), atMost, '<=', 0);
  }
}

/**
 * Σ_{p in group} z[p] ≥ minShare · Σ_p z[p], written as
 * Σ_p (member(p) − minShare)·z[p] ≥ 0.
 */
export function priorityShare(builder: ModelBuilder): void {
  const participants = builder.prepared.problem.participants;
  for (const share of builder.prepared.problem.policy.priorityShare) {
    if (share.minShare === 0) continue;
    const terms: MipTerm[] = [];
    for (const participant of participants) {
      const variable = builder.placedVariables.get(participant.id);
      if (variable === undefined) continue;
      const member = participant.priorityGroups.includes(share.group) ? 1 : 0;
      if (member !== share.minShare) terms.push({ variable, coefficient: member - share.minShare });
    }
    if (terms.length === 0) continue;
    addConstraint(builder, labels.priorityShare(share.group, share.minShare), terms, '>=', 0);
  }
}
