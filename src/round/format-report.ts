import { resourceCandidateFactor } from '../../solver/scale/prune.js';
import { residualCandidateFactor } from './residual-candidates.js';
import type { PlacedResource, RoundReport } from './report.js';
import { count, fixed, percent, table } from './format-table.js';
import { resourceUse, totalsTables } from './format-resources.js';
import { unplacedList, unplacedSummary } from './format-unplaced.js';

/**
 * The round report as plain text for a coordinator: summary, why people are unplaced
 * (overall, then per person), what each placed participant got with the score's make-up,
 * resource use and totals. `--json` gives everything, unabridged.
 */

/** ", among each participant's best 5 per kind and …": what "optimal" is relative to when pairs were left out. */
function amongKept(report: RoundReport): string {
  // Reports stored before the counts existed have none.
  if (!report.candidates) return '';
  const { eligiblePairs, considered, perKind } = report.candidates;
  if (perKind === null || considered >= eligiblePairs) return '';
  const perPlace = `each resource's best ${resourceCandidateFactor} per place`;
  const counts = `(${considered} of ${eligiblePairs} eligible pairs${everyPair(report)})`;
  const { pricingRounds } = report.candidates;
  if (!pricingRounds) return `, among each participant's best ${perKind} per kind and ${perPlace} ${counts}`;
  const rounds = `${pricingRounds} pricing round${pricingRounds === 1 ? '' : 's'}`;
  return `, among each participant's best ${perKind} per kind at the resources' prices (${rounds}), ${perPlace}, the relaxation's plan and the best ${residualCandidateFactor} for each place it leaves ${counts}`;
}

/** "; the optimum over all of them is at most 0.995 % higher": what the candidates may have cost, when it was worked out. */
function everyPair(report: RoundReport): string {
  const bound = report.candidates.everyPairBound;
  if (bound === undefined || report.objective === null) return '';
  const above = Math.max(0, bound - report.objective) / Math.max(1, Math.abs(report.objective));
  return `; the optimum over all of them is at most ${(above * 100).toFixed(3)} % higher`;
}

function statusLine(report: RoundReport): string {
  const gap = report.gap === null ? '' : `gap ${(report.gap * 100).toFixed(3)} %`;
  switch (report.status) {
    case 'optimal': return `optimal${amongKept(report)} (${gap})`;
    case 'feasible': return `feasible: the time limit stopped the search (${gap} from the best bound${amongKept(report)})`;
    case 'infeasible': return `infeasible${amongKept(report)}: no plan satisfies every constraint`;
    case 'time_limit': return 'time_limit: the time limit stopped the search before any plan was found';
  }
}

function summary(report: RoundReport): string[] {
  const { totals, stats } = report;
  return [
    `Round on pool "${report.pool}" (reference date ${report.referenceDate})`,
    `status     ${statusLine(report)}`,
    `objective  ${fixed(report.objective)}`,
    `placed     ${totals.placed} of ${totals.participants} participants (${percent(totals.placed, totals.participants)}), ${totals.unplaced} unplaced`,
    `solver     ${stats.backend}: ${stats.variables} variables, ${stats.constraints} constraints, ${stats.milliseconds} ms`,
  ];
}

function noPlan(report: RoundReport): string[] {
  // Only some eligible pairs were weighed: a plan may lie among the others (unpruned-retry.ts).
  const pruned = amongKept(report) === '' ? '' : ', or keep more candidates (policy.candidatesPerKind)';
  return [
    '', 'Constraints that cannot all hold:',
    ...(report.conflicts.length > 0 ? report.conflicts.map((c) => `  - ${c}`) : ['  (the solver named none)']),
    '', `No plan: change one of these (e.g. drop a require override, add capacity)${pruned} and run the round again.`,
  ];
}

/** "sector 3.00 · language 1.00": the features that contributed, weighted, in the scorer's order. */
export function breakdownText(assignment: PlacedResource): string {
  return Object.entries(assignment.breakdown)
    .filter(([, f]) => Math.abs(f.contribution) >= 0.005)
    .map(([name, f]) => `${name} ${f.contribution.toFixed(2)}`)
    .join(' · ') || '—';
}

function assignmentsTable(report: RoundReport): string[] {
  const rows: string[][] = [];
  for (const p of report.participants) {
    p.assignments.forEach((a, i) => {
      rows.push([i === 0 ? p.participant : '', i === 0 ? p.region ?? '—' : '', a.kind, a.resource, a.score.toFixed(2), breakdownText(a)]);
    });
  }
  const placed = report.participants.filter((p) => p.assignments.length > 0).length;
  return ['', `Assignments (${count(placed, 'participant')} with at least one resource; score = sum of the weighted features shown)`,
    ...table(['participant', 'region', 'kind', 'resource', 'score', 'score breakdown'], rows, [4])];
}

export function formatReport(report: RoundReport): string {
  const hasPlan = report.status === 'optimal' || report.status === 'feasible';
  const sections = hasPlan
    ? [...unplacedSummary(report), ...assignmentsTable(report), ...unplacedList(report), ...resourceUse(report), ...totalsTables(report)]
    : noPlan(report);
  return [...summary(report), ...sections].join('\n') + '\n';
}
