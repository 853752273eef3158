import { describe, it, expect } from 'vitest';
import { branchAndBound } from '../../../solver/backends/branch-and-bound.js';
import { modelColumns } from '../../../solver/backends/columns.js';
import { stoppedNode, type NodeRelaxation, type RelaxedSolution } from '../../../solver/backends/relaxation.js';
import type { MipModel } from '../../../solver/mip.js';

/** max 3.2·x0 + 2.1·x1 with x0 + x1 ≤ 1: the best plan is x0 = 1, worth 3.2. */
const model: MipModel = {
  variables: [{ name: 'x0', objective: 3.2 }, { name: 'x1', objective: 2.1 }],
  constraints: [{ label: 'one of the two', terms: [{ variable: 0, coefficient: 1 }, { variable: 1, coefficient: 1 }], op: '<=', rhs: 1 }],
  objectiveConstant: 0,
};

const fractionalRoot: RelaxedSolution = {
  feasible: true,
  objective: 4,
  values: Float64Array.from([1, 0.4]),
  penalties: new Float64Array(2),
};

/** A relaxation that answers from a script, one entry per node solved, then stops every LP. */
function scripted(answers: RelaxedSolution[]): NodeRelaxation {
  let calls = 0;
  return {
    solve: () => answers[calls++] ?? stoppedNode(2),
    warmStart: () => undefined,
  };
}

// The deadline is an hour away: only the relaxation's own stop can end these searches early.
const later = () => Date.now() + 3_600_000;

describe('branch and bound when the deadline stops a node relaxation', () => {
  it('stopped at the root: no plan and no bound, status time_limit', () => {
    const outcome = branchAndBound(model, modelColumns(model), scripted([]), later());
    expect(outcome).toMatchObject({ status: 'time_limit', nodes: 1 });
    expect(outcome.values).toBeUndefined();
  });

  it('stopped below the root: the plan rounded at the root, feasible, with the open bound (not read as an infeasible node)', () => {
    const outcome = branchAndBound(model, modelColumns(model), scripted([fractionalRoot]), later());
    expect(outcome).toMatchObject({ status: 'feasible', values: [1, 0], objective: 3.2, bound: 4, nodes: 2 });
  });
});
