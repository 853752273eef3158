import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import type { BenchCase } from './cases.js';
import type { Measurement } from './measure.js';
import { benchPlan, comparisons, targets } from './plan.js';
import { caseTable, comparisonTable, targetTable } from './report.js';

/**
 * `npm run bench [-- --quick] [-- --only name,name] [-- --save-reference]`: runs every case in
 * its own process, prints the figures (each beside the committed reference run,
 * bench/results/reference.json, when it has the case), the naive-versus-pipeline comparison
 * and the DESIGN.md §5 targets, and writes them all to bench/results/latest.json
 * (`--save-reference`: to reference.json as well).
 */

/** How long a case may run before it is killed and reported as not finished. */
function killAfterMs(spec: BenchCase): number {
  switch (spec.kind) {
    case 'naive': return spec.timeLimitMs + 30_000;
    case 'scenarios': return 240_000;
    case 'round': return spec.timeLimitMs * 2 + 120_000;
  }
}

function runInChild(spec: BenchCase): Promise<Measurement> {
  const limitMs = killAfterMs(spec);
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'bench/child.ts', JSON.stringify(spec)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => { output += chunk.toString(); });
    const timer = setTimeout(() => child.kill('SIGKILL'), limitMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      const line = output.trim().split('\n').pop() ?? '';
      try {
        resolve(JSON.parse(line) as Measurement);
      } catch {
        resolve({
          case: spec.name, participants: spec.participants, wallMs: NaN, cpuMs: NaN, peakRssMiB: NaN, status: 'did not finish',
          objective: null, gap: null, note: code === null ? `killed after ${limitMs / 1000} s` : `exited with code ${code}`,
        });
      }
    });
  });
}

const args = process.argv.slice(2);
const only = args.includes('--only') ? new Set((args[args.indexOf('--only') + 1] ?? '').split(',')) : undefined;
const plan = benchPlan(args.includes('--quick')).filter((spec) => !only || only.has(spec.name));
const machine = { cpus: os.cpus().length, node: process.version, loadAverageAtStart: os.loadavg() };
const measurements: Measurement[] = [];
for (const spec of plan) {
  // The load of the other processes on the machine disturbs every figure: kept beside each.
  const loadAverage = os.loadavg()[0]!;
  process.stderr.write(`running ${spec.name} (load average ${loadAverage.toFixed(1)})…\n`);
  measurements.push({ ...(await runInChild(spec)), loadAverage });
}
const compared = comparisons(measurements);
const checked = targets(measurements);
console.log(`machine: ${machine.cpus} cores, Node ${machine.node}, load average at start ${machine.loadAverageAtStart.map((l) => l.toFixed(1)).join(' ')}, at end ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}\n`);
const referencePath = 'bench/results/reference.json';
const reference = existsSync(referencePath) ? (JSON.parse(readFileSync(referencePath, 'utf8')) as { date: string; measurements: Measurement[] }) : undefined;
if (reference) console.log(`reference: ${referencePath} of ${reference.date}\n`);
console.log(caseTable(measurements, reference?.measurements ?? []), '\n');
console.log(comparisonTable(compared), '\n');
console.log(targetTable(checked));
mkdirSync('bench/results', { recursive: true });
const figures = { date: new Date().toISOString(), machine: { ...machine, loadAverageAtEnd: os.loadavg() }, measurements, comparisons: compared, targets: checked };
const written = ['bench/results/latest.json', ...(args.includes('--save-reference') ? [referencePath] : [])];
for (const path of written) writeFileSync(path, `${JSON.stringify(figures, null, 2)}\n`);
console.log(`\nwritten: ${written.join(', ')}`);
