import type { ConstraintOp, MipConstraint, MipModel, MipTerm, MipVariable } from '../mip.js';
import { pairKey } from './prepared-problem.js';
import type { Candidate, PreparedProblem } from './prepared-problem.js';

/**
 * The model under construction, with the variables of the placement model by name:
 * x[p,r] per candidate edge, y[p,g] per region (only when a participant accepts
 * more than one), z[p] "placed" (only when a policy term needs it).
 */
export interface ModelBuilder {
  readonly prepared: PreparedProblem;
  readonly variables: MipVariable[];
  readonly constraints: MipConstraint[];
  objectiveConstant: number;
  /** x[p,r] by pairKey(p, r). */
  readonly edgeVariables: Map<string, number>;
  /** x[p,r] by the prepared problem's candidate object: the same index, without building a key. */
  readonly candidateVariables: Map<Candidate, number>;
  /** y[p,g] by participant, then region. */
  readonly regionVariables: Map<string, Map<string, number>>;
  /** z[p] by participant. */
  readonly placedVariables: Map<string, number>;
}

export function createModelBuilder(prepared: PreparedProblem): ModelBuilder {
  const builder: ModelBuilder = {
    prepared,
    variables: [],
    constraints: [],
    objectiveConstant: 0,
    edgeVariables: new Map(),
    candidateVariables: new Map(),
    regionVariables: new Map(),
    placedVariables: new Map(),
  };
  for (const candidate of prepared.candidates) {
    const index = addVariable(builder, `x[${candidate.participant},${candidate.resource.id}]`);
    builder.edgeVariables.set(pairKey(candidate.participant, candidate.resource.id), index);
    builder.candidateVariables.set(candidate, index);
  }
  return builder;
}

export function addVariable(builder: ModelBuilder, name: string): number {
  builder.variables.push({ name, objective: 0 });
  return builder.variables.length - 1;
}

export function addObjective(builder: ModelBuilder, variable: number, coefficient: number): void {
  const target = builder.variables[variable];
  if (target) target.objective += coefficient;
}

export function addConstraint(
  builder: ModelBuilder,
  label: string,
  terms: MipTerm[],
  op: ConstraintOp,
  rhs: number,
): void {
  builder.constraints.push({ label, terms, op, rhs });
}

export function edgeVariable(builder: ModelBuilder, participant: string, resource: string): number | undefined {
  return builder.edgeVariables.get(pairKey(participant, resource));
}

export function toModel(builder: ModelBuilder): MipModel {
  return {
    variables: builder.variables,
    constraints: builder.constraints,
    objectiveConstant: builder.objectiveConstant,
  };
}

/** Terms c(candidate)·x[p,r] over the candidates that have a variable. */
export function edgeTerms(
  builder: ModelBuilder,
  candidates: readonly Candidate[],
  coefficient: (candidate: Candidate) => number,
): MipTerm[] {
  const terms: MipTerm[] = [];
  for (const candidate of candidates) {
    const variable = builder.candidateVariables.get(candidate);
    if (variable !== undefined) terms.push({ variable, coefficient: coefficient(candidate) });
  }
  return terms;
}
