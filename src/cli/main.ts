#!/usr/bin/env node
import { Command } from 'commander';
import { commands } from './commands/index.js';
import { HistoryError } from '../outcomes/history-import.js';
import { OutcomeModelError } from '../outcomes/model-file.js';
import { CliError } from './errors.js';

/**
 * One entry point for every command. Each command lives in its own module under
 * `commands/` and registers itself; this file only wires them and turns errors
 * into a message and an exit code, never a stack trace.
 */
const program = new Command('placement')
  .description('Placement engine: eligibility, scoring and optimisation of placement rounds')
  .showHelpAfterError();

for (const register of commands) register(program);

// A reader that stops early (`… | head`) closes the pipe: the output it wanted is written, nothing failed.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(0);
});

try {
  await program.parseAsync(process.argv);
} catch (error) {
  process.exitCode = reportError(error);
}

function reportError(error: unknown): number {
  if (error instanceof CliError) {
    process.stderr.write(`error: ${error.message}\n`);
    return error.exitCode;
  }
  // A model or history file the user named, reached from any command (a scenario's policy may name a model): theirs to fix.
  if (error instanceof OutcomeModelError || error instanceof HistoryError) {
    process.stderr.write(`error: ${error.message}\n`);
    return 1;
  }
  process.stderr.write(`error: unexpected failure: ${error instanceof Error ? error.message : String(error)}\n`);
  if (process.env.DEBUG) console.error(error);
  return 70;
}
