import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { MipConstraint, MipModel } from '../../../solver/mip.js';

/**
 * OR-Library generalized assignment problems (../shared/benchmarks/README.md):
 * agents are mentors with a caseload capacity, jobs are participants who must
 * each get exactly one mentor; maximise the total profit.
 */
export interface GapInstance {
  agents: number;
  jobs: number;
  profit: number[][];
  load: number[][];
  capacity: number[];
}

export const gapDirectory = fileURLToPath(
  new URL('../../../../shared/benchmarks/or-library-gap/', import.meta.url),
);

/** Published optima, in file order. */
export const gapOptima: Record<string, number[]> = {
  gap1: [336, 327, 339, 341, 326],
  gap2: [434, 436, 420, 419, 428],
  gap12: [1451, 1449, 1433, 1447, 1446],
};

export function readGapFile(name: string): GapInstance[] {
  const numbers = readFileSync(`${gapDirectory}${name}.txt`, 'utf8').trim().split(/\s+/).map(Number);
  let at = 0;
  const next = (): number => numbers[at++] ?? Number.NaN;
  const rows = (count: number, width: number): number[][] =>
    Array.from({ length: count }, () => Array.from({ length: width }, next));
  return Array.from({ length: next() }, () => {
    const agents = next();
    const jobs = next();
    const profit = rows(agents, jobs);
    const load = rows(agents, jobs);
    const capacity = Array.from({ length: agents }, next);
    return { agents, jobs, profit, load, capacity };
  });
}

/** Variable `i * jobs + j` is 1 when job j goes to agent i. */
export function gapModel(gap: GapInstance): MipModel {
  const index = (i: number, j: number): number => i * gap.jobs + j;
  const variables = gap.profit.flatMap((row, i) =>
    row.map((objective, j) => ({ name: `x_${i}_${j}`, objective })),
  );
  const oneAgent: MipConstraint[] = Array.from({ length: gap.jobs }, (_, j) => ({
    label: `job ${j} gets one agent`,
    terms: Array.from({ length: gap.agents }, (_, i) => ({ variable: index(i, j), coefficient: 1 })),
    op: '=',
    rhs: 1,
  }));
  const capacity: MipConstraint[] = gap.capacity.map((rhs, i) => ({
    label: `capacity of agent ${i}`,
    terms: (gap.load[i] ?? []).map((coefficient, j) => ({ variable: index(i, j), coefficient })),
    op: '<=',
    rhs,
  }));
  return { variables, constraints: [...oneAgent, ...capacity], objectiveConstant: 0 };
}
