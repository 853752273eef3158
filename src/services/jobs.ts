import { randomUUID } from 'node:crypto';
import type { Database, Tx } from '../db/client.js';
import { ComputeThreads } from './compute/pool.js';
import { ConflictError, InputError, JobFailure, NotFoundError } from './errors.js';
import { loggableError } from './loggable-error.js';

export type Progress = (fraction: number, message: string) => Promise<void>;

export interface JobWork {
  /** Does the work; returns a small JSON summary stored with the job. */
  run(progress: Progress): Promise<object>;
  /** Puts the subject back in a consistent state when the work fails or is abandoned. */
  recover(tx: Tx, message: string): Promise<void>;
}

/** Shown for a job that a fault of the service ended; the details are in the log, under the job's id. */
export const internalJobError = 'internal error: the job could not be completed (the details are in the service log)';

/**
 * What GET /jobs/{id} shows of the error that ended a job: a domain error's own message (the
 * solver refused the problem, the round is gone), or the generic one: a database or engine
 * fault's text names server paths and internals, and the client can do nothing with it.
 */
export function publicJobError(error: unknown): string {
  const known = error instanceof JobFailure || error instanceof InputError || error instanceof ConflictError || error instanceof NotFoundError;
  return known ? error.message : internalJobError;
}

/** Creates the job's row inside the caller's transaction, so the job and the state that started it commit together. */
export async function createJob(tx: Tx, kind: string, subjectId: string, keyId: string | null): Promise<string> {
  const id = randomUUID();
  await tx.job.create({ data: { id, kind, subjectId, createdBy: keyId } });
  return id;
}

/**
 * Runs long work (solves, scenarios) one job at a time, in order: the solver uses a whole
 * core, and two at once would only make both slower. State lives in the Job table, so clients
 * poll GET /jobs/{id}.
 */
export class JobRunner {
  #queue: { id: string; work: JobWork }[] = [];
  #running: Promise<void> | null = null;
  #stopped = false;
  /** Solver threads of the running job. */
  readonly compute = new ComputeThreads();

  constructor(private readonly db: Database, private readonly log: { error(obj: object, msg: string): void }) {}

  submit(id: string, work: JobWork): void {
    if (this.#stopped) {
      void this.#fail(id, work, 'the service is shutting down');
      return;
    }
    this.#queue.push({ id, work });
    this.#running ??= this.#drain();
  }

  /**
   * Stops taking work, abandons queued jobs and waits (up to `graceMs`) for the running one;
   * past the grace its solver thread is stopped and the job is recorded as failed.
   */
  async stop(graceMs: number): Promise<void> {
    this.#stopped = true;
    const abandoned = this.#queue.splice(0);
    for (const job of abandoned) await this.#fail(job.id, job.work, 'the service stopped before the job ran');
    if (this.#running) {
      let timer: NodeJS.Timeout | undefined;
      const finished = await Promise.race([
        this.#running.then(() => true),
        new Promise<false>((r) => { timer = setTimeout(() => r(false), graceMs); }),
      ]);
      clearTimeout(timer);
      if (!finished) await this.compute.terminateAll();
      await this.#running;
    }
    await this.compute.terminateAll();
  }

  async #drain(): Promise<void> {
    // Yield first, so the request that submitted the job is answered before the solve starts.
    await new Promise((r) => setImmediate(r));
    for (let job = this.#queue.shift(); job; job = this.#queue.shift()) await this.#runOne(job.id, job.work);
    this.#running = null;
  }

  async #runOne(id: string, work: JobWork): Promise<void> {
    const progress: Progress = (fraction, message) =>
      this.db.write((tx) => tx.job.update({ where: { id }, data: { progress: fraction, message } })).then(() => undefined);
    try {
      await this.db.write((tx) => tx.job.update({ where: { id }, data: { status: 'running', startedAt: new Date() } }));
      const result = await work.run(progress);
      await this.db.write((tx) => tx.job.update({
        where: { id }, data: { status: 'succeeded', progress: 1, message: 'done', result: JSON.stringify(result), finishedAt: new Date() },
      }));
    } catch (error) {
      this.log.error({ jobId: id, error: loggableError(error) }, 'job failed');
      await this.#fail(id, work, publicJobError(error));
    }
  }

  async #fail(id: string, work: JobWork, message: string): Promise<void> {
    await this.db.write(async (tx) => {
      await work.recover(tx, message);
      await tx.job.update({ where: { id }, data: { status: 'failed', error: message, finishedAt: new Date() } });
    });
  }
}

/** After a crash or a kill: jobs that were queued or running will never finish; say so, and free their subjects. */
export async function failInterruptedJobs(db: Database): Promise<number> {
  return db.write(async (tx) => {
    const { count } = await tx.job.updateMany({
      where: { status: { in: ['queued', 'running'] } },
      data: { status: 'failed', error: 'interrupted by a restart of the service', finishedAt: new Date() },
    });
    await tx.round.updateMany({ where: { status: 'solving', report: null }, data: { status: 'draft' } });
    await tx.round.updateMany({ where: { status: 'solving' }, data: { status: 'proposed' } });
    await tx.scenario.updateMany({ where: { status: { in: ['pending', 'running'] } }, data: { status: 'failed' } });
    return count;
  });
}
