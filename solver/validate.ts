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
  const refs: References = { participants: participants.ids, resources: resources.ids, kinds: firstKinds(problem), duplicated: resources.duplicated };
  return [
    ...participants.issues,
    ...regionIssues(problem),
    ...resources.issues,
    ...edgeIssues(problem, refs),
    ...bridgeIssues(problem, refs),
    ...pairIssues(problem.overrides, ['overrides'], refs),
    ...pairIssues(problem.policy.previous, ['policy', 'previous'], refs),
  ];
}

interface References {
  /** Each id's position, its first when given twice. */
  participants: Map<string, number>;
  resources: Map<string, number>;
  kinds: Map<string, ResourceKind>;
  /** Resource ids given more than once: already reported, and which entry a reference means is unknown. */
  duplicated: Set<string>;
}

function uniqueIds(items: readonly { id: string }[], field: string, noun: string) {
  const ids = new Map<string, number>();
  const duplicated = new Set<string>();
  const issues: ProblemIssue[] = [];
  items.forEach((item, index) => {
    if (ids.has(item.id)) {
      issues.push({ path: [field, index, 'id'], message: `duplicate ${noun} id "${item.id}"` });
      duplicated.add(item.id);
    } else ids.set(item.id, index);
  });
  return { ids, duplicated, issues };
}

function firstKinds(problem: Problem): Map<string, ResourceKind> {
  const kinds = new Map<string, ResourceKind>();
  for (const resource of problem.resources) if (!kinds.has(resource.id)) kinds.set(resource.id, resource.kind);
  return kinds;
}

/** Without a home region a participant has no location constraints: `regions` would be ignored in silence. */
function regionIssues(problem: Problem): ProblemIssue[] {
  const issues: ProblemIssue[] = [];
  problem.participants.forEach((participant, index) => {
    if (participant.regions === undefined || participant.homeRegion !== undefined) return;
    issues.push({
      path: ['participants', index, 'regions'],
      message: 'given without homeRegion; a participant without a home region has no location constraints',
    });
  });
  return issues;
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

/**
 * Every repeat of a participant → resource pair, e.g. "duplicate edge amina → m1 (first at edges[1])".
 * Pairs of known ids are keyed by their positions: a string key per edge took about 0.3 s of the
 * national round's 285,000 edges.
 */
function duplicatePairs<T>(
  items: readonly T[], field: string, noun: string, pair: (item: T) => [string, string], refs: References,
): ProblemIssue[] {
  const issues: ProblemIssue[] = [];
  const firstIndex = new Map<number | string, number>();
  const resources = refs.resources.size;
  items.forEach((item, index) => {
    const [participant, resource] = pair(item);
    const [p, r] = [refs.participants.get(participant), refs.resources.get(resource)];
    const key = p !== undefined && r !== undefined ? p * resources + r : `${participant}\u0000${resource}`;
    const first = firstIndex.get(key);
    if (first === undefined) firstIndex.set(key, index);
    else issues.push({ path: [field, index], message: `duplicate ${noun} ${participant} → ${resource} (first at ${field}[${first}])` });
  });
  return issues;
}

function edgeIssues(problem: Problem, refs: References): ProblemIssue[] {
  return [
    ...pairIssues(problem.edges, ['edges'], refs),
    ...duplicatePairs(problem.edges, 'edges', 'edge', (edge) => [edge.participant, edge.resource], refs),
  ];
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
  // Two bridges of one pair both apply (each x[p,o] ≤ Σ its trainings), so together they can shut the opening.
  issues.push(...duplicatePairs(problem.bridges, 'bridges', 'bridge', (bridge) => [bridge.participant, bridge.opening], refs));
  return issues;
}

function kindIssue(resource: string, expected: ResourceKind, refs: References): string | undefined {
  const kind = refs.kinds.get(resource);
  if (kind === undefined) return `unknown resource "${resource}"`;
  if (refs.duplicated.has(resource)) return undefined;
  if (kind !== expected) return `"${resource}" is ${withArticle(kind)}, not ${withArticle(expected)}`;
  return undefined;
}

/** "a mentor", "an opening". */
function withArticle(kind: ResourceKind): string {
  return /^[aeiou]/.test(kind) ? `an ${kind}` : `a ${kind}`;
}
