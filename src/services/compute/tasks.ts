import type { Pool } from '../../domain/pool.js';
import type { CapacityChangeInput, PolicyOverrides } from '../../domain/scenario.js';
import { runRound } from '../../round/run-round.js';
import type { ProblemOverride } from '../../../solver/problem.js';
import { runScenario, type ScenarioResult } from '../../scenarios/run-scenario.js';
import { encodeOutcome, type RoundComputed } from './round-computed.js';

/** The CPU-heavy work of the service, described by plain data so that it can cross to a worker thread. */
export type ComputeTask =
  | { kind: 'round'; pool: Pool; overrides: ProblemOverride[]; previous: { participant: string; resource: string }[] }
  | { kind: 'scenario'; pool: Pool; changes: CapacityChangeInput[]; name: string; marginal: boolean; policy?: PolicyOverrides };

export type { RoundComputed };

export interface ComputeResults {
  round: RoundComputed;
  scenario: ScenarioResult;
}

export async function runTask(task: ComputeTask): Promise<RoundComputed | ScenarioResult> {
  if (task.kind === 'round') {
    return encodeOutcome(await runRound(task.pool, { overrides: task.overrides, previous: task.previous }));
  }
  return runScenario(task.pool, task.changes, { name: task.name, marginal: task.marginal, ...(task.policy ? { policy: task.policy } : {}) });
}
