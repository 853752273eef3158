import type { z } from 'zod';

/** One thing wrong with a scenario, named by its path in the request (e.g. `changes[2].resource`). */
export interface ScenarioIssue {
  path: (string | number)[];
  message: string;
}

export function formatIssuePath(path: readonly (string | number)[]): string {
  return path.reduce<string>((acc, key) => {
    if (typeof key === 'number') return `${acc}[${key}]`;
    return acc ? `${acc}.${key}` : key;
  }, '');
}

/**
 * A scenario that cannot be applied to its base pool: an unknown resource or region, or a
 * removal beyond what exists. Nothing has been solved when it is thrown.
 */
export class ScenarioError extends Error {
  constructor(readonly issues: ScenarioIssue[]) {
    super(issues.map((issue) => `${formatIssuePath(issue.path)}: ${issue.message}`).join('\n'));
    this.name = 'ScenarioError';
  }

  /** The same issues, under a prefix such as `scenarios[3]`. */
  within(prefix: (string | number)[]): ScenarioError {
    return new ScenarioError(this.issues.map((issue) => ({ ...issue, path: [...prefix, ...issue.path] })));
  }
}

/** Zod's issues as scenario issues, under `prefix` (e.g. `changes` or `scenarios`). */
export function issuesOf(error: z.ZodError, prefix: (string | number)[]): ScenarioError {
  return new ScenarioError(error.issues.map((issue) => ({
    path: [...prefix, ...issue.path.map((key) => (typeof key === 'number' ? key : String(key)))],
    message: issue.message,
  })));
}
