import type { ResourceKind } from '../../solver/problem.js';
import type { Participant } from '../domain/participant.js';
import type { Pool } from '../domain/pool.js';
import { evaluatePool, type ParticipantEligibility, type PoolEligibility } from '../eligibility/evaluate.js';
import { capacityOf, loadOf } from '../round/build-problem.js';
import { ruleBasedScorer } from '../scoring/rule-based-scorer.js';
import type { PairScorer, PoolResource } from '../scoring/scorer.js';

/** A participant's plan: the resources they received, by position in the eligibility index. */
export interface Plan {
  participant: Participant;
  resources: PoolResource[];
}

const kindOrder: readonly ResourceKind[] = ['training', 'opening', 'mentor', 'housing'];

interface Greedy {
  eligibility: PoolEligibility;
  room: number[];
  /** Score of each eligible pair, by participant position, then resource position. */
  scores: Map<number, number>[];
}

/** One plan for one region: per kind, the best-scored eligible resource with room, in that region or unbound. */
function planIn(g: Greedy, p: number, participant: Participant, region: string | undefined): { picks: number[]; score: number } | null {
  const { index } = g.eligibility;
  const eligible: ParticipantEligibility = g.eligibility.participants[p]!;
  const picks: number[] = [];
  let score = 0;
  const moves = region !== participant.homeRegion;
  for (const kind of kindOrder) {
    // Housing goes to those who need it where they live, or who move.
    if (kind === 'housing' && !moves && !participant.housing.needed) continue;
    const options = eligible.byKind[kind].eligible.filter((r) => {
      const resource = index.resources[r]!;
      if (resource.kind === 'opening' && resource.item.status !== 'open') return false;
      if (g.room[r]! < loadOf(participant, resource)) return false;
      if (region !== undefined && resource.item.region !== undefined && resource.item.region !== region) return false;
      const bridge = eligible.bridges.get(r);
      return !bridge || bridge.some((t) => picks.includes(t));
    });
    const best = options.sort((a, b) => g.scores[p]!.get(b)! - g.scores[p]!.get(a)!)[0];
    if (best === undefined) continue;
    picks.push(best);
    score += g.scores[p]!.get(best)!;
  }
  const housed = picks.some((r) => index.resources[r]!.kind === 'housing');
  if (moves && !housed) return null;
  return { picks, score };
}

function regionsOf(participant: Participant, eligibility: PoolEligibility): (string | undefined)[] {
  if (!participant.homeRegion) return [undefined];
  const others = participant.relocation.willing
    ? (participant.relocation.regions.length > 0 ? participant.relocation.regions : eligibility.index.regions)
    : [];
  return [participant.homeRegion, ...others.filter((r) => r !== participant.homeRegion)];
}

function scoresOf(pool: Pool, eligibility: PoolEligibility, scorer: PairScorer): Map<number, number>[] {
  return pool.participants.map((participant, p) => {
    const positions = Object.values(eligibility.participants[p]!.byKind).flatMap((k) => Array.from(k.eligible));
    const scored = scorer(pool, positions.map((r) => ({ participant, resource: eligibility.index.resources[r]! })));
    return new Map(positions.map((r, i) => [r, scored[i]!.score]));
  });
}

/**
 * Today's practice: participants in order of waiting date (earliest first), each given,
 * in each kind, the best eligible resource that still has room. Someone who may relocate
 * goes where that gives the best total, and only to a region with housing for them.
 */
export function firstComeFirstServed(pool: Pool, scorer: PairScorer = ruleBasedScorer): Plan[] {
  const eligibility = evaluatePool(pool);
  const g: Greedy = { eligibility, room: eligibility.index.resources.map(capacityOf), scores: scoresOf(pool, eligibility, scorer) };
  const order = pool.participants.map((participant, p) => ({ participant, p }))
    .sort((a, b) => a.participant.waitingSince.localeCompare(b.participant.waitingSince) || a.participant.id.localeCompare(b.participant.id));
  const plans: Plan[] = [];
  for (const { participant, p } of order) {
    let chosen: { picks: number[]; score: number } | null = null;
    for (const region of regionsOf(participant, eligibility)) {
      const plan = planIn(g, p, participant, region);
      if (plan && (!chosen || plan.score > chosen.score)) chosen = plan;
    }
    const picks = chosen?.picks ?? [];
    for (const r of picks) g.room[r] = g.room[r]! - loadOf(participant, eligibility.index.resources[r]!);
    plans.push({ participant, resources: picks.map((r) => eligibility.index.resources[r]!) });
  }
  return plans;
}
