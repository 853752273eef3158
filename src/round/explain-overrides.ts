import type { Problem } from '../../solver/problem.js';
import type { Pool } from '../domain/pool.js';
import type { PoolEligibility } from '../eligibility/evaluate.js';
import { eligibilityContext } from '../eligibility/facts.js';
import { checkPair } from '../eligibility/rules.js';
import { pairKey } from './explain.js';

/**
 * Why a `require` override names a pair that is no candidate at all: the eligibility rule that
 * refused it, in the words of the rule. The solver only knows that the pair has no edge.
 */
export function refusedRequires(pool: Pool, eligibility: PoolEligibility, problem: Problem): string[] {
  const edges = new Set(problem.edges.map((e) => pairKey(e.participant, e.resource)));
  const participants = new Map(pool.participants.map((p) => [p.id, p]));
  const lines: string[] = [];
  for (const o of problem.overrides) {
    if (o.action !== 'require' || edges.has(pairKey(o.participant, o.resource))) continue;
    const participant = participants.get(o.participant);
    const position = eligibility.index.position.get(o.resource);
    if (!participant || position === undefined) continue;
    const context = eligibilityContext(participant, eligibility.referenceDate, eligibility.index.regions);
    const reason = checkPair(participant, eligibility.index.resources[position]!, context);
    if (reason) lines.push(`require override: ${o.participant} → ${o.resource} is refused by rule ${reason.rule}: ${reason.message}`);
  }
  return lines;
}
