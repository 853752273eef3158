import { Problem } from './problem.js';
import type { ResourceKind } from './problem.js';

export interface ProblemIssue {
  path: (string | number)[];
  message: string;
}

/** A problem that is malformed or inconsistent; `issues` names every bad field by its path. */
export class ProblemError extends Error {
  constructor(readonly issues: ProblemIssue[]) {
    super(`invalid problem:\n${issues.map((issue) => `  ${formatIssuePath(issue.path)}: ${issue.message}`).join('\n')}`);
    this.name = 'ProblemError';
  }
}

/** "edges[3].resource" */
export function formatIssuePath(path: readonly (string | number)[]): string {
  if (path.length === 0) return '(problem)';
  return path.reduce<string>((acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : acc ? `${acc}.${key}` : key), '');
}

/** Validates the shape with the `Problem` schema, then every cross-reference between its parts. */
export function parseProblem(input: unknown): Problem {
  const parsed = Problem.safeParse(input);
  if (!parsed.success) {
    throw new ProblemError(
      parsed.error.issues.map((issue) => ({
        path: issue.path.map((key) => (typeof key === 'number' ? key : String(key))),
        message: issue.message,
      })),
    );
  }
  const issues = crossReferenceIssues(parsed.data);
  if (issues.length > 0) throw new ProblemError(issues);
  return parsed.data;
}

function crossReferenceIssues(problem: Problem): ProblemIssue[] {
  const participants = uniqueIds(problem.participants, 'participants', 'participant');
  const resources = uniqueIds(problem.resources, 'resources', 'resource');
  const kinds = new Map(problem.resources.map((resource) => [resource.id, resource.kind]));
  const refs = { participants: participants.ids, kinds };
  return [
    ...participants.issues,
    ...resources.issues,
    ...edgeIssues(problem, refs),
    ...bridgeIssues(problem, refs),
    ...pairIssues(problem.overrides, ['overrides'], refs),
    ...pairIssues(problem.policy.previous, ['policy', 'previous'], refs),
  ];
}

interface References {
  participants: Set<string>;
  kinds: Map<string, ResourceKind>;
}

function uniqueIds(items: readonly { id: string }[], field: string, noun: string) {
  const ids = new Set<string>();
  const issues: ProblemIssue[] = [];
  items.forEach((item, index) => {
    if (ids.has(item.id)) issues.push({ path: [field, index, 'id'], message: `duplicate ${noun} id "${item.id}"` });
    ids.add(item.id);
  });
  return { ids, issues };
}

function pairIssues(
  pairs: readonly { participant: string; resource: string }[],
  field: (string | number)[],
  refs: References,
): ProblemIssue[] {
  const issues: ProblemIssue[] = [];
  pairs.forEach((pair, index) => {
    if (!refs.participants.has(pair.participant)) {
      issues.push({ path: [...field, index, 'participant'], message: `unknown participant "${pair.participant}"` });
    }
    if (!refs.kinds.has(pair.resource)) {
      issues.push({ path: [...field, index, 'resource'], message: `unknown resource "${pair.resource}"` });
    }
  });
  return issues;
}

function edgeIssues(problem: Problem, refs: References): ProblemIssue[] {
  const issues = pairIssues(problem.edges, ['edges'], refs);
  const firstIndex = new Map<string, number>();
  problem.edges.forEach((edge, index) => {
    const key = `${edge.participant}\u0000${edge.resource}`;
    const first = firstIndex.get(key);
    if (first === undefined) firstIndex.set(key, index);
    else {
      issues.push({
        path: ['edges', index],
        message: `duplicate edge ${edge.participant} → ${edge.resource} (first at edges[${first}])`,
      });
    }
  });
  return issues;
}

function bridgeIssues(problem: Problem, refs: References): ProblemIssue[] {
  const issues: ProblemIssue[] = [];
  problem.bridges.forEach((bridge, index) => {
    if (!refs.participants.has(bridge.participant)) {
      issues.push({ path: ['bridges', index, 'participant'], message: `unknown participant "${bridge.participant}"` });
    }
    const opening = kindIssue(bridge.opening, 'opening', refs);
    if (opening) issues.push({ path: ['bridges', index, 'opening'], message: opening });
    bridge.trainings.forEach((training, position) => {
      const message = kindIssue(training, 'training', refs);
      if (message) issues.push({ path: ['bridges', index, 'trainings', position], message });
    });
  });
  return issues;
}

function kindIssue(resource: string, expected: ResourceKind, refs: References): string | undefined {
  const kind = refs.kinds.get(resource);
  if (kind === undefined) return `unknown resource "${resource}"`;
  if (kind !== expected) return `"${resource}" is a ${kind}, not a ${expected}`;
  return undefined;
}
