import type { Problem, ProblemEdge, ResourceKind } from '../../solver/problem.js';
import type { Assignment, SolveResult } from '../../solver/result.js';
import type { Pool } from '../domain/pool.js';
import type { PoolEligibility } from '../eligibility/evaluate.js';
import type { ScoreBreakdown, ParticipantReport, ResourceUse, RoundReport, TotalsRow } from './report.js';
import { explainMissing, type CandidateMarks } from './explain-missing.js';
import { refusedRequires } from './explain-overrides.js';
import { eligiblePairCount } from './default-candidates.js';

const kinds: readonly ResourceKind[] = ['mentor', 'training', 'opening', 'housing'];
/** Housing alone is not a placement: a participant is placed with a mentor, a training or an opening. */
const placingKinds = new Set<ResourceKind>(['mentor', 'training', 'opening']);

export interface ExplainInput {
  pool: Pool;
  eligibility: PoolEligibility;
  problem: Problem;
  result: SolveResult;
  /** Breakdown of each assigned pair, keyed `participant \u0000 resource`. */
  breakdowns: ReadonlyMap<string, ScoreBreakdown>;
  /** Rounds in which the candidates were chosen at the resources' prices (candidate-pricing.ts); absent: none. */
  pricingRounds?: number;
  /** Upper bound on the optimum over every eligible pair (every-pair-bound.ts); absent: not worked out. */
  everyPairBound?: number;
}

export const pairKey = (participant: string, resource: string) => `${participant}\u0000${resource}`;

/** Each participant's candidate edges: looked up by participant, without a key per edge (a national round has 200,000). */
function edgesByParticipant(problem: Problem): Map<string, ProblemEdge[]> {
  const edgesOf = new Map<string, ProblemEdge[]>();
  for (const edge of problem.edges) {
    const list = edgesOf.get(edge.participant);
    if (list) list.push(edge);
    else edgesOf.set(edge.participant, [edge]);
  }
  return edgesOf;
}

function resourceUse(problem: Problem, edgesOf: ReadonlyMap<string, ProblemEdge[]>, assignments: readonly Assignment[]): ResourceUse[] {
  const loads = assignments.map((a) => edgesOf.get(a.participant)?.find((e) => e.resource === a.resource)?.load ?? 1);
  const used = new Map<string, number>();
  assignments.forEach((a, i) => used.set(a.resource, (used.get(a.resource) ?? 0) + loads[i]!));
  return problem.resources.map((r) => {
    const u = used.get(r.id) ?? 0;
    return { resource: r.id, kind: r.kind, ...(r.region ? { region: r.region } : {}), capacity: r.capacity, used: u, remaining: r.capacity - u };
  });
}

/**
 * In a pruned round, whether participant p was a candidate for the resource at a position: what the
 * solver could weigh. One mark per resource, stamped with the participant being explained, so the
 * national round's 200,000 candidates need no set per participant.
 */
function candidateCheck(edgesOf: ReadonlyMap<string, ProblemEdge[]>, eligibility: PoolEligibility): (p: number, id: string) => CandidateMarks {
  const { position } = eligibility.index;
  const mark = new Int32Array(eligibility.index.resources.length).fill(-1);
  return (p, id) => {
    for (const edge of edgesOf.get(id) ?? []) mark[position.get(edge.resource)!] = p;
    return { mark, turn: p };
  };
}

