import { addConstraint, addVariable, edgeVariable } from '../model-builder.js';
import type { ModelBuilder } from '../model-builder.js';
import { labels } from '../labels.js';

/**
 * One place to live: y[p,g] for each region g that p accepts, Σ_g y[p,g] = 1.
 * With a single accepted region (the home region) y is fixed and not created.
 */
export function onePlaceToLive(builder: ModelBuilder): void {
  for (const [participant, regions] of builder.prepared.acceptedRegions) {
    if (regions.length < 2) continue;
    const variables = new Map<string, number>();
    for (const region of regions) variables.set(region, addVariable(builder, `y[${participant},${region}]`));
    builder.regionVariables.set(participant, variables);
    const terms = [...variables.values()].map((variable) => ({ variable, coefficient: 1 }));
    addConstraint(builder, labels.onePlaceToLive(participant, regions), terms, '=', 1);
  }
}

/**
 * Region-bound resources follow the participant: x[p,r] ≤ y[p,region(r)].
 * Edges to regions p does not accept were already dropped, and with a single
 * accepted region every remaining bound resource lies in it.
 */
export function resourceFollowsRegion(builder: ModelBuilder): void {
  for (const candidate of builder.prepared.candidates) {
    const region = candidate.resource.region;
    const regionVariable = region === undefined ? undefined : builder.regionVariables.get(candidate.participant)?.get(region);
    if (region === undefined || regionVariable === undefined) continue;
    const variable = edgeVariable(builder, candidate.participant, candidate.resource.id);
    if (variable === undefined) continue;
    const terms = [
      { variable, coefficient: 1 },
      { variable: regionVariable, coefficient: -1 },
    ];
    addConstraint(builder, labels.followsRegion(candidate.participant, candidate.resource, region), terms, '<=', 0);
  }
}

/** Relocation needs housing: for every accepted g ≠ home(p), Σ_{h housing in g} x[p,h] ≥ y[p,g]. */
export function housingForRelocation(builder: ModelBuilder): void {
  for (const [participant, variables] of builder.regionVariables) {
    const home = builder.prepared.acceptedRegions.get(participant)?.[0];
    const candidates = builder.prepared.byParticipant.get(participant) ?? [];
    for (const [region, regionVariable] of variables) {
      if (region === home) continue;
      const terms = [{ variable: regionVariable, coefficient: -1 }];
      for (const candidate of candidates) {
        if (candidate.resource.kind !== 'housing' || candidate.resource.region !== region) continue;
        const variable = edgeVariable(builder, participant, candidate.resource.id);
        if (variable !== undefined) terms.push({ variable, coefficient: 1 });
      }
      addConstraint(builder, labels.housingForRelocation(participant, region), terms, '>=', 0);
    }
  }
}
