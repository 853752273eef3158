import { Option, type Command } from 'commander';
import { z } from 'zod';
import { BackendName, Problem } from '../../../solver/problem.js';
import { formatIssuePath, parseProblem, ProblemError, type ProblemIssue } from '../../../solver/validate.js';
import { solve } from '../../../solver/index.js';
import { CliError } from '../errors.js';
import { readJsonFile } from '../read-file.js';
import { noPlanExitCode } from './round.js';

/**
 * `solve <problem-file> [--backend auto|jsLPSolver|highs]`: runs the solver alone on a
 * problem file (participants, resources, edges, bridges, overrides, policy) and prints
 * the result as JSON on stdout, and nothing else there. Like `round`, a result without a
 * plan (`infeasible`, `time_limit`) is still printed, with exit code 3.
 */
export function registerSolve(program: Command): void {
  program
    .command('solve')
    .description('Solve a placement problem file exactly and print the result as JSON')
    .argument('<problem-file>', 'problem as JSON (participants, resources, edges, bridges, overrides, policy)')
    .addOption(new Option('--backend <name>', 'solver backend, overriding the policy').choices(BackendName.options))
    .action(async (file: string, options: { backend?: BackendName }) => {
      const problem = await readProblem(file);
      if (options.backend !== undefined) problem.policy.backend = options.backend;
      const result = await solve(problem);
      process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
      if (result.status === 'infeasible' || result.status === 'time_limit') process.exitCode = noPlanExitCode;
    });
}

/**
 * The file's shape first (zod, and no field the format does not know: a misspelt
 * `overides` or `homeregion` would otherwise drop a rule in silence), then its
 * cross-references: every bad field named by its path.
 */
async function readProblem(file: string): Promise<Problem> {
  const data = await readJsonFile(file, z.unknown(), 'problem');
  const shaped = Problem.safeParse(data);
  const shapeIssues = shaped.success ? [] : shaped.error.issues.map((issue) => ({ path: issue.path.map(pathKey), message: issue.message }));
  const issues = [...unknownFields(data, Problem, []), ...shapeIssues];
  if (issues.length > 0 || !shaped.success) throw new CliError(`problem file ${file} is invalid:\n${formatLines(issues)}`);
  try {
    return parseProblem(shaped.data);
  } catch (error) {
    if (!(error instanceof ProblemError)) throw error;
    throw new CliError(`problem file ${file} is inconsistent:\n${formatLines(error.issues)}`);
  }
}

/** Fields of `data` that `schema` does not define, at any depth, with the fields it does. */
function unknownFields(data: unknown, schema: z.core.$ZodType, path: (string | number)[]): ProblemIssue[] {
  const inner = schema instanceof z.ZodDefault || schema instanceof z.ZodOptional ? schema.unwrap() : schema;
  if (inner instanceof z.ZodArray && Array.isArray(data)) {
    return data.flatMap((item, index) => unknownFields(item, inner.element, [...path, index]));
  }
  if (!(inner instanceof z.ZodObject) || typeof data !== 'object' || data === null || Array.isArray(data)) return [];
  const shape: Record<string, z.core.$ZodType> = inner.shape;
  return Object.entries(data).flatMap(([key, value]) => {
    const field = shape[key];
    if (field !== undefined) return unknownFields(value, field, [...path, key]);
    return [{ path: [...path, key], message: `unknown field (known here: ${Object.keys(shape).join(', ')})` }];
  });
}

function pathKey(key: PropertyKey): string | number {
  return typeof key === 'number' ? key : String(key);
}

function formatLines(issues: readonly ProblemIssue[]): string {
  return issues.map((issue) => `  ${formatIssuePath(issue.path)}: ${issue.message}`).join('\n');
}
