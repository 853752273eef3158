import type { Problem, ProblemInput } from '../../solver/problem.js';
import { parseProblem } from '../../solver/validate.js';

/**
 * OR-Library GAP instances as placement problems: agents are mentors with a
 * caseload cap b[i], jobs are participants who must each get exactly one mentor,
 * a[i][j] is the caseload the pair uses and c[i][j] its score (maximised).
 * Layout: P, then per problem `m n`, m rows of n profits c, m rows of n uses a, m capacities b.
 */
/** OR-Library's published optima (fixtures/benchmarks/README.md), in file order. */
export const gapOptima = {
  gap1: [336, 327, 339, 341, 326],
  gap2: [434, 436, 420, 419, 428],
  gap12: [1451, 1449, 1433, 1447, 1446],
} as const;
export type GapFileName = keyof typeof gapOptima;

export function parseGapFile(text: string): Problem[] {
  const numbers = readNumbers(text);
  let position = 0;
  const next = (what: string): number => {
    const value = numbers[position];
    if (value === undefined) throw new Error(`GAP file ends early: expected ${what} at number ${position + 1}`);
    position += 1;
    return value;
  };
  const count = next('the number of problems');
  const problems: Problem[] = [];
  for (let k = 0; k < count; k += 1) {
    const mentors = next(`the number of agents of problem ${k + 1}`);
    const participants = next(`the number of jobs of problem ${k + 1}`);
    const matrix = (what: string) =>
      Array.from({ length: mentors }, (_, i) => Array.from({ length: participants }, (_, j) => next(`${what}[${i}][${j}] of problem ${k + 1}`)));
    const scores = matrix('c');
    const loads = matrix('a');
    const capacities = Array.from({ length: mentors }, (_, i) => next(`b[${i}] of problem ${k + 1}`));
    problems.push(gapProblem(scores, loads, capacities));
  }
  if (position < numbers.length) throw new Error(`GAP file has ${numbers.length - position} numbers after its last problem`);
  return problems;
}

function readNumbers(text: string): number[] {
  const tokens = text.split(/\s+/).filter((token) => token.length > 0);
  return tokens.map((token, index) => {
    const value = Number(token);
    if (!Number.isFinite(value)) throw new Error(`GAP file: "${token}" (token ${index + 1}) is not a number`);
    return value;
  });
}

function gapProblem(scores: number[][], loads: number[][], capacities: number[]): Problem {
  const input: ProblemInput = {
    participants: (scores[0] ?? []).map((_, j) => ({ id: `p${j + 1}` })),
    resources: capacities.map((capacity, i) => ({ id: `m${i + 1}`, kind: 'mentor', capacity })),
    edges: scores.flatMap((row, i) =>
      row.map((score, j) => ({ participant: `p${j + 1}`, resource: `m${i + 1}`, score, load: loads[i]?.[j] ?? 0 })),
    ),
    policy: { requireOne: ['mentor'] },
  };
  return parseProblem(input);
}
