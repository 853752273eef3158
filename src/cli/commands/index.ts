import type { Command } from 'commander';
import { registerScenarioCommand } from './scenario.js';
import { registerGenerate } from './generate.js';

/** Every CLI command, each in its own module: add one line here per command. */
export const commands: Array<(program: Command) => void> = [
  registerGenerate,
  registerScenarioCommand,
];
