import { randomUUID } from 'node:crypto';
import type { Database, Tx } from '../db/client.js';
import { audit, type Actor } from './audit.js';
import { ComputeThreads } from './compute/pool.js';
import { ConflictError, InputError, JobFailure, NotFoundError } from './errors.js';
import { loggableError } from './loggable-error.js';

export type Progress = (fraction: number, message: string) => Promise<void>;

/** How a job ended without a result: what GET /jobs/{id} shows as its status and `error`. */
export interface JobEnd {
  status: 'failed' | 'cancelled';
  message: string;
}

export interface JobWork {
  /**
   * Does the work; returns a small JSON summary stored with the job. Once `signal` is aborted
   * (the job is stopped) it throws at its next step and writes nothing more.
   */
  run(progress: Progress, signal: AbortSignal): Promise<object>;
  /** Puts the subject back in a consistent state when the work fails, is stopped or is abandoned. */
  recover(tx: Tx, end: JobEnd): Promise<void>;
}

/** Shown for a job that a fault of the service ended; the details are in the log, under the job's id. */
export const internalJobError = 'internal error: the job could not be completed (the details are in the service log)';
export const stoppedOnRequest = 'stopped on request';

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

interface Job { id: string; work: JobWork }
/** Why a running job's signal was aborted: a key asked for it, or the shutdown grace ran out. */
type StopReason = { by: Actor } | 'shutdown';

/**
 * Runs long work (solves, scenarios) one job at a time, in order: the solver uses a whole
 * core, and two at once would only make both slower. So that a long solve cannot hold the
 * queue, any job can be stopped (`cancel`). State lives in the Job table, so clients poll
 * GET /jobs/{id}.
 */
export class JobRunner {
  #queue: Job[] = [];
  #current: (Job & { controller: AbortController; done: Promise<void> }) | null = null;
  #running: Promise<void> | null = null;
  #stopped = false;
  /** Solver threads of the running job. */
  readonly compute = new ComputeThreads();

  constructor(private readonly db: Database, private readonly log: { error(obj: object, msg: string): void }) {}

  submit(id: string, work: JobWork): void {
    if (this.#stopped) {
      void this.#end({ id, work }, { status: 'failed', message: 'the service is shutting down' });
      return;
    }
    this.#queue.push({ id, work });
    this.#running ??= this.#drain();
  }

  /**
   * Stops a job for `actor`: a queued one never runs; a running one is aborted (its solver
   * thread stopped). Either way its subject is recovered and the job ends `cancelled`. Resolves
   * once the job has ended; false when this runner does not hold the job (it has finished).
   */
  async cancel(id: string, actor: Actor): Promise<boolean> {
    const index = this.#queue.findIndex((job) => job.id === id);
    if (index >= 0) {
      const [job] = this.#queue.splice(index, 1);
      await this.#end(job!, { status: 'cancelled', message: stoppedOnRequest }, actor);
      return true;
    }
    const current = this.#current;
    if (current?.id !== id) return false;
    current.controller.abort({ by: actor } satisfies StopReason);
    await current.done;
    return true;
  }

  /**
   * Stops taking work, abandons queued jobs and waits (up to `graceMs`) for the running one;
   * past the grace it is aborted and recorded as failed.
   */
  async stop(graceMs: number): Promise<void> {
    this.#stopped = true;
    const abandoned = this.#queue.splice(0);
    for (const job of abandoned) await this.#end(job, { status: 'failed', message: 'the service stopped before the job ran' });
    if (this.#running) {
      let timer: NodeJS.Timeout | undefined;
      const finished = await Promise.race([
        this.#running.then(() => true),
        new Promise<false>((r) => { timer = setTimeout(() => r(false), graceMs); }),
      ]);
      clearTimeout(timer);
      if (!finished) this.#current?.controller.abort('shutdown' satisfies StopReason);
      await this.#running;
    }
    await this.compute.terminateAll();
  }

  async #drain(): Promise<void> {
    // Yield first, so the request that submitted the job is answered before the solve starts.
    await new Promise((r) => setImmediate(r));
    for (let job = this.#queue.shift(); job; job = this.#queue.shift()) {
      const controller = new AbortController();
      const done = this.#runOne(job, controller.signal);
      this.#current = { ...job, controller, done };
      await done;
      this.#current = null;
    }
    this.#running = null;
  }

  async #runOne(job: Job, signal: AbortSignal): Promise<void> {
    const { id, work } = job;
    const progress: Progress = (fraction, message) =>
      this.db.write((tx) => tx.job.update({ where: { id }, data: { progress: fraction, message } })).then(() => undefined);
    try {
      await this.db.write((tx) => tx.job.update({ where: { id }, data: { status: 'running', startedAt: new Date() } }));
      signal.throwIfAborted();
      const result = await work.run(progress, signal);
      await this.db.write((tx) => tx.job.update({
        where: { id }, data: { status: 'succeeded', progress: 1, message: 'done', result: JSON.stringify(result), finishedAt: new Date() },
      }));
    } catch (error) {
      const reason = signal.aborted ? (signal.reason as StopReason) : null;
      if (reason === 'shutdown') await this.#end(job, { status: 'failed', message: 'the service stopped before the job finished' });
      else if (reason) await this.#end(job, { status: 'cancelled', message: stoppedOnRequest }, reason.by);
      else {
        this.log.error({ jobId: id, error: loggableError(error) }, 'job failed');
        await this.#end(job, { status: 'failed', message: publicJobError(error) });
      }
    }
  }

  /** Records how the job ended, with its subject recovered, in one transaction (and who stopped it). */
  async #end(job: Job, end: JobEnd, stoppedBy?: Actor): Promise<void> {
    await this.db.write(async (tx) => {
      await job.work.recover(tx, end);
      await tx.job.update({ where: { id: job.id }, data: { status: end.status, error: end.message, finishedAt: new Date() } });
      if (stoppedBy) await audit(tx, stoppedBy, 'cancel', 'job', job.id);
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
