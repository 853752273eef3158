import { parentPort } from 'node:worker_threads';
import { toTaskFailure } from './task-error.js';
import { runTask, type ComputeTask } from './tasks.js';

/** Worker thread entry: runs each task it is sent, in order, and answers `{ id, ok, value }` or `{ id, ok: false, failure }`. */
const port = parentPort;
if (!port) throw new Error('compute/worker.ts runs only as a worker thread');
port.on('message', ({ id, task }: { id: number; task: ComputeTask }) => {
  runTask(task).then(
    (value) => port.postMessage({ id, ok: true, value }),
    (error: unknown) => port.postMessage({ id, ok: false, failure: toTaskFailure(error) }),
  );
});
