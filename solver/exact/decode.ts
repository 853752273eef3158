import type { MipModel } from '../mip.js';
import type { Assignment } from '../result.js';
import type { ModelBuilder } from './model-builder.js';
import { pairKey } from './prepared-problem.js';

const tolerance = 1e-6;

/** Rounds a backend's values to 0/1; a value far from both means it was not an integer plan. */
export function roundToBinary(values: readonly number[]): number[] | undefined {
  const rounded: number[] = [];
  for (const value of values) {
    const bit = value >= 0.5 ? 1 : 0;
    if (Math.abs(value - bit) > tolerance) return undefined;
    rounded.push(bit);
  }
  return rounded;
}

/** Labels of the constraints that a 0/1 vector breaks: a plan is only a plan when this is empty. */
export function brokenConstraints(model: MipModel, values: readonly number[]): string[] {
  const broken: string[] = [];
  for (const constraint of model.constraints) {
    const lhs = constraint.terms.reduce((sum, term) => sum + term.coefficient * (values[term.variable] ?? 0), 0);
    const ok =
      constraint.op === '<=' ? lhs <= constraint.rhs + tolerance
      : constraint.op === '>=' ? lhs >= constraint.rhs - tolerance
      : Math.abs(lhs - constraint.rhs) <= tolerance;
    if (!ok) broken.push(constraint.label);
  }
  for (const [index, variable] of model.variables.entries()) {
    const value = values[index] ?? 0;
    if ((variable.lower !== undefined && value < variable.lower) || (variable.upper !== undefined && value > variable.upper)) {
      broken.push(`bound of ${variable.name}`);
    }
  }
  return broken;
}

/** Objective of a 0/1 vector, recomputed here rather than trusted from the backend. */
export function objectiveOf(model: MipModel, values: readonly number[]): number {
  return model.variables.reduce((sum, variable, index) => sum + variable.objective * (values[index] ?? 0), model.objectiveConstant);
}

export function decodeAssignments(builder: ModelBuilder, values: readonly number[]): Assignment[] {
  const assignments: Assignment[] = [];
  for (const candidate of builder.prepared.candidates) {
    const variable = builder.edgeVariables.get(pairKey(candidate.participant, candidate.resource.id));
    if (variable === undefined || values[variable] !== 1) continue;
    assignments.push({
      participant: candidate.participant,
      resource: candidate.resource.id,
      kind: candidate.resource.kind,
      score: candidate.score,
    });
  }
  return assignments;
}

/** Where each participant with a home region lives: the chosen y, or the home region itself. */
export function decodeRegions(builder: ModelBuilder, values: readonly number[]): Record<string, string> {
  const regions: Record<string, string> = {};
  for (const [participant, accepted] of builder.prepared.acceptedRegions) {
    const home = accepted[0];
    if (home === undefined) continue;
    const variables = builder.regionVariables.get(participant);
    const chosen = variables ? [...variables].find(([, variable]) => values[variable] === 1)?.[0] : undefined;
    regions[participant] = chosen ?? home;
  }
  return regions;
}
