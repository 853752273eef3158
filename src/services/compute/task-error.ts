import { ProblemError } from '../../../solver/validate.js';
import { OutcomeModelError } from '../../outcomes/model-file.js';
import { ScenarioError } from '../../scenarios/scenario-error.js';
import { JobFailure } from '../errors.js';

/** A task's failure as it crosses from the worker thread: the message, and whether its requester can act on it. */
export interface TaskFailure {
  message: string;
  /** The problem, the scenario or the outcome model was refused: the message speaks to the requester. */
  expected: boolean;
}

/** In the worker: errors of the engine's own checks are expected; anything else (a bug, a crash) is not. */
export function toTaskFailure(error: unknown): TaskFailure {
  const expected = error instanceof ProblemError || error instanceof ScenarioError || error instanceof OutcomeModelError;
  return { message: error instanceof Error ? error.message : String(error), expected };
}

/** On the main thread: an expected failure becomes a JobFailure, whose message the job shows. */
export function fromTaskFailure(failure: TaskFailure): Error {
  return failure.expected ? new JobFailure(failure.message) : new Error(failure.message);
}
