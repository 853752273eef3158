import { runCase, type BenchCase } from './cases.js';

/** One benchmark case in its own process, so that its peak memory is its own: the case as JSON in, the figures as JSON out. */
const spec = JSON.parse(process.argv[2] ?? '{}') as BenchCase;
const measurement = await runCase(spec);
process.stdout.write(`${JSON.stringify(measurement)}\n`);
// HiGHS' WebAssembly runtime keeps the event loop alive.
process.exit(0);
