import { Worker } from 'node:worker_threads';
import type { ComputeResults, ComputeTask } from './tasks.js';

const entry = new URL('./worker-entry.mjs', import.meta.url);

/**
 * Runs solves and scenarios on a worker thread, one thread per task: the solver keeps a core
 * busy for seconds, and on the main thread it would stall every HTTP request meanwhile.
 */
export class ComputeThreads {
  #active = new Set<Worker>();

  run<K extends ComputeTask['kind']>(task: Extract<ComputeTask, { kind: K }>): Promise<ComputeResults[K]> {
    return new Promise((resolve, reject) => {
      const worker = new Worker(entry, { workerData: task, execArgv: [] });
      this.#active.add(worker);
      let settled = false;
      const settle = (fn: () => void) => {
        if (settled) return;
        settled = true;
        this.#active.delete(worker);
        fn();
      };
      worker.once('message', (message: { ok: true; value: ComputeResults[K] } | { ok: false; message: string }) => {
        settle(() => (message.ok ? resolve(message.value) : reject(new Error(message.message))));
        void worker.terminate();
      });
      worker.once('error', (error) => settle(() => reject(error)));
      worker.once('exit', (code) => settle(() => reject(new Error(`the solver thread stopped (exit code ${code})`))));
    });
  }

  /** Stops every running task; their jobs fail with the reason given by the caller. */
  async terminateAll(): Promise<void> {
    await Promise.all([...this.#active].map((w) => w.terminate()));
  }
}
