import type { MissingKind, RoundReport } from './report.js';

/** The round report as text tables for a terminal: summary, participants, unplaced with reasons, resource use, totals. */

const fixed = (n: number | null, digits = 2) => (n === null ? '—' : n.toFixed(digits));

function table(header: string[], rows: string[][]): string[] {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? '').length)));
  const line = (cells: string[]) => cells.map((cell, c) => cell.padEnd(widths[c]!)).join('  ').trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)];
}

export function describeMissing(missing: MissingKind): string {
  if (missing.reason === 'capacity') {
    const more = (missing.eligibleResources ?? 0) > missing.fullResources.length ? ', …' : '';
    return `${missing.kind}: capacity — every eligible one is full (${missing.fullResources.join(', ')}${more})`;
  }
  if (missing.reason === 'not_selected') return `${missing.kind}: not selected — ${missing.eligibleResources ?? 0} eligible, with room, but the plan is better without`;
  const rules = (missing.refusalsByRule ?? []).map((r) => `${r.rule} ×${r.count} (e.g. ${r.examples[0]?.resource}: ${r.examples[0]?.message})`);
  return `${missing.kind}: no eligible resource — ${rules.join('; ') || 'none in the pool'}`;
}

function summary(report: RoundReport): string[] {
  return [
    `Round on pool "${report.pool}" (reference date ${report.referenceDate})`,
    `status ${report.status}   objective ${fixed(report.objective)}   gap ${report.gap === null ? '—' : `${(report.gap * 100).toFixed(3)} %`}   `
      + `placed ${report.totals.placed}/${report.totals.participants}   unplaced ${report.totals.unplaced}   `
      + `solve ${report.stats.milliseconds} ms (${report.stats.backend}, ${report.stats.variables} variables)`,
    ...report.conflicts.map((c) => `conflict: ${c}`),
  ];
}

function participantsTable(report: RoundReport): string[] {
  const rows = report.participants.filter((p) => p.assignments.length > 0).map((p) => [
    p.participant, p.region ?? '—',
    p.assignments.map((a) => `${a.kind} ${a.resource} (${a.score.toFixed(2)})`).join(', '),
  ]);
  return ['', 'Assignments', ...table(['participant', 'region', 'resources (score)'], rows)];
}

function unplacedList(report: RoundReport): string[] {
  const lines = ['', 'Unplaced participants and why'];
  for (const p of report.participants.filter((x) => !x.placed)) {
    lines.push(`${p.participant}${p.region ? ` (${p.region})` : ''}`, ...p.missing.map((m) => `  ${describeMissing(m)}`));
  }
  return lines;
}

function resourcesTable(report: RoundReport): string[] {
  const rows = report.resources.map((r) => [r.resource, r.kind, r.region ?? '—', String(r.capacity), String(r.used), String(r.remaining)]);
  return ['', 'Resource use', ...table(['resource', 'kind', 'region', 'capacity', 'used', 'remaining'], rows)];
}

function totalsTables(report: RoundReport): string[] {
  const rows = (byKey: Record<string, { placed: number; assignments: number; score: number }>) =>
    Object.entries(byKey).sort(([a], [b]) => a.localeCompare(b)).map(([key, t]) => [key, String(t.placed), String(t.assignments), t.score.toFixed(2)]);
  const groups = Object.entries(report.totals.byPriorityGroup).map(([g, t]) => [g, String(t.members), String(t.placed)]);
  return [
    '', 'Totals by region', ...table(['region', 'placed', 'assignments', 'score'], rows(report.totals.byRegion)),
    '', 'Totals by kind', ...table(['kind', 'participants', 'assignments', 'score'], rows(report.totals.byKind)),
    '', 'Priority groups', ...table(['group', 'members', 'placed'], groups),
  ];
}

export function formatReport(report: RoundReport): string {
  return [...summary(report), ...participantsTable(report), ...unplacedList(report), ...resourcesTable(report), ...totalsTables(report)].join('\n') + '\n';
}
