import type { MipBackend, MipConstraint, MipModel } from '../mip.js';

/** How many labels an infeasibility report lists before summarising the rest. */
export const maxReportedConflicts = 25;

type Verdict = 'infeasible' | 'feasible' | 'unknown';

/**
 * Deletion filter over the model's constraint groups (one group per label),
 * dropping whole blocks at a time and halving a block that cannot be dropped:
 * what remains is an irreducible infeasible set, named by its labels. When the
 * deadline comes first, the remaining set still cannot hold together but may
 * not be minimal, and the report says so.
 */
export async function irreducibleConflicts(model: MipModel, backend: MipBackend, deadline: number): Promise<string[]> {
  const groups = groupByLabel(model.constraints);
  const essential: string[] = [];
  const pending: string[][] = [[...groups.keys()]];
  while (pending.length > 0) {
    if (Date.now() >= deadline) return report([...essential, ...pending.flat()], false);
    const block = pending.pop() ?? [];
    const rest = [...essential, ...pending.flat()];
    const verdict = await feasibility(model, rest, groups, backend, deadline);
    if (verdict === 'infeasible') continue;
    if (block.length === 1) essential.push(...block);
    else if (block.length > 1) {
      const middle = Math.ceil(block.length / 2);
      pending.push(block.slice(middle), block.slice(0, middle));
    }
  }
  return report(essential, true);
}

function groupByLabel(constraints: readonly MipConstraint[]): Map<string, MipConstraint[]> {
  const groups = new Map<string, MipConstraint[]>();
  for (const constraint of constraints) {
    const group = groups.get(constraint.label);
    if (group) group.push(constraint);
    else groups.set(constraint.label, [constraint]);
  }
  return groups;
}

async function feasibility(
  model: MipModel,
  kept: readonly string[],
  groups: Map<string, MipConstraint[]>,
  backend: MipBackend,
  deadline: number,
): Promise<Verdict> {
  const constraints = kept.flatMap((label) => groups.get(label) ?? []);
  if (constraints.length === 0) return 'feasible';
  const variables = model.variables.map((variable) => ({ ...variable, objective: 0 }));
  const timeLimitMs = Math.max(1, deadline - Date.now());
  try {
    const solution = await backend.solve({ variables, constraints, objectiveConstant: 0 }, { timeLimitMs });
    if (solution.status === 'infeasible') return 'infeasible';
    return solution.status === 'time_limit' ? 'unknown' : 'feasible';
  } catch {
    return 'unknown';
  }
}

function report(labels: readonly string[], minimal: boolean): string[] {
  const shown = labels.slice(0, maxReportedConflicts);
  const notes: string[] = [];
  if (labels.length > shown.length) notes.push(`… and ${labels.length - shown.length} more constraints`);
  if (!minimal) notes.push('(the diagnosis stopped at its time limit: this set of constraints may not be minimal)');
  return [...shown, ...notes];
}
