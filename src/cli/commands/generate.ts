import type { Command } from 'commander';
import { formatPool } from '../../../fixtures/generator/serialize.js';
import { defaultReferenceDate, syntheticPool } from '../../../fixtures/generator/synthetic/pool.js';
import { CliError } from '../errors.js';

/** Largest pool the generator writes: beyond it the JSON alone outgrows a sane heap. */
const maxParticipants = 200_000;

function wholeNumber(value: string, option: string, min: number, max: number): number {
  if (!/^\d+$/.test(value.trim())) throw new CliError(`${option}: must be a whole number, got "${value}"`);
  const n = Number(value);
  if (n < min || n > max) throw new CliError(`${option}: must be between ${min} and ${max}, got ${n}`);
  return n;
}

/**
 * `generate --participants N --seed S`: a synthetic pool, JSON on stdout and nothing else,
 * so that `… generate > pool.json` gives a file that `round` reads.
 */
export function registerGenerate(program: Command): void {
  program
    .command('generate')
    .description('Write a synthetic pool (13 regions, all four resource kinds) as JSON on stdout')
    .requiredOption('--participants <count>', 'number of participants (resources scale with it)')
    .option('--seed <seed>', 'seed of the generator: the same seed gives the same pool', '1')
    .option('--reference-date <date>', 'date the round is run on (YYYY-MM-DD)', defaultReferenceDate)
    .action((options: { participants: string; seed: string; referenceDate: string }) => {
      const participants = wholeNumber(options.participants, '--participants', 1, maxParticipants);
      const seed = wholeNumber(options.seed, '--seed', 0, 2 ** 32 - 1);
      if (!/^\d{4}-\d{2}-\d{2}$/.test(options.referenceDate) || Number.isNaN(Date.parse(options.referenceDate))) {
        throw new CliError(`--reference-date: must be a date written YYYY-MM-DD, got "${options.referenceDate}"`);
      }
      process.stdout.write(formatPool(syntheticPool({ participants, seed, referenceDate: options.referenceDate })));
    });
}
