import { Worker } from 'node:worker_threads';
import type { ModelData } from 'highs';

/**
 * HiGHS checks its time limit between its own steps, and some steps are long: on a generated
 * round of 1,000 participants with every eligible pair (59,484 candidates) one cut round at the
 * root took 10 s, and a search given 6.8 s returned after 12.0 s, leaving nothing of the round's
 * limit to the relaxation that was to use the rest (4,445.03 instead of about 5,450, 2.6 s late,
 * 2026-12-08). Its interrupt callbacks do not fire inside that step either (8 s between two).
 * So the search runs on a thread of its own (highs-worker.mjs), which posts every better plan
 * and the bound as it finds them, and is stopped at the deadline: what it had found by then is
 * the answer, as if HiGHS had stopped on time.
 */

/** How a search ended, as the thread reports it: HiGHS' plan is checked by the caller. */
export interface SearchOutcome {
  status: 'optimal' | 'infeasible' | 'empty' | 'limit' | 'other';
  /** HiGHS' model status, for the message when it is none of the above. */
  code?: number;
  values?: Float64Array;
  /** True when `values` is the start the caller gave, not a plan HiGHS found. */
  isStart?: boolean;
  bound?: number;
  nodes?: number;
}

/** Time past the deadline before the thread is stopped: HiGHS, which stops itself at its limit, may finish writing its answer. */
export const stopGraceMs = 100;
/** WebAssembly memory only grows; past this size a runtime is let go after its work (a search thread is stopped) so that its memory goes with it. */
export const memoryCeilingBytes = 512 * 1024 * 1024;
const workerUrl = new URL('./highs-worker.mjs', import.meta.url);

/** The thread kept between searches (HiGHS' WebAssembly is compiled once per thread); none while a search runs on it. */
let idle: Worker | null = null;

/** The kept thread, or a new one when it is busy (two searches at once each get their own). */
function takeThread(): Worker {
  const worker = idle ?? new Worker(workerUrl);
  idle = null;
  // An idle thread must not keep a finished CLI run alive; the deadline's timer holds the process while a search runs.
  worker.unref();
  return worker;
}

function giveBack(worker: Worker): void {
  if (idle) void worker.terminate();
  else idle = worker;
}

/** Stops the kept thread: its runtime and memory go; the next search starts another. */
export function stopSearchThread(): void {
  const stopping = idle;
  idle = null;
  if (stopping) void stopping.terminate();
}

type Message =
  | { kind: 'plan'; values: Float64Array }
  | { kind: 'progress'; bound?: number; nodes: number }
  | ({ kind: 'done'; memoryBytes: number } & SearchOutcome)
  | { kind: 'failed'; message: string };

/** HiGHS' search of `data` with `options`, started from `start`, stopped `stopGraceMs` after `timeLimitMs` at the latest. */
export function searchOnThread(
  data: ModelData, options: Record<string, string | number | boolean>, timeLimitMs: number, start?: Float64Array,
): Promise<SearchOutcome> {
  const worker = takeThread();
  return new Promise((resolve, reject) => {
    let best: SearchOutcome = start ? { status: 'limit', values: start, isStart: true } : { status: 'limit' };
    // `keep`: whether the thread may serve the next search; one stopped or failed is let go.
    const settle = (keep: boolean, end: () => void) => {
      clearTimeout(deadline);
      worker.off('message', onMessage);
      worker.off('error', onError);
      if (keep) giveBack(worker);
      else void worker.terminate();
      end();
    };
    const onMessage = (message: Message) => {
      if (message.kind === 'plan') best = { ...best, values: message.values, isStart: false };
      else if (message.kind === 'progress') best = { ...best, nodes: message.nodes, ...(message.bound !== undefined && Number.isFinite(message.bound) ? { bound: message.bound } : {}) };
      else if (message.kind === 'failed') settle(false, () => reject(new Error(message.message)));
      else {
        const { kind: _, memoryBytes, ...outcome } = message;
        settle(memoryBytes <= memoryCeilingBytes, () => resolve(outcome));
      }
    };
    const onError = (error: Error) => settle(false, () => reject(error));
    const deadline = setTimeout(() => settle(false, () => resolve(best)), Math.max(1, timeLimitMs) + stopGraceMs);
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.postMessage({ data, options, start });
  });
}
