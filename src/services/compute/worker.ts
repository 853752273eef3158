import { parentPort, workerData } from 'node:worker_threads';
import { runTask, type ComputeTask } from './tasks.js';

/** Worker thread entry: runs one task and posts `{ ok, value }` or `{ ok: false, message }`. */
const port = parentPort;
if (!port) throw new Error('compute/worker.ts runs only as a worker thread');
runTask(workerData as ComputeTask).then(
  (value) => port.postMessage({ ok: true, value }),
  (error: unknown) => port.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) }),
);
