import { z } from 'zod';

/**
 * The solver's input: a placement problem over plain data, independent of how
 * the pool was stored or scored. `src/` builds one from a pool; `solve <file>` reads one.
 */

export const resourceKinds = ['mentor', 'training', 'opening', 'housing'] as const;
export const ResourceKind = z.enum(resourceKinds);
export type ResourceKind = z.infer<typeof ResourceKind>;

const id = z.string().min(1, 'must be a non-empty id');

export const ProblemParticipant = z.object({
  id,
  /** Absent: the participant has no location constraints at all. */
  homeRegion: z.string().min(1).optional(),
  /** Regions the participant accepts to live in; the home region is always included. */
  regions: z.array(z.string().min(1)).optional(),
  priorityGroups: z.array(z.string().min(1)).default([]),
  waitingDays: z.number().nonnegative().default(0),
});
export type ProblemParticipant = z.infer<typeof ProblemParticipant>;

export const ProblemResource = z.object({
  id,
  kind: ResourceKind,
  capacity: z.number().nonnegative('must be zero or more'),
  /** Absent: the resource is not bound to a region (remote mentor, online course). */
  region: z.string().min(1).optional(),
});
export type ProblemResource = z.infer<typeof ProblemResource>;

export const ProblemEdge = z.object({
  participant: id,
  resource: id,
  score: z.number().finite(),
  /** Capacity the pair uses: 1 seat, or a heavier caseload weight. */
  load: z.number().positive('must be greater than zero').default(1),
});
export type ProblemEdge = z.infer<typeof ProblemEdge>;

/** The participant may take `opening` only together with one of `trainings` (a language bridge). */
export const ProblemBridge = z.object({
  participant: id,
  opening: id,
  trainings: z.array(id).min(1, 'must list at least one training'),
});
export type ProblemBridge = z.infer<typeof ProblemBridge>;

export const OverrideAction = z.enum(['require', 'forbid']);
export const ProblemOverride = z.object({
  participant: id,
  resource: id,
  action: OverrideAction,
});
export type ProblemOverride = z.infer<typeof ProblemOverride>;

export const PriorityShare = z.object({
  group: z.string().min(1),
  /** Minimum share, in [0, 1], of placed participants who belong to the group. */
  minShare: z.number().min(0).max(1),
});

export const BackendName = z.enum(['auto', 'jsLPSolver', 'highs']);
export type BackendName = z.infer<typeof BackendName>;

function distinctPairs<T extends { participant: string; resource: string }>(pairs: T[]): T[] {
  const seen = new Set<string>();
  return pairs.filter((pair) => {
    const key = `${pair.participant}\u0000${pair.resource}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
}

export const SolverPolicy = z.object({
  /** Kinds every participant must receive exactly one of. */
  requireOne: z.array(ResourceKind).default([]),
  priorityShare: z.array(PriorityShare).default([]),
  /** Objective bonus per day of waiting, for each placed participant. */
  waitingBonusPerDay: z.number().nonnegative().default(0),
  /**
   * Assignments already published: moving someone away from one costs `stabilityPenalty`. A pair
   * listed twice is one publication, and costs the penalty once.
   */
  previous: z.array(z.object({ participant: id, resource: id })).default([]).transform(distinctPairs),
  stabilityPenalty: z.number().nonnegative().default(0),
  timeLimitMs: z.number().int().positive().default(20_000),
  backend: BackendName.default('auto'),
  /** Keep only the best K candidate edges per participant and kind (absent: keep all). */
  candidatesPerKind: z.number().int().positive().optional(),
});
export type SolverPolicy = z.infer<typeof SolverPolicy>;

export const Problem = z.object({
  participants: z.array(ProblemParticipant),
  resources: z.array(ProblemResource),
  edges: z.array(ProblemEdge),
  bridges: z.array(ProblemBridge).default([]),
  overrides: z.array(ProblemOverride).default([]),
  policy: SolverPolicy.default(SolverPolicy.parse({})),
});
export type Problem = z.infer<typeof Problem>;
/** What callers may write: defaults not yet applied. */
export type ProblemInput = z.input<typeof Problem>;
