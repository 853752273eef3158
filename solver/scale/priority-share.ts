import type { Problem } from '../problem.js';
import type { Assignment } from '../result.js';
import { isPlacing } from '../exact/prepared-problem.js';

const tolerance = 1e-9;

/** Whether any priority share asks for more than nothing: only then does it couple everybody. */
export function hasPriorityShare(problem: Problem): boolean {
  return problem.policy.priorityShare.some((share) => share.minShare > 0);
}

/**
 * Σ_{p placed} (member(p) − minShare) ≥ 0 for every share of the policy, on a plan's
 * assignments; "placed" means given a mentor, training or opening, as in the model.
 */
export function priorityShareHolds(problem: Problem, assignments: readonly Assignment[]): boolean {
  const placed = new Set(assignments.filter((a) => isPlacing(a.kind)).map((a) => a.participant));
  const groups = new Map(problem.participants.map((p) => [p.id, p.priorityGroups]));
  return problem.policy.priorityShare.every((share) => {
    let slack = 0;
    for (const participant of placed) {
      slack += (groups.get(participant)?.includes(share.group) ? 1 : 0) - share.minShare;
    }
    return slack >= -tolerance;
  });
}
