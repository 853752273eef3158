import { linearSumAssignment } from 'linear-sum-assignment';
import type { Problem, ProblemEdge, ResourceKind } from '../problem.js';
import type { Assignment, SolveResult } from '../result.js';
import { isPlacing, regionsOf } from '../exact/prepared-problem.js';
import { reachableEdges } from './reachable.js';

/** Above this many matrix cells the dense Jonker–Volgenant matrix costs more than the MIP. */
export const assignmentCellLimit = 4_000_000;

/**
 * A pure one-to-one assignment (duo mentoring): one kind, every capacity 1, every load 1,
 * nobody choosing between regions, no bridge, required pair, previous pair, required kind or
 * priority share. A waiting bonus is allowed: it folds into the weights (bonusOf). Its model is max Σ s·x with Σ_r x[p,r] ≤ 1 and Σ_p x[p,r] ≤ 1: a linear
 * sum assignment problem, whose constraint matrix is totally unimodular.
 */
export function isPureAssignment(problem: Problem): boolean {
  const { policy } = problem;
  const policyTermsOff = policy.requireOne.length === 0
    && policy.priorityShare.every((share) => share.minShare === 0)
    && (policy.stabilityPenalty === 0 || policy.previous.length === 0);
  if (!policyTermsOff || problem.bridges.length > 0 || problem.overrides.some((o) => o.action === 'require')) return false;
  if (problem.participants.some((participant) => regionsOf(participant).length > 1)) return false;
  const resources = new Map(problem.resources.map((resource) => [resource.id, resource]));
  const kinds = new Set<ResourceKind>();
  for (const edge of problem.edges) {
    const resource = resources.get(edge.resource);
    if (!resource || resource.capacity !== 1 || edge.load !== 1) return false;
    kinds.add(resource.kind);
  }
  return kinds.size <= 1;
}

/**
 * The waiting bonus as part of each edge's weight. With one kind, p receives at most one
 * resource, so "p is placed" is Σ_r x[p,r] and bonus_p·placed_p = Σ_r bonus_p·x[p,r]: the
 * model stays an assignment. Housing alone places nobody, so it earns no bonus.
 */
function bonusOf(problem: Problem, kinds: ReadonlyMap<string, ResourceKind>): (edge: ProblemEdge) => number {
  const perDay = problem.policy.waitingBonusPerDay;
  const waiting = new Map(problem.participants.map((p) => [p.id, p.waitingDays]));
  return (edge) => (perDay === 0 || !isPlacing(kinds.get(edge.resource)!) ? 0 : perDay * (waiting.get(edge.participant) ?? 0));
}

/**
 * Solves a pure assignment exactly with Jonker–Volgenant (`linear-sum-assignment`) on the
 * matrix w[p,r] = max(score + waiting bonus, 0), with 0 for pairs without an edge: a pair of weight 0 stands
 * for "left unassigned", which the at-most-one rows allow, so the assignment optimum is the
 * model optimum. Returns undefined when the matrix would be too large.
 */
export function solvePureAssignment(problem: Problem): SolveResult | undefined {
  const started = Date.now();
  const kinds = new Map(problem.resources.map((resource) => [resource.id, resource.kind]));
  const bonus = bonusOf(problem, kinds);
  const edges = reachableEdges(problem).filter((edge) => edge.score + bonus(edge) > 0);
  const rows = indexOf(edges.map((edge) => edge.participant));
  const columns = indexOf(edges.map((edge) => edge.resource));
  if (rows.size * columns.size > assignmentCellLimit) return undefined;
  const chosen = edges.length === 0 ? [] : assign(edges, rows, columns, bonus);
  const assignments: Assignment[] = chosen.map((edge) => ({
    participant: edge.participant,
    resource: edge.resource,
    kind: kinds.get(edge.resource)!,
    score: edge.score,
  }));
  return {
    status: 'optimal',
    objective: chosen.reduce((sum, edge) => sum + edge.score + bonus(edge), 0),
    gap: 0,
    assignments,
    regions: homeRegions(problem),
    conflicts: [],
    stats: {
      variables: problem.edges.length,
      constraints: rows.size + columns.size,
      milliseconds: Date.now() - started,
      backend: 'lsap',
    },
  };
}

function assign(
  edges: readonly ProblemEdge[], rows: ReadonlyMap<string, number>, columns: ReadonlyMap<string, number>, bonus: (edge: ProblemEdge) => number,
): ProblemEdge[] {
  const matrix = Array.from({ length: rows.size }, () => new Float64Array(columns.size));
  for (const edge of edges) matrix[rows.get(edge.participant)!]![columns.get(edge.resource)!] = edge.score + bonus(edge);
  const { rowAssignments } = linearSumAssignment(matrix, { maximaze: true });
  return edges.filter((edge) => rowAssignments[rows.get(edge.participant)!] === columns.get(edge.resource));
}

function indexOf(ids: readonly string[]): Map<string, number> {
  const index = new Map<string, number>();
  for (const id of ids) if (!index.has(id)) index.set(id, index.size);
  return index;
}

/** Nobody chooses a region here: each participant with a home region stays there. */
function homeRegions(problem: Problem): Record<string, string> {
  const regions: Record<string, string> = {};
  for (const participant of problem.participants) {
    if (participant.homeRegion !== undefined) regions[participant.id] = participant.homeRegion;
  }
  return regions;
}
