import type { Problem } from '../problem.js';
import { prepareProblem } from '../exact/prepared-problem.js';
import { relaxationTargetGap } from './large-model.js';
import { lagrangianRelaxation, type WarmStart } from './lagrangian/relax.js';

/** Share of the pricing time spent on the bound, whose multipliers are the prices; the rest builds plans. */
const boundShare = 0.9;

/** Multipliers to start a relaxation from: those of a similar problem (e.g. fewer candidates of the same round). */
export type StartPrices = Omit<WarmStart, 'start'>;

/**
 * `prices`: λ_r ≥ 0 by resource id (absent: 0), the multipliers of the capacity rows at the best
 * bound found; `shares`: μ_s ≥ 0 by priority share, in the policy's order.
 */
export interface ResourcePrices extends StartPrices {
  /** The Lagrangian bound at those multipliers: an upper bound on this problem's optimum. */
  bound: number;
  /** The pairs of the best plan the relaxation found (none when it found none). */
  plan: { participant: string; resource: string }[];
}

/**
 * What each resource's scarcity costs, by `deadline`: the Lagrangian multipliers of the capacity
 * rows (solver/scale/lagrangian). score − λ_r·load is what a pair is worth once the resource is
 * paid for; the pairs a problem lacks that are worth most at these prices are the ones to add
 * (the pricing step of column generation). Started from `warm`, the prices of a smaller set of
 * candidates of the same round. The relaxation leaves forced picks (policy.requireOne, require
 * overrides) to the exact model: a problem with them has no prices here (warmStartApplies).
 */
export function resourcePrices(problem: Problem, deadline: number, warm?: StartPrices): ResourcePrices {
  const outcome = lagrangianRelaxation(prepareProblem(problem), deadline, relaxationTargetGap, warm, boundShare);
  const plan = (outcome.plan?.chosen ?? []).map((c) => ({ participant: c.participant, resource: c.resource.id }));
  return { prices: outcome.prices, shares: outcome.shares, bound: outcome.bound, plan };
}
