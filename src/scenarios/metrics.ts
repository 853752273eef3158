import type { SolveStatus } from '../../solver/result.js';
import type { Pool } from '../domain/pool.js';
import type { MissingKind, ParticipantReport, RoundReport } from '../round/report.js';

export const unplacedReasons = ['capacity', 'not_selected', 'no_eligible_resource'] as const;
export type UnplacedReason = (typeof unplacedReasons)[number];

export interface RegionMetrics {
  placed: number;
  assignments: number;
  score: number;
}

export interface KindMetrics {
  assignments: number;
  score: number;
  capacity: number;
  used: number;
}

/** What a planner compares between the base and a scenario. */
export interface ScenarioMetrics {
  status: SolveStatus;
  objective: number | null;
  gap: number | null;
  participants: number;
  placed: number;
  unplaced: number;
  /** Σ score of the assignments of the plan (the objective without the policy terms). */
  totalScore: number;
  byRegion: Record<string, RegionMetrics>;
  byKind: Record<string, KindMetrics>;
  byPriorityGroup: Record<string, { members: number; placed: number }>;
  unplacedByReason: Record<UnplacedReason, number>;
  /** Participants who will live outside their home region. */
  relocations: number;
  /** The same, by the region they move to. */
  relocationsByRegion: Record<string, number>;
}

const activityKinds = new Set(['mentor', 'training', 'opening']);

/**
 * Why an unplaced participant (no mentor, training or opening) stayed unplaced, one reason
 * each, the most actionable first: `capacity` when some activity kind had eligible resources
 * that were all full (more capacity could place them), else `not_selected` when eligible
 * resources had room but the plan did better without, else `no_eligible_resource`.
 */
export function unplacedReason(missing: readonly MissingKind[]): UnplacedReason {
  const activity = missing.filter((m) => activityKinds.has(m.kind));
  for (const reason of unplacedReasons) {
    if (activity.some((m) => m.reason === reason)) return reason;
  }
  return 'no_eligible_resource';
}

function relocationsOf(pool: Pool, participants: readonly ParticipantReport[]): Record<string, number> {
  const home = new Map(pool.participants.map((p) => [p.id, p.homeRegion]));
  const byRegion: Record<string, number> = {};
  for (const report of participants) {
    const from = home.get(report.participant);
    if (from === undefined || report.region === undefined || report.region === from) continue;
    byRegion[report.region] = (byRegion[report.region] ?? 0) + 1;
  }
  return byRegion;
}

function kindsOf(report: RoundReport): Record<string, KindMetrics> {
  const byKind: Record<string, KindMetrics> = {};
  for (const [kind, row] of Object.entries(report.totals.byKind)) {
    byKind[kind] = { assignments: row.assignments, score: row.score, capacity: 0, used: 0 };
  }
  for (const use of report.resources) {
    const row = (byKind[use.kind] ??= { assignments: 0, score: 0, capacity: 0, used: 0 });
    row.capacity += use.capacity;
    row.used += use.used;
  }
  return byKind;
}

/** The planner's metrics of a solved round over `pool`. */
export function metricsOf(pool: Pool, report: RoundReport): ScenarioMetrics {
  const unplacedByReason: Record<UnplacedReason, number> = { capacity: 0, not_selected: 0, no_eligible_resource: 0 };
  for (const participant of report.participants) {
    if (!participant.placed) unplacedByReason[unplacedReason(participant.missing)] += 1;
  }
  const relocationsByRegion = relocationsOf(pool, report.participants);
  const byRegion: Record<string, RegionMetrics> = {};
  for (const [region, row] of Object.entries(report.totals.byRegion)) {
    byRegion[region] = { placed: row.placed, assignments: row.assignments, score: row.score };
  }
  return {
    status: report.status,
    objective: report.objective,
    gap: report.gap,
    participants: report.totals.participants,
    placed: report.totals.placed,
    unplaced: report.totals.unplaced,
    totalScore: report.totals.score,
    byRegion,
    byKind: kindsOf(report),
    byPriorityGroup: structuredClone(report.totals.byPriorityGroup),
    unplacedByReason,
    relocations: Object.values(relocationsByRegion).reduce((a, b) => a + b, 0),
    relocationsByRegion,
  };
}
