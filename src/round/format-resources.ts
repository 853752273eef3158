import type { ResourceKind } from '../../solver/problem.js';
import type { ResourceUse, RoundReport } from './report.js';
import { count, fixed, percent, table, wrap } from './format-table.js';

const kinds: readonly ResourceKind[] = ['mentor', 'training', 'opening', 'housing'];
const noRegion = 'no region';

/** Regions in alphabetical order, "no region" last. */
function byName(a: string, b: string): number {
  return Number(a === noRegion) - Number(b === noRegion) || a.localeCompare(b);
}

function byRegion(resources: readonly ResourceUse[]): Map<string, ResourceUse[]> {
  const groups = new Map<string, ResourceUse[]>();
  for (const r of resources) {
    const key = r.region ?? noRegion;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  return new Map([...groups].sort(([a], [b]) => byName(a, b)));
}

/** Every resource as `id used/capacity`, `*` when full, grouped by kind and region. */
export function resourceUse(report: RoundReport): string[] {
  const lines = ['', 'Resource use (used/capacity, * = full)'];
  for (const kind of kinds) {
    const resources = report.resources.filter((r) => r.kind === kind);
    if (resources.length === 0) continue;
    const capacity = resources.reduce((s, r) => s + r.capacity, 0);
    const used = resources.reduce((s, r) => s + r.used, 0);
    const full = resources.filter((r) => r.remaining <= 0).length;
    lines.push(`${kind}: ${count(resources.length, 'resource')}, ${used} of ${capacity} used (${percent(used, capacity)}), ${full} full`);
    const groups = byRegion(resources);
    const width = Math.max(...[...groups.keys()].map((k) => k.length));
    for (const [region, list] of groups) {
      lines.push(...wrap(`  ${region.padEnd(width)}  `, list.map((r) => `${r.resource} ${r.used}/${r.capacity}${r.remaining <= 0 ? '*' : ''}`)));
    }
  }
  return lines;
}

function regionTotals(report: RoundReport): string[] {
  const members = new Map<string, number>();
  for (const p of report.participants) members.set(p.region ?? noRegion, (members.get(p.region ?? noRegion) ?? 0) + 1);
  const rows = [...members.keys()].sort(byName).map((region) => {
    const row = report.totals.byRegion[region] ?? { placed: 0, assignments: 0, score: 0 };
    const n = members.get(region)!;
    return [region, String(n), String(row.placed), percent(row.placed, n), String(row.assignments), fixed(row.score)];
  });
  return ['', 'Totals by region (where each participant will live)',
    ...table(['region', 'participants', 'placed', 'share', 'assignments', 'score'], rows, [1, 2, 3, 4, 5])];
}

function kindTotals(report: RoundReport): string[] {
  const rows = kinds.filter((k) => report.resources.some((r) => r.kind === k)).map((kind) => {
    const resources = report.resources.filter((r) => r.kind === kind);
    const capacity = resources.reduce((s, r) => s + r.capacity, 0);
    const row = report.totals.byKind[kind] ?? { placed: 0, assignments: 0, score: 0 };
    const mean = row.assignments > 0 ? row.score / row.assignments : null;
    return [kind, String(resources.length), String(capacity), String(row.assignments), fixed(row.score), fixed(mean)];
  });
  return ['', 'Totals by kind', ...table(['kind', 'resources', 'capacity', 'assigned', 'score', 'mean score'], rows, [1, 2, 3, 4, 5])];
}

function groupTotals(report: RoundReport): string[] {
  const groups = Object.entries(report.totals.byPriorityGroup).sort(([a], [b]) => a.localeCompare(b));
  if (groups.length === 0) return [];
  const rows = groups.map(([g, t]) => [g, String(t.members), String(t.placed), percent(t.placed, t.members)]);
  return ['', 'Totals by priority group', ...table(['group', 'members', 'placed', 'share'], rows, [1, 2, 3])];
}

export function totalsTables(report: RoundReport): string[] {
  return [...regionTotals(report), ...kindTotals(report), ...groupTotals(report)];
}
