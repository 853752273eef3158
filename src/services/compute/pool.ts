import { Worker } from 'node:worker_threads';
import { fromTaskFailure, type TaskFailure } from './task-error.js';
import type { ComputeResults, ComputeTask } from './tasks.js';

const entry = new URL('./worker-entry.mjs', import.meta.url);

type Answer = { id: number; ok: true; value: unknown } | { id: number; ok: false; failure: TaskFailure };
interface Pending { resolve(value: unknown): void; reject(error: Error): void }

/**
 * Runs solves and scenarios on one worker thread: the solver keeps a core busy for seconds,
 * and on the main thread it would stall every HTTP request meanwhile. The thread starts with
 * the first task (loading the solver takes a few seconds) and is kept for the next ones.
 */
export class ComputeThreads {
  #worker: Worker | null = null;
  #pending = new Map<number, Pending>();
  #nextId = 1;

  /**
   * Runs `task` on the thread. Aborting `signal` stops the thread (the solver cannot be
   * interrupted between its own steps), so the task rejects at once; the next task starts a
   * new thread.
   */
  run<K extends ComputeTask['kind']>(task: Extract<ComputeTask, { kind: K }>, signal?: AbortSignal): Promise<ComputeResults[K]> {
    if (signal?.aborted) return Promise.reject(new Error('stopped before it started'));
    const worker = this.#worker ?? this.#start();
    const id = this.#nextId++;
    const stop = () => { void worker.terminate(); };
    signal?.addEventListener('abort', stop, { once: true });
    const settled = () => signal?.removeEventListener('abort', stop);
    return new Promise((resolve, reject) => {
      this.#pending.set(id, {
        resolve: (value) => { settled(); resolve(value as ComputeResults[K]); },
        reject: (error) => { settled(); reject(error); },
      });
      worker.postMessage({ id, task });
    });
  }

  #start(): Worker {
    const worker = new Worker(entry, { execArgv: [] });
    worker.unref();
    worker.on('message', (answer: Answer) => {
      const pending = this.#pending.get(answer.id);
      this.#pending.delete(answer.id);
      if (answer.ok) pending?.resolve(answer.value);
      else pending?.reject(fromTaskFailure(answer.failure));
    });
    const lost = (reason: string) => {
      if (this.#worker === worker) this.#worker = null;
      for (const pending of this.#pending.values()) pending.reject(new Error(reason));
      this.#pending.clear();
    };
    worker.on('error', (error) => lost(`the solver thread failed: ${error.message}`));
    worker.on('exit', (code) => lost(`the solver thread stopped (exit code ${code})`));
    this.#worker = worker;
    return worker;
  }

  /** Stops the thread; tasks still running fail. */
  async terminateAll(): Promise<void> {
    await this.#worker?.terminate();
  }
}
