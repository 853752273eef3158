import type { SolveResult, SolveStats, SolveStatus } from '../result.js';

const severity: Record<SolveStatus, number> = { optimal: 0, feasible: 1, time_limit: 2, infeasible: 3 };

/**
 * One result from the results of independent components. Objectives and bounds add up,
 * so the gap is (Σ bound − Σ objective) / max(1, |Σ objective|); the status is the worst
 * one; with an infeasible or planless component the whole problem has no plan.
 */
export function mergeResults(parts: readonly SolveResult[], milliseconds: number): SolveResult {
  const status = parts.reduce<SolveStatus>((worst, part) => (severity[part.status] > severity[worst] ? part.status : worst), 'optimal');
  const stats = mergedStats(parts, milliseconds);
  if (status === 'infeasible' || status === 'time_limit') {
    const conflicts = parts.filter((part) => part.status === status).flatMap((part) => part.conflicts);
    return { status, objective: null, gap: null, assignments: [], regions: {}, conflicts, stats };
  }
  const objective = parts.reduce((sum, part) => sum + (part.objective ?? 0), 0);
  const bound = parts.reduce<number | null>((sum, part) => (sum === null ? null : addBound(sum, part)), 0);
  return {
    status,
    objective,
    gap: status === 'optimal' ? 0 : bound === null ? null : Math.max(0, bound - objective) / Math.max(1, Math.abs(objective)),
    assignments: parts.flatMap((part) => part.assignments),
    regions: Object.assign({}, ...parts.map((part) => part.regions)) as Record<string, string>,
    conflicts: [],
    stats,
  };
}

/** bound = objective + gap·max(1, |objective|), inverting SolveResult's definition of the gap. */
export function boundOf(result: SolveResult): number | null {
  if (result.objective === null || result.gap === null) return null;
  return result.objective + result.gap * Math.max(1, Math.abs(result.objective));
}

function addBound(sum: number, part: SolveResult): number | null {
  const bound = boundOf(part);
  return bound === null ? null : sum + bound;
}

/** Counts add up; the backend named is the one that solved the largest component. */
function mergedStats(parts: readonly SolveResult[], milliseconds: number): SolveStats {
  const largest = parts.reduce((best, part) => (part.stats.variables > best.stats.variables ? part : best));
  const nodes = parts.reduce((sum, part) => sum + (part.stats.nodes ?? 0), 0);
  return {
    variables: parts.reduce((sum, part) => sum + part.stats.variables, 0),
    constraints: parts.reduce((sum, part) => sum + part.stats.constraints, 0),
    milliseconds,
    backend: largest.stats.backend,
    ...(parts.some((part) => part.stats.nodes !== undefined) ? { nodes } : {}),
    components: parts.length,
  };
}
