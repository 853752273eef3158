import type { ResourceKind, BackendName } from './problem.js';

/**
 * - `optimal`: proven optimal integer plan.
 * - `feasible`: the time limit stopped the search; the best integer plan found, with its `gap`.
 * - `infeasible`: no plan satisfies every constraint; `conflicts` names the ones that clash.
 * - `time_limit`: the time limit stopped the search before any integer plan was found.
 */
export type SolveStatus = 'optimal' | 'feasible' | 'infeasible' | 'time_limit';

export interface Assignment {
  participant: string;
  resource: string;
  kind: ResourceKind;
  score: number;
}

export interface SolveStats {
  variables: number;
  constraints: number;
  milliseconds: number;
  /** `lagrangian`: a large model answered by Lagrangian relaxation (plan and bound), see docs/scale.md. */
  backend: Exclude<BackendName, 'auto'> | 'lsap' | 'lagrangian' | 'none';
  nodes?: number;
  /** Independent components solved one by one by the scale pipeline; absent: one model. */
  components?: number;
  /** Candidate edges dropped by pruning to policy.candidatesPerKind; absent: no pruning asked. */
  prunedEdges?: number;
}

export interface SolveResult {
  status: SolveStatus;
  /** Σ score·x plus the policy terms; null when there is no plan. */
  objective: number | null;
  /** Relative gap |bound − objective| / max(1, |objective|); 0 when optimal, null without a plan. */
  gap: number | null;
  assignments: Assignment[];
  /** Region where each participant with a home region will live. */
  regions: Record<string, string>;
  /** Plain-language labels of constraints that cannot hold together (status `infeasible`). */
  conflicts: string[];
  stats: SolveStats;
}
