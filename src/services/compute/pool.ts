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

  run<K extends ComputeTask['kind']>(task: Extract<ComputeTask, { kind: K }>): Promise<ComputeResults[K]> {
    const worker = this.#worker ?? this.#start();
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
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
