import { resourceKinds } from '../../problem.js';
import type { ResourceKind } from '../../problem.js';
import { addConstraint, addVariable, edgeTerms } from '../model-builder.js';
import type { ModelBuilder } from '../model-builder.js';
import type { Candidate } from '../prepared-problem.js';
import { labels } from '../labels.js';

/**
 * One place to live: a variable y[p,g] for each region g that p accepts and can live in,
 * Σ_g y[p,g] = 1. Away from home p can only live with housing there (housingForRelocation),
 * so a region without a housing candidate gets no y, and one with a single housing
 * candidate h takes x[p,h] itself as y[p,g]: the equality y[p,g] = x[p,h] needs no row.
 * When home is the only region left, y is fixed and not created.
 */
export function onePlaceToLive(builder: ModelBuilder): void {
  for (const [participant, regions] of builder.prepared.acceptedRegions) {
    if (regions.length < 2) continue;
    const housing = boundCandidates(builder, participant).get('housing') ?? new Map<string, Candidate[]>();
    const away = regions.slice(1).filter((region) => (housing.get(region)?.length ?? 0) > 0);
    if (away.length === 0) continue;
    const variables = new Map<string, number>();
    for (const region of [regions[0] as string, ...away]) {
      const only = housing.get(region);
      const shared = region !== regions[0] && only?.length === 1 ? edgeTerms(builder, only, () => 1)[0]?.variable : undefined;
      variables.set(region, shared ?? addVariable(builder, `y[${participant},${region}]`));
    }
    builder.regionVariables.set(participant, variables);
    const terms = [...variables.values()].map((variable) => ({ variable, coefficient: 1 }));
    addConstraint(builder, labels.onePlaceToLive(participant, regions), terms, '=', 1);
  }
}

/**
 * Region-bound resources follow the participant, one row per kind and region:
 * Σ_{r of kind k in g} x[p,r] ≤ y[p,g]. With at most one resource of a kind this
 * is what x[p,r] ≤ y[p,g] per edge says of integer plans, and a tighter relaxation:
 * a half-lived region can no longer carry a whole mentor. Housing away from home is
 * left to housingForRelocation. Edges to regions p does not accept were already
 * dropped, and with a single accepted region every remaining bound resource lies in it.
 */
export function resourceFollowsRegion(builder: ModelBuilder): void {
  for (const [participant, variables] of builder.regionVariables) {
    const home = builder.prepared.acceptedRegions.get(participant)?.[0];
    for (const [kind, byRegion] of boundCandidates(builder, participant)) {
      for (const [region, candidates] of byRegion) {
        const regionVariable = variables.get(region);
        if (regionVariable === undefined || (kind === 'housing' && region !== home)) continue;
        const terms = [...edgeTerms(builder, candidates, () => 1), { variable: regionVariable, coefficient: -1 }];
        addConstraint(builder, labels.followsRegion(participant, kind, region), terms, '<=', 0);
      }
    }
  }
}

/**
 * Relocation needs housing, and housing away from home means living there: for every
 * accepted g ≠ home(p), Σ_{h housing in g} x[p,h] = y[p,g] (the ≥ half is the rule of
 * DESIGN.md §3, the ≤ half is resourceFollowsRegion for housing). A single housing
 * candidate is y[p,g] itself (onePlaceToLive); without any, p cannot live in g and
 * receives nothing there: Σ_{r in g} x[p,r] ≤ 0.
 */
export function housingForRelocation(builder: ModelBuilder): void {
  for (const [participant, regions] of builder.prepared.acceptedRegions) {
    const bound = boundCandidates(builder, participant);
    const housing = bound.get('housing') ?? new Map<string, Candidate[]>();
    for (const region of regions.slice(1)) {
      const houses = housing.get(region) ?? [];
      const regionVariable = builder.regionVariables.get(participant)?.get(region);
      if (houses.length === 0) {
        const inRegion = [...bound.values()].flatMap((byRegion) => byRegion.get(region) ?? []);
        if (inRegion.length === 0) continue;
        addConstraint(builder, labels.relocationWithoutHousing(participant, region), edgeTerms(builder, inRegion, () => 1), '<=', 0);
      } else if (houses.length > 1 && regionVariable !== undefined) {
        const terms = [...edgeTerms(builder, houses, () => 1), { variable: regionVariable, coefficient: -1 }];
        addConstraint(builder, labels.housingForRelocation(participant, region), terms, '=', 0);
      }
    }
  }
}

/** A participant's region-bound candidates, by kind, then region. */
function boundCandidates(builder: ModelBuilder, participant: string): Map<ResourceKind, Map<string, Candidate[]>> {
  const grouped = new Map<ResourceKind, Map<string, Candidate[]>>(resourceKinds.map((kind) => [kind, new Map()]));
  for (const candidate of builder.prepared.byParticipant.get(participant) ?? []) {
    const region = candidate.resource.region;
    const byRegion = grouped.get(candidate.resource.kind);
    if (region === undefined || !byRegion) continue;
    const list = byRegion.get(region);
    if (list) list.push(candidate);
    else byRegion.set(region, [candidate]);
  }
  return grouped;
}
