import type { MarginalValue } from './marginal-values.js';
import type { ScenarioMetrics } from './metrics.js';
import type { ScenarioBatchResult, ScenarioResult } from './run-scenario.js';

/** Plain-text tables for a terminal: what a planner reads first, the JSON has the rest. */

type Cell = string | number | null;

function show(value: Cell): string {
  if (value === null) return '–';
  if (typeof value === 'string') return value;
  return Number.isInteger(value) ? String(value) : value.toFixed(2);
}

function signed(value: number | null): string {
  if (value === null) return '–';
  const rounded = Math.abs(value) < 0.005 ? 0 : value;
  return rounded > 0 ? `+${show(rounded)}` : show(rounded);
}

function table(header: string[], rows: Cell[][]): string {
  const cells = [header, ...rows.map((row) => row.map(show))];
  const widths = header.map((_, c) => Math.max(...cells.map((row) => row[c]!.length)));
  return cells
    .map((row) => row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  '))
    .join('\n');
}

const compareRow = (label: string, base: number | null, scenario: number | null): Cell[] =>
  [label, base, scenario, signed(base === null || scenario === null ? null : scenario - base)];

function keysOf(...records: Record<string, unknown>[]): string[] {
  return [...new Set(records.flatMap((r) => Object.keys(r)))].sort();
}

function headline(base: ScenarioMetrics, scenario: ScenarioMetrics): string {
  const rows: Cell[][] = [
    ['status', base.status, scenario.status, ''],
    compareRow('placed', base.placed, scenario.placed),
    compareRow('unplaced', base.unplaced, scenario.unplaced),
    compareRow('total score', base.totalScore, scenario.totalScore),
    compareRow('objective', base.objective, scenario.objective),
    compareRow('relocations', base.relocations, scenario.relocations),
    ...Object.keys(base.unplacedByReason).map((reason) => compareRow(
      `unplaced: ${reason.replaceAll('_', ' ')}`,
      base.unplacedByReason[reason as keyof ScenarioMetrics['unplacedByReason']],
      scenario.unplacedByReason[reason as keyof ScenarioMetrics['unplacedByReason']],
    )),
  ];
  return table(['', 'base', 'scenario', 'difference'], rows);
}

function breakdowns(base: ScenarioMetrics, scenario: ScenarioMetrics): string[] {
  const regions = keysOf(base.byRegion, scenario.byRegion);
  const kinds = keysOf(base.byKind, scenario.byKind);
  const groups = keysOf(base.byPriorityGroup, scenario.byPriorityGroup);
  const moves = keysOf(base.relocationsByRegion, scenario.relocationsByRegion);
  const sections = [
    ['Placed by region (where they live)', regions.map((r) => compareRow(r, base.byRegion[r]?.placed ?? 0, scenario.byRegion[r]?.placed ?? 0))],
    ['Assignments by kind', kinds.map((k) => compareRow(k, base.byKind[k]?.assignments ?? 0, scenario.byKind[k]?.assignments ?? 0))],
    ['Capacity by kind', kinds.map((k) => compareRow(k, base.byKind[k]?.capacity ?? 0, scenario.byKind[k]?.capacity ?? 0))],
    ['Placed by priority group', groups.map((g) => compareRow(g, base.byPriorityGroup[g]?.placed ?? 0, scenario.byPriorityGroup[g]?.placed ?? 0))],
    ['Relocations by destination', moves.map((r) => compareRow(r, base.relocationsByRegion[r] ?? 0, scenario.relocationsByRegion[r] ?? 0))],
  ] as const;
  return sections
    .filter(([, rows]) => rows.length > 0)
    .map(([title, rows]) => `${title}\n${table(['', 'base', 'scenario', 'difference'], rows)}`);
}

export function formatMarginalValues(values: readonly MarginalValue[]): string {
  const rows = values.map((v): Cell[] => [
    v.kind, v.region ?? '(no region)', v.resources, `${show(v.used)}/${show(v.capacity)}`, v.full,
    v.value, v.placedGain, v.resource ?? '', v.exact ? '' : 'estimate',
  ]);
  return table(['kind', 'region', 'resources', 'used/capacity', 'full', 'value', 'placed', 'unit added on', ''], rows);
}

export function formatScenario(result: ScenarioResult): string {
  const parts = [
    `Scenario "${result.name}" (${Math.round(result.milliseconds)} ms)`,
    `Changes:\n${result.changes.map((c) => `  ${c.summary}${c.note ? ` (${c.note})` : ''}`).join('\n') || '  none'}`,
    headline(result.base, result.scenario),
    ...breakdowns(result.base, result.scenario),
  ];
  if (result.marginalValues) {
    parts.push(`Marginal value of one more unit of capacity, in the scenario\n${formatMarginalValues(result.marginalValues)}`);
  }
  return `${parts.join('\n\n')}\n`;
}

export function formatBatch(batch: ScenarioBatchResult): string {
  const rows = batch.scenarios.map((s): Cell[] => [
    s.name, s.scenario.status, s.scenario.placed, signed(s.difference.placed), signed(s.difference.totalScore),
    signed(s.difference.relocations), Math.round(s.milliseconds),
  ]);
  const header = `Base: ${batch.base.placed} of ${batch.base.participants} placed, score ${show(batch.base.totalScore)} (${batch.base.status})`;
  const footer = `${batch.scenarios.length} scenarios in ${(batch.milliseconds / 1000).toFixed(1)} s`;
  return `${header}\n\n${table(['scenario', 'status', 'placed', 'Δ placed', 'Δ score', 'Δ relocations', 'ms'], rows)}\n\n${footer}\n`;
}
