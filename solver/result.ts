import { z } from 'zod';
import { BackendName, type ResourceKind } from './problem.js';

/**
 * - `optimal`: proven optimal integer plan.
 * - `feasible`: the time limit stopped the search; the best integer plan found, with its `gap`.
 * - `infeasible`: no plan satisfies every constraint; `conflicts` names the ones that clash.
 * - `time_limit`: the time limit stopped the search before any integer plan was found.
 */
export const SolveStatus = z.enum(['optimal', 'feasible', 'infeasible', 'time_limit']);
export type SolveStatus = z.infer<typeof SolveStatus>;

export interface Assignment {
  participant: string;
  resource: string;
  kind: ResourceKind;
  score: number;
}

export const SolveStats = z.object({
  variables: z.number(),
  constraints: z.number(),
  milliseconds: z.number(),
  /** `lagrangian`: a large model answered by Lagrangian relaxation (plan and bound), see docs/scale.md. */
  backend: z.enum([...BackendName.exclude(['auto']).options, 'lsap', 'lagrangian', 'none']),
  nodes: z.number().optional(),
  /** Independent components solved one by one by the scale pipeline; absent: one model. */
  components: z.number().optional(),
  /** Candidate edges dropped by pruning to policy.candidatesPerKind; absent: no pruning asked. */
  prunedEdges: z.number().optional(),
});
export type SolveStats = z.infer<typeof SolveStats>;

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
