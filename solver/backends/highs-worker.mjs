// HiGHS' branch and cut on a thread of its own (highs-thread.ts starts it and stops it at the
// deadline). Plain JavaScript: a worker thread does not get the TypeScript loader of its parent.
import { parentPort } from 'node:worker_threads';
import * as highsPackage from 'highs';

// The package is CommonJS: Node's ESM import puts its loader on `default`, sometimes one level deeper.
const exported = highsPackage.default;
const loadHighs = typeof exported === 'function' ? exported : exported.default;
let runtime = null;

parentPort.on('message', async ({ data, options, start }) => {
  try {
    const highs = await (runtime ??= loadHighs());
    parentPort.postMessage({ kind: 'done', ...search(highs, data, options, start), memoryBytes: highs.memoryBytes });
  } catch (error) {
    // An aborted WebAssembly instance stays broken: the parent stops this thread and starts another.
    runtime = null;
    parentPort.postMessage({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
  }
});

/** Runs the search, posting each better plan and the bound as HiGHS finds them, and returns how it ended. */
function search(highs, data, options, start) {
  const instance = highs.createModel(data);
  try {
    instance.options.set(options);
    if (start) instance.setSolution({ colValue: start });
    const channels = highs.constants.callbackType;
    // Progress only matters if the thread is stopped: posted when the bound moves, and at most every 100 ms otherwise.
    let posted = { bound: undefined, at: 0 };
    instance.run({
      [channels.mipImprovingSolution]: (event) => {
        if (event.data.mip_solution) parentPort.postMessage({ kind: 'plan', values: event.data.mip_solution });
      },
      [channels.mipInterrupt]: (event) => {
        const bound = event.data.mip_dual_bound;
        const now = Date.now();
        if (bound === posted.bound && now - posted.at < 100) return;
        posted = { bound, at: now };
        parentPort.postMessage({ kind: 'progress', bound, nodes: Number(event.data.mip_node_count ?? 0) });
      },
    });
    return outcome(highs, instance);
  } finally {
    instance.dispose();
  }
}

function outcome(highs, instance) {
  const codes = highs.constants.modelStatus;
  const code = instance.getModelStatus();
  const nodes = Number(instance.info.get('mip_node_count'));
  const bound = Number(instance.info.get('mip_dual_bound'));
  const hasPlan = Number(instance.info.get('primal_solution_status')) === highs.constants.solutionStatus.feasible;
  const limits = [codes.timeLimit, codes.iterationLimit, codes.interrupted, codes.solutionLimit];
  const status = code === codes.optimal ? 'optimal'
    : code === codes.infeasible || code === codes.unboundedOrInfeasible ? 'infeasible'
      : code === codes.empty ? 'empty'
        : limits.includes(code) ? 'limit' : 'other';
  return { status, code, nodes, bound: Number.isFinite(bound) ? bound : undefined, values: hasPlan ? Float64Array.from(instance.getSolution().colValue) : undefined };
}
