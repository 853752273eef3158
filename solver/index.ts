export * from './problem.js';
export * from './result.js';
export type * from './mip.js';
export { solve } from './solve.js';
export { parseProblem, ProblemError } from './validate.js';
