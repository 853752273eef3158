import { syntheticPool } from '../fixtures/generator/synthetic/pool.js';
import { Pool } from '../src/domain/pool.js';
import { prepareRound } from '../src/round/prepare-round.js';
import { runRound } from '../src/round/run-round.js';
import { runScenarioBatch } from '../src/scenarios/run-scenario.js';
import { buildModel } from '../solver/exact/build-model.js';
import { prepareProblem } from '../solver/exact/prepared-problem.js';
import { solveExact } from '../solver/exact/solve-exact.js';
import type { SolveResult } from '../solver/result.js';
import { peakRssMiB, timed, type Measurement } from './measure.js';
import { capacityScenarios } from './scenarios.js';

interface Sized {
  name: string;
  participants: number;
  seed: number;
  timeLimitMs: number;
}

/** A whole round through the scale pipeline: pool → eligibility → scoring → solve → explanations. */
export interface RoundCase extends Sized { kind: 'round'; candidatesPerKind?: number }
/** The naive formulation: every eligible pair, one dense model on javascript-lp-solver, no pruning, no components. */
export interface NaiveCase extends Sized { kind: 'naive'; maxTableauGiB: number }
/** A batch of capacity scenarios over one pool, each one a whole round. */
export interface ScenarioCase extends Sized { kind: 'scenarios'; count: number; candidatesPerKind?: number }
export type BenchCase = RoundCase | NaiveCase | ScenarioCase;

function pool(spec: Sized, candidatesPerKind?: number): Pool {
  const parsed = Pool.parse(syntheticPool({ participants: spec.participants, seed: spec.seed }));
  parsed.policy.timeLimitMs = spec.timeLimitMs;
  if (candidatesPerKind !== undefined) parsed.policy.candidatesPerKind = candidatesPerKind;
  return parsed;
}

function fromResult(result: SolveResult): Partial<Measurement> {
  return {
    status: result.status,
    objective: result.objective,
    gap: result.gap,
    solveMs: result.stats.milliseconds,
    variables: result.stats.variables,
    constraints: result.stats.constraints,
    backend: result.stats.backend,
    ...(result.stats.components !== undefined ? { components: result.stats.components } : {}),
    ...(result.stats.prunedEdges !== undefined ? { prunedEdges: result.stats.prunedEdges } : {}),
  };
}

/**
 * A service keeps one process, so HiGHS' WebAssembly is compiled and optimised once, not
 * per round: a small round of another seed is solved first, and its time reported apart.
 */
async function warmUp(): Promise<number> {
  const warm = Pool.parse(syntheticPool({ participants: 100, seed: 999 }));
  warm.policy.backend = 'highs';
  const run = await timed(() => runRound(warm));
  return Math.round(run.wallMs);
}

async function runRoundCase(spec: RoundCase): Promise<Measurement> {
  const warmUpMs = await warmUp();
  // The generated pool is let go once parsed: its memory is no part of the round's.
  let input: unknown = syntheticPool({ participants: spec.participants, seed: spec.seed });
  const run = await timed(async () => {
    const startedAt = Date.now();
    const parsed = Pool.parse(input);
    input = undefined;
    parsed.policy.timeLimitMs = spec.timeLimitMs;
    if (spec.candidatesPerKind !== undefined) parsed.policy.candidatesPerKind = spec.candidatesPerKind;
    return runRound(parsed, { startedAt });
  });
  return {
    case: spec.name, participants: spec.participants, wallMs: run.wallMs, cpuMs: run.cpuMs, peakRssMiB: peakRssMiB(),
    ...fromResult(run.value.result), placed: run.value.report.totals.placed, eligiblePairs: run.value.report.candidates.eligiblePairs, warmUpMs,
    ...(run.value.report.candidates.everyPairBound !== undefined ? { everyPairBound: run.value.report.candidates.everyPairBound } : {}),
    ...(spec.candidatesPerKind !== undefined ? { candidatesPerKind: spec.candidatesPerKind } : {}),
  } as Measurement;
}

async function runNaiveCase(spec: NaiveCase): Promise<Measurement> {
  const round = pool(spec);
  const prepared = prepareRound(round);
  const problem = { ...prepared.problem, policy: { ...prepared.problem.policy, backend: 'jsLPSolver' as const } };
  const { model } = buildModel(prepareProblem(problem));
  // javascript-lp-solver keeps one dense Float64 tableau of (rows + 1) × (columns + slacks + 1).
  const rows = model.constraints.length;
  const tableauGiB = (8 * (rows + 1) * (model.variables.length + rows + 1)) / 2 ** 30;
  const base = { case: spec.name, participants: spec.participants, variables: model.variables.length, constraints: rows, tableauGiB };
  if (tableauGiB > spec.maxTableauGiB) {
    return { ...base, wallMs: NaN, cpuMs: NaN, peakRssMiB: peakRssMiB(), status: 'skipped', objective: null, gap: null,
      note: `dense tableau would need ${tableauGiB.toFixed(1)} GiB: would not finish within a minute` };
  }
  const run = await timed(() => solveExact(problem));
  return { ...base, wallMs: run.wallMs, cpuMs: run.cpuMs, peakRssMiB: peakRssMiB(), ...fromResult(run.value) } as Measurement;
}

async function runScenarioCase(spec: ScenarioCase): Promise<Measurement> {
  const warmUpMs = await warmUp();
  const base = pool(spec, spec.candidatesPerKind);
  const scenarios = capacityScenarios(base, spec.count);
  const run = await timed(() => runScenarioBatch(base, scenarios));
  const statuses = run.value.scenarios.map((s) => s.scenario.status);
  const worst = ['infeasible', 'time_limit', 'feasible', 'optimal'].find((status) => statuses.includes(status as never) || run.value.base.status === status);
  const gaps = run.value.scenarios.map((s) => s.scenario.gap).filter((g): g is number => g !== null);
  return {
    case: spec.name, participants: spec.participants, wallMs: run.wallMs, cpuMs: run.cpuMs, peakRssMiB: peakRssMiB(),
    status: worst ?? 'optimal', objective: run.value.base.objective, gap: gaps.length > 0 ? Math.max(...gaps) : null,
    warmUpMs, scenarios: scenarios.length, optimalScenarios: statuses.filter((s) => s === 'optimal').length,
    ...(spec.candidatesPerKind !== undefined ? { candidatesPerKind: spec.candidatesPerKind } : {}),
    note: 'objective: base round; gap: largest over the scenarios',
  };
}

export function runCase(spec: BenchCase): Promise<Measurement> {
  switch (spec.kind) {
    case 'round': return runRoundCase(spec);
    case 'naive': return runNaiveCase(spec);
    case 'scenarios': return runScenarioCase(spec);
  }
}
