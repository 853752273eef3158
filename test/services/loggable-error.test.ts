import { describe, expect, it } from 'vitest';
import { ProblemError } from '../../solver/validate.js';
import { fromTaskFailure, toTaskFailure } from '../../src/services/compute/task-error.js';
import { JobFailure } from '../../src/services/errors.js';
import { publicJobError, internalJobError } from '../../src/services/jobs.js';
import { loggableError } from '../../src/services/loggable-error.js';

describe('errors on their way to the log and to GET /jobs/{id}', () => {
  it('log an error by its type, code, first line and stack frames, never the rest of its message', () => {
    const error = Object.assign(new Error('no room\n  { legalStatus: "refugee" }'), { code: 'E_ROOM' });
    const logged = loggableError(error);
    expect(logged).toMatchObject({ type: 'Error', code: 'E_ROOM', message: 'no room' });
    expect(logged.stack).toMatch(/^\s+at /);
    expect(JSON.stringify(logged)).not.toContain('refugee');
    expect(loggableError('x'.repeat(400)).message).toHaveLength(301);
  });

  it('cross the worker boundary as expected (the engine refused the input) or not (a fault)', () => {
    const refused = fromTaskFailure(toTaskFailure(new ProblemError([{ path: ['edges', 0], message: 'unknown resource' }])));
    expect(refused).toBeInstanceOf(JobFailure);
    expect(publicJobError(refused)).toBe('invalid problem:\n  edges[0]: unknown resource');
    const fault = fromTaskFailure(toTaskFailure(new TypeError("Cannot read properties of undefined (reading 'id') at /srv/app/solver/x.ts:3")));
    expect(fault).not.toBeInstanceOf(JobFailure);
    expect(publicJobError(fault)).toBe(internalJobError);
  });
});
