import { z } from 'zod';
import type { Pool } from '../domain/pool.js';
import { CapacityChange, ScenarioRequest, type CapacityChangeInput, type PolicyOverrides, type ScenarioRequestInput } from '../domain/scenario.js';
import { runRound } from '../round/run-round.js';
import type { RoundOptions, RoundOutcome } from '../round/types.js';
import { applyScenario, type AppliedChange, type AppliedScenario } from './apply-changes.js';
import { differenceOf, type MetricsDifference } from './difference.js';
import { marginalValues, type MarginalOptions, type MarginalValue } from './marginal-values.js';
import { metricsOf, type ScenarioMetrics } from './metrics.js';
import { issuesOf, ScenarioError } from './scenario-error.js';
import { runSharedRound, solveSharedBase, type SharedRound } from './shared-round.js';

/** The base round, solved once and shared by every scenario compared with it. */
export interface BaseRound {
  outcome: RoundOutcome;
  metrics: ScenarioMetrics;
}

export interface ScenarioOptions {
  name?: string;
  /** Policy terms of the scenario only; the base keeps the pool's policy. */
  policy?: PolicyOverrides;
  /** Compute the marginal value of one more unit of each capacity group of the scenario. */
  marginal?: boolean | MarginalOptions;
  /** Overrides and published assignments, the same for the base and the scenario. */
  round?: RoundOptions;
  /** A base already solved with `solveBase` over the same pool and round options. */
  baseRound?: BaseRound;
}

export interface ScenarioResult {
  name: string;
  /** What each change did, resource by resource. */
  changes: AppliedChange[];
  policy?: PolicyOverrides;
  base: ScenarioMetrics;
  scenario: ScenarioMetrics;
  /** Scenario minus base. */
  difference: MetricsDifference;
  marginalValues?: MarginalValue[];
  milliseconds: number;
}

export interface ScenarioBatchResult {
  base: ScenarioMetrics;
  scenarios: ScenarioResult[];
  milliseconds: number;
}

/** Solves the base pool as it is; `base` is not modified. */
export async function solveBase(base: Pool, round: RoundOptions = {}): Promise<BaseRound> {
  const pool = structuredClone(base);
  const outcome = await runRound(pool, round);
  return { outcome, metrics: metricsOf(pool, outcome.report) };
}

function parseChanges(changes: readonly CapacityChangeInput[]): CapacityChange[] {
  const parsed = z.array(CapacityChange).safeParse(changes);
  if (parsed.success) return parsed.data;
  throw issuesOf(parsed.error, ['changes']);
}

function marginalOptions(marginal: ScenarioOptions['marginal']): MarginalOptions | undefined {
  if (marginal === undefined || marginal === false) return undefined;
  return marginal === true ? {} : marginal;
}

async function compare(
  applied: AppliedScenario, baseRound: BaseRound, options: ScenarioOptions, shared?: SharedRound,
): Promise<Omit<ScenarioResult, 'name' | 'milliseconds'>> {
  const round = options.round ?? {};
  const outcome = shared ? await runSharedRound(applied.pool, shared, round) : await runRound(applied.pool, round);
  const scenario = metricsOf(applied.pool, outcome.report);
  const marginal = marginalOptions(options.marginal);
  return {
    changes: applied.applied,
    ...(options.policy ? { policy: options.policy } : {}),
    base: baseRound.metrics,
    scenario,
    difference: differenceOf(baseRound.metrics, scenario),
    ...(marginal ? { marginalValues: await marginalValues(applied.pool, outcome, round, marginal) } : {}),
  };
}

/**
 * One capacity scenario: the changes (and policy overrides) applied to a copy of `base`, both
 * rounds solved, and the scenario's metrics next to the base's. `base` is never modified.
 * Throws a ScenarioError naming each bad change by its path before anything is solved.
 */
export async function runScenario(base: Pool, changes: readonly CapacityChangeInput[], options: ScenarioOptions = {}): Promise<ScenarioResult> {
  const started = performance.now();
  const applied = applyScenario(base, parseChanges(changes), options.policy);
  const baseRound = options.baseRound ?? await solveBase(base, options.round);
  const result = await compare(applied, baseRound, options);
  return { name: options.name ?? 'scenario', ...result, milliseconds: performance.now() - started };
}

export interface BatchOptions {
  /** Marginal values for every scenario: off by default, they cost re-solves. */
  marginal?: boolean | MarginalOptions;
  round?: RoundOptions;
}

function parseRequests(scenarios: readonly ScenarioRequestInput[]): ScenarioRequest[] {
  const parsed = z.array(ScenarioRequest).safeParse(scenarios);
  if (parsed.success) return parsed.data;
  throw issuesOf(parsed.error, ['scenarios']);
}

/**
 * Many scenarios over one base, solved once. A scenario that only changed capacities shares
 * the base's eligibility and scores; with the base's policy, large rounds are solved from the
 * base's plan and multipliers (docs/scale.md); a scenario with its own policy is a whole round. Every scenario is checked before any round is
 * solved, so a bad one fails the batch at once, named `scenarios[i].changes[j]…`.
 */
export async function runScenarioBatch(base: Pool, scenarios: readonly ScenarioRequestInput[], options: BatchOptions = {}): Promise<ScenarioBatchResult> {
  const started = performance.now();
  const requests = parseRequests(scenarios);
  const applied = requests.map((request, i) => {
    try {
      return applyScenario(base, request.changes, request.policy);
    } catch (error) {
      throw error instanceof ScenarioError ? error.within(['scenarios', i]) : error;
    }
  });
  const pool = structuredClone(base);
  const { outcome, shared } = await solveSharedBase(pool, options.round);
  const baseRound: BaseRound = { outcome, metrics: metricsOf(pool, outcome.report) };
  const results: ScenarioResult[] = [];
  for (const [i, request] of requests.entries()) {
    const begun = performance.now();
    const scenarioOptions: ScenarioOptions = { ...options, ...(request.policy ? { policy: request.policy } : {}) };
    // A scenario with its own policy scores and weighs differently: a whole round of its own.
    const sharing = request.policy === undefined ? shared : undefined;
    const result = await compare(applied[i]!, baseRound, scenarioOptions, sharing);
    results.push({ name: request.name, ...result, milliseconds: performance.now() - begun });
  }
  return { base: baseRound.metrics, scenarios: results, milliseconds: performance.now() - started };
}