function participantReports(input: ExplainInput, edgesOf: ReadonlyMap<string, ProblemEdge[]>, use: readonly ResourceUse[]): ParticipantReport[] {
  const { pool, eligibility, result, breakdowns } = input;
  const remaining = new Float64Array(eligibility.index.resources.length);
  for (const u of use) remaining[eligibility.index.position.get(u.resource)!] = u.remaining;
  const candidates = pool.policy.candidatesPerKind === undefined ? undefined : candidateCheck(edgesOf, eligibility);
  const byParticipant = new Map<string, Assignment[]>();
  for (const a of result.assignments) {
    const list = byParticipant.get(a.participant);
    if (list) list.push(a);
    else byParticipant.set(a.participant, [a]);
  }
  return pool.participants.map((participant, p) => {
    const got = byParticipant.get(participant.id) ?? [];
    // Someone who got nothing stays home, whatever location the solver left them in.
    const region = got.length > 0 ? result.regions[participant.id] ?? participant.homeRegion : participant.homeRegion;
    const assignments = got.map((a) => {
      const resource = eligibility.index.resources[eligibility.index.position.get(a.resource)!]!;
      const where = resource.item.region;
      return { resource: a.resource, kind: a.kind, ...(where ? { region: where } : {}), score: a.score, breakdown: breakdowns.get(pairKey(participant.id, a.resource)) ?? {} };
    });
    const considered = candidates?.(p, participant.id);
    const missing = kinds
      .filter((kind) => eligibility.index.kinds[kind].total > 0 && !got.some((a) => a.kind === kind))
      .map((kind) => explainMissing(participant, kind, eligibility.participants[p]!.byKind[kind], eligibility.index, remaining, considered));
    return { participant: participant.id, placed: got.some((a) => placingKinds.has(a.kind)), ...(region ? { region } : {}), assignments, missing };
  });
}

function addRow(rows: Record<string, TotalsRow>, key: string, placed: boolean, assignments: number, score: number): void {
  const row = rows[key] ?? (rows[key] = { placed: 0, assignments: 0, score: 0 });
  row.placed += placed ? 1 : 0;
  row.assignments += assignments;
  row.score += score;
}

function totals(input: ExplainInput, reports: readonly ParticipantReport[]): RoundReport['totals'] {
  const byRegion: Record<string, TotalsRow> = {};
  const byKind: Record<string, TotalsRow> = {};
  const byPriorityGroup: Record<string, { members: number; placed: number }> = {};
  let score = 0;
  reports.forEach((report, p) => {
    const own = report.assignments.reduce((sum, a) => sum + a.score, 0);
    score += own;
    addRow(byRegion, report.region ?? 'no region', report.placed, report.assignments.length, own);
    for (const a of report.assignments) addRow(byKind, a.kind, true, 1, a.score);
    for (const group of input.pool.participants[p]!.priorityGroups) {
      const row = byPriorityGroup[group] ?? (byPriorityGroup[group] = { members: 0, placed: 0 });
      row.members += 1;
      row.placed += report.placed ? 1 : 0;
    }
  });
  const placed = reports.filter((r) => r.placed).length;
  return { participants: reports.length, placed, unplaced: reports.length - placed, score, byRegion, byKind, byPriorityGroup };
}

/** The coordinator's report of a solved round: who got what and why, resource use, totals. */
export function explainRound(input: ExplainInput): RoundReport {
  const { pool, eligibility, result } = input;
  const edgesOf = edgesByParticipant(input.problem);
  const resources = resourceUse(input.problem, edgesOf, result.assignments);
  const participants = participantReports(input, edgesOf, resources);
  return {
    pool: pool.name,
    referenceDate: eligibility.referenceDate,
    status: result.status,
    objective: result.objective,
    gap: result.gap,
    conflicts: result.status === 'infeasible' ? [...result.conflicts, ...refusedRequires(pool, eligibility, input.problem)] : result.conflicts,
    stats: result.stats,
    candidates: {
      eligiblePairs: eligiblePairCount(eligibility),
      considered: input.problem.edges.length,
      perKind: pool.policy.candidatesPerKind ?? null,
      ...(input.pricingRounds ? { pricingRounds: input.pricingRounds } : {}),
      ...(input.everyPairBound !== undefined ? { everyPairBound: input.everyPairBound } : {}),
    },
    participants,
    resources,
    totals: totals(input, participants),
  };
}
