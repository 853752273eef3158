import type { KindMetrics, RegionMetrics, ScenarioMetrics, UnplacedReason } from './metrics.js';

/** Scenario minus base, field by field; a key present on one side only counts as zero on the other. */
export interface MetricsDifference {
  placed: number;
  unplaced: number;
  totalScore: number;
  /** Null when either side has no plan. */
  objective: number | null;
  byRegion: Record<string, RegionMetrics>;
  byKind: Record<string, KindMetrics>;
  byPriorityGroup: Record<string, { members: number; placed: number }>;
  unplacedByReason: Record<UnplacedReason, number>;
  relocations: number;
  relocationsByRegion: Record<string, number>;
}

type Numbers = Record<string, number>;

function subtract<T extends Record<keyof T, number>>(base: T | undefined, scenario: T | undefined, fields: readonly (keyof T)[]): T {
  const row = {} as T;
  for (const field of fields) row[field] = ((scenario?.[field] ?? 0) - (base?.[field] ?? 0)) as T[keyof T];
  return row;
}

function subtractRows<T extends Record<keyof T, number>>(base: Record<string, T>, scenario: Record<string, T>, fields: readonly (keyof T)[]): Record<string, T> {
  const keys = [...new Set([...Object.keys(base), ...Object.keys(scenario)])].sort();
  return Object.fromEntries(keys.map((key) => [key, subtract(base[key], scenario[key], fields)]));
}

function subtractCounts(base: Numbers, scenario: Numbers): Numbers {
  const keys = [...new Set([...Object.keys(base), ...Object.keys(scenario)])].sort();
  return Object.fromEntries(keys.map((key) => [key, (scenario[key] ?? 0) - (base[key] ?? 0)]));
}

export function differenceOf(base: ScenarioMetrics, scenario: ScenarioMetrics): MetricsDifference {
  return {
    placed: scenario.placed - base.placed,
    unplaced: scenario.unplaced - base.unplaced,
    totalScore: scenario.totalScore - base.totalScore,
    objective: base.objective === null || scenario.objective === null ? null : scenario.objective - base.objective,
    byRegion: subtractRows(base.byRegion, scenario.byRegion, ['placed', 'assignments', 'score']),
    byKind: subtractRows(base.byKind, scenario.byKind, ['assignments', 'score', 'capacity', 'used']),
    byPriorityGroup: subtractRows(base.byPriorityGroup, scenario.byPriorityGroup, ['members', 'placed']),
    unplacedByReason: subtract(base.unplacedByReason, scenario.unplacedByReason, ['capacity', 'not_selected', 'no_eligible_resource']),
    relocations: scenario.relocations - base.relocations,
    relocationsByRegion: subtractCounts(base.relocationsByRegion, scenario.relocationsByRegion),
  };
}
