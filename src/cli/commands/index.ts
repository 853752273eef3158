import type { Command } from 'commander';
import { registerModelCommand } from './model.js';
import { registerEvaluateCommand } from './evaluate.js';
import { registerScenarioCommand } from './scenario.js';
import { registerGenerate } from './generate.js';
import { registerRound } from './round.js';
import { registerSolve } from './solve.js';
import { registerKeys } from './keys.js';

/** Every CLI command, each in its own module: add one line here per command. */
export const commands: Array<(program: Command) => void> = [
  registerGenerate,
  registerScenarioCommand,
  registerRound,
  registerSolve,
  registerModelCommand,
  registerEvaluateCommand,
  registerKeys,
];
