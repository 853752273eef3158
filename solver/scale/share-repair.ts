import type { Problem } from '../problem.js';
import { isPlacing } from '../exact/prepared-problem.js';
import type { GreedyPlan } from './greedy.js';

/**
 * Restores the priority shares of a greedy plan by taking the mentor, training and opening
 * away from placed non-members, lowest scores first: each one removed raises
 * Σ_{placed} (member − minShare) by minShare. Participants with a require override or a
 * required kind are left alone; the caller checks the result against the model anyway.
 */
export function repairPriorityShares(problem: Problem, plan: GreedyPlan): GreedyPlan {
  let chosen = plan.chosen;
  const groups = new Map(problem.participants.map((p) => [p.id, p.priorityGroups]));
  const fixed = new Set(problem.overrides.filter((o) => o.action === 'require').map((o) => o.participant));
  const mustPlace = problem.policy.requireOne.some(isPlacing);
  for (const share of problem.policy.priorityShare) {
    if (share.minShare === 0 || mustPlace) continue;
    const value = new Map<string, number>();
    for (const c of chosen) if (isPlacing(c.resource.kind)) value.set(c.participant, (value.get(c.participant) ?? 0) + c.score);
    const member = (p: string) => groups.get(p)?.includes(share.group) ?? false;
    let slack = [...value.keys()].reduce((sum, p) => sum + (member(p) ? 1 : 0) - share.minShare, 0);
    const removable = [...value.keys()].filter((p) => !member(p) && !fixed.has(p)).sort((a, b) => value.get(a)! - value.get(b)!);
    const removed = new Set<string>();
    for (const participant of removable) {
      if (slack >= -1e-9) break;
      removed.add(participant);
      slack += share.minShare;
    }
    chosen = chosen.filter((c) => !(removed.has(c.participant) && isPlacing(c.resource.kind)));
  }
  return { ...plan, chosen };
}
