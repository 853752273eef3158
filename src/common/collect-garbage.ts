import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * Heap in use past which `collectGarbageAbove` collects. The national round lives in about
 * 200 MiB of heap between its pricing rounds and leaves 90–100 MiB of garbage in each.
 */
export const collectAboveBytes = 384 * 2 ** 20;

let collect: (() => void) | undefined;

/**
 * A full garbage collection, when the heap in use has grown past `bytes`; whether it ran.
 * V8 lets a round's garbage pile up before collecting it: with six pricing rounds in 20 s, the
 * national round's heap reached 617 MiB of which 200 MiB lived, and the process peaked at
 * 931–982 MiB of its 1 GiB target. A collection of that heap takes 130–160 ms. The collector is
 * exposed at run time, so that the CLI, the service and the tests need no flag to start node with.
 */
export function collectGarbageAbove(bytes = collectAboveBytes): boolean {
  if (getHeapStatistics().used_heap_size < bytes) return false;
  if (!collect) {
    setFlagsFromString('--expose-gc');
    collect = runInNewContext('gc') as () => void;
  }
  collect();
  return true;
}
