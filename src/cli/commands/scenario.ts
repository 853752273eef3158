import type { Command } from 'commander';
import { z } from 'zod';
import { Pool } from '../../domain/pool.js';
import { CapacityChange, ScenarioRequest } from '../../domain/scenario.js';
import { formatBatch, formatScenario } from '../../scenarios/format-table.js';
import { runScenario, runScenarioBatch } from '../../scenarios/run-scenario.js';
import { ScenarioError } from '../../scenarios/scenario-error.js';
import { CliError, formatIssues } from '../errors.js';
import { readJsonFile } from '../read-file.js';

/**
 * The changes file is one of:
 * - a list of capacity changes: `[{ "kind": "mentor", "region": "Occitanie", "delta": 5, "unit": "resources" }]`;
 * - one scenario: `{ "name": "…", "changes": [ … ], "policy": { … } }`;
 * - a batch: `{ "scenarios": [ { "name": …, "changes": … }, … ] }`, solved against one base.
 */
const Batch = z.object({ scenarios: z.array(ScenarioRequest).min(1, 'must list at least one scenario') }).strict();
type ChangesFile = { batch: z.infer<typeof Batch> } | { single: ScenarioRequest };

function parseChangesFile(data: unknown, path: string): ChangesFile {
  const fail = (error: z.ZodError): never => {
    throw new CliError(`changes file ${path} is invalid:\n${formatIssues(error.issues)}`);
  };
  if (Array.isArray(data)) {
    const changes = z.array(CapacityChange).safeParse(data);
    return changes.success ? { single: { name: 'scenario', changes: changes.data } } : fail(changes.error);
  }
  if (data !== null && typeof data === 'object' && 'scenarios' in data) {
    const batch = Batch.safeParse(data);
    return batch.success ? { batch: batch.data } : fail(batch.error);
  }
  const single = ScenarioRequest.safeParse(data);
  return single.success ? { single: single.data } : fail(single.error);
}

interface ScenarioCommandOptions {
  json?: boolean;
  marginal?: boolean;
  perGroup?: string;
}

function marginalOption(options: ScenarioCommandOptions) {
  if (!options.marginal) return false;
  if (options.perGroup === undefined) return true;
  const resourcesPerGroup = Number(options.perGroup);
  if (!Number.isInteger(resourcesPerGroup) || resourcesPerGroup < 1) throw new CliError('--per-group must be a whole number of 1 or more');
  return { resourcesPerGroup };
}

async function runScenarioCommand(poolFile: string, changesFile: string, options: ScenarioCommandOptions): Promise<void> {
  const marginal = marginalOption(options);
  const pool = await readJsonFile(poolFile, Pool, 'pool');
  const file = parseChangesFile(await readJsonFile(changesFile, z.unknown(), 'changes'), changesFile);
  try {
    if ('batch' in file) {
      const batch = await runScenarioBatch(pool, file.batch.scenarios, { marginal });
      process.stdout.write(options.json ? `${JSON.stringify(batch, null, 2)}\n` : formatBatch(batch));
      return;
    }
    const { name, changes, policy } = file.single;
    const result = await runScenario(pool, changes, { name, marginal, ...(policy ? { policy } : {}) });
    process.stdout.write(options.json ? `${JSON.stringify(result, null, 2)}\n` : formatScenario(result));
  } catch (error) {
    if (error instanceof ScenarioError) {
      throw new CliError(`changes file ${changesFile} does not fit pool ${poolFile}:\n${error.message.split('\n').map((l) => `  ${l}`).join('\n')}`);
    }
    throw error;
  }
}

export function registerScenarioCommand(program: Command): void {
  program
    .command('scenario')
    .description('Compare a pool with capacity changes (seats, mentors, housing places) against the pool as it is; the pool file is never changed')
    .argument('<pool-file>', 'pool JSON file')
    .argument('<changes-file>', 'a list of capacity changes, one scenario {name, changes, policy}, or {scenarios: [...]} for a batch')
    .option('--json', 'print the full comparison as JSON')
    .option('--marginal', 'add the marginal value of one more unit of each capacity group (re-solves)')
    .option('--per-group <n>', 'with --marginal: full resources tried per group (default 1)')
    .action(runScenarioCommand);
}
