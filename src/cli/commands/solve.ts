import { Option, type Command } from 'commander';
import { BackendName, Problem } from '../../../solver/problem.js';
import { formatIssuePath, parseProblem, ProblemError } from '../../../solver/validate.js';
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

/** The file's shape first (zod), then its cross-references: every bad field named by its path. */
async function readProblem(file: string): Promise<Problem> {
  const shaped = await readJsonFile(file, Problem, 'problem');
  try {
    return parseProblem(shaped);
  } catch (error) {
    if (!(error instanceof ProblemError)) throw error;
    const lines = error.issues.map((issue) => `  ${formatIssuePath(issue.path)}: ${issue.message}`);
    throw new CliError(`problem file ${file} is inconsistent:\n${lines.join('\n')}`);
  }
}
