import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Database } from '../db/client.js';
import { RoundPolicy } from '../domain/policy.js';
import { ScenarioRequest } from '../domain/scenario.js';
import { applyScenario } from '../scenarios/apply-changes.js';
import { ScenarioError } from '../scenarios/scenario-error.js';
import { toRoundSummary } from '../db/repositories/rounds.js';
import { audit, type Actor } from './audit.js';
import { InputError, NotFoundError } from './errors.js';
import { createJob, type JobRunner, type JobWork } from './jobs.js';
import { buildPool } from './pool-builder.js';
import { PoolFilters } from './round-schemas.js';
import { roundRow } from './rounds.js';

/** The base of a scenario: a round (its pool filters and policy) or a pool described here. */
export const ScenarioBase = z.union([
  z.object({ round: z.string().min(1) }).strict(),
  z.object({ filters: PoolFilters.default({ includePlaced: false }), policy: RoundPolicy.default(RoundPolicy.parse({})) }).strict(),
]);

export const ScenarioCreate = ScenarioRequest.extend({
  base: ScenarioBase,
  /** Also compute the marginal value of one more unit of each capacity group (costs re-solves). */
  marginal: z.boolean().default(true),
}).strict();
export type ScenarioCreate = z.infer<typeof ScenarioCreate>;

export interface ScenarioView {
  id: string;
  name: string;
  status: string;
  baseRound: string | null;
  request: unknown;
  result: unknown;
  createdAt: string;
}

export async function startScenario(db: Database, jobs: JobRunner, input: ScenarioCreate, actor: Actor): Promise<{ scenarioId: string; jobId: string }> {
  const baseRound = 'round' in input.base ? input.base.round : null;
  await checkChanges(db, input);
  const scenarioId = randomUUID();
  const jobId = await db.write(async (tx) => {
    if (baseRound) await roundRow(tx, baseRound);
    await tx.scenario.create({ data: { id: scenarioId, name: input.name, baseRoundId: baseRound, request: JSON.stringify(input), createdBy: actor.keyId } });
    await audit(tx, actor, 'create', 'scenario', scenarioId);
    return createJob(tx, 'scenario', scenarioId, actor.keyId);
  });
  jobs.submit(jobId, scenarioWork(db, jobs, scenarioId, input));
  return { scenarioId, jobId };
}

async function basePool(db: Database, input: ScenarioCreate) {
  const base = 'round' in input.base ? toRoundSummary(await roundRow(db.prisma, input.base.round)) : { name: input.name, ...input.base };
  return buildPool(db.prisma, base.name, base.filters, base.policy);
}

/** Applies the changes to the base once before queueing, so a change that does not fit is a 400 naming it, not a failed job. */
async function checkChanges(db: Database, input: ScenarioCreate): Promise<void> {
  try {
    applyScenario(await basePool(db, input), input.changes, input.policy);
  } catch (error) {
    if (error instanceof ScenarioError) throw scenarioErrorToInput(error);
    throw error;
  }
}

/** Reads the live data into a pool, changes only that copy, and stores the comparison. */
function scenarioWork(db: Database, jobs: JobRunner, scenarioId: string, input: ScenarioCreate): JobWork {
  return {
    run: async (progress, signal) => {
      await db.write((tx) => tx.scenario.update({ where: { id: scenarioId }, data: { status: 'running' } }));
      const pool = await basePool(db, input);
      signal.throwIfAborted();
      await progress(0.1, `solving the base and the scenario: ${pool.participants.length} participants`);
      const result = await jobs.compute.run({
        kind: 'scenario', pool, changes: input.changes, name: input.name, marginal: input.marginal, ...(input.policy ? { policy: input.policy } : {}),
      }, signal);
      await db.write(async (tx) => {
        signal.throwIfAborted();
        await tx.scenario.update({ where: { id: scenarioId }, data: { status: 'done', result: JSON.stringify(result) } });
      });
      return { scenarioId, placed: result.scenario.placed, basePlaced: result.base.placed };
    },
    recover: async (tx, end) => {
      await tx.scenario.update({ where: { id: scenarioId }, data: { status: end.status, result: JSON.stringify({ error: end.message }) } });
    },
  };
}

export function scenarioErrorToInput(error: ScenarioError): InputError {
  return new InputError('the scenario does not fit its base pool', error.issues.map((i) => ({ path: ['body', ...i.path].join('.'), message: i.message })));
}

export async function getScenario(db: Database, id: string): Promise<ScenarioView> {
  const row = await db.prisma.scenario.findUnique({ where: { id } });
  if (!row) throw new NotFoundError('scenario', id);
  return {
    id: row.id, name: row.name, status: row.status, baseRound: row.baseRoundId,
    request: JSON.parse(row.request), result: row.result ? JSON.parse(row.result) : null, createdAt: row.createdAt.toISOString(),
  };
}

export async function listScenarios(db: Database): Promise<Omit<ScenarioView, 'request' | 'result'>[]> {
  const rows = await db.prisma.scenario.findMany({ orderBy: { createdAt: 'asc' } });
  return rows.map((r) => ({ id: r.id, name: r.name, status: r.status, baseRound: r.baseRoundId, createdAt: r.createdAt.toISOString() }));
}
