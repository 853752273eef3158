import type { BenchCase } from './cases.js';
import type { Measurement } from './measure.js';
import type { Comparison, Target } from './report.js';
import { percent, seconds } from './report.js';

/** Candidates kept per participant and kind in the pipeline's rounds. */
export const benchCandidatesPerKind = 5;
const seed = 1;
const K = benchCandidatesPerKind;
const comparedSizes = [100, 300, 1000];
const unprunedSizes = [100, 300];

/**
 * Every case, smallest first; `quick` keeps the comparison sizes up to 300. Time limits keep
 * the whole run within about ten minutes on two busy cores: the naive model gets a minute at
 * most (it is the baseline "where it finishes within a minute"), the national round the 10 s
 * of its target.
 */
export function benchPlan(quick: boolean): BenchCase[] {
  const compared: BenchCase[] = comparedSizes.flatMap((n): BenchCase[] => [
    { kind: 'round', name: `pipeline-${n}`, participants: n, seed, timeLimitMs: 20_000, candidatesPerKind: K },
    { kind: 'naive', name: `naive-${n}`, participants: n, seed, timeLimitMs: 45_000, maxTableauGiB: 2 },
  ]);
  const unpruned: BenchCase[] = unprunedSizes.map((n) => ({ kind: 'round', name: `unpruned-${n}`, participants: n, seed, timeLimitMs: 60_000 }));
  if (quick) return [...compared.filter((c) => c.participants <= 300), ...unpruned.filter((c) => c.participants <= 100)];
  return [
    ...compared,
    ...unpruned,
    { kind: 'round', name: 'ipr-1500', participants: 1500, seed, timeLimitMs: 30_000, candidatesPerKind: K },
    { kind: 'round', name: 'national-10000', participants: 10_000, seed, timeLimitMs: 10_000, candidatesPerKind: K },
    { kind: 'scenarios', name: 'scenarios-50x1500', participants: 1500, seed, count: 50, timeLimitMs: 4_000, candidatesPerKind: K },
  ];
}

const byName = (measurements: readonly Measurement[], name: string) => measurements.find((m) => m.case === name);
const finished = (m: Measurement | undefined) => m !== undefined && m.objective !== null && !Number.isNaN(m.wallMs);

/** Naive against pipeline at equal size, and the pruned optimum against the unpruned one. */
export function comparisons(measurements: readonly Measurement[]): Comparison[] {
  return comparedSizes.filter((n) => byName(measurements, `pipeline-${n}`)).map((n) => {
    const pipeline = byName(measurements, `pipeline-${n}`)!;
    const naive = byName(measurements, `naive-${n}`);
    const unpruned = byName(measurements, `unpruned-${n}`);
    const exact = (m: Measurement | undefined) => finished(m) && m!.status === 'optimal';
    const notes = [
      naive && !finished(naive) ? `naive: ${naive.status}${naive.note ? ` (${naive.note})` : ''}` : '',
      naive && finished(naive) && naive.status !== 'optimal' ? `naive stopped at its time limit (${naive.status})` : '',
    ].filter(Boolean);
    return {
      participants: n,
      solveRatio: finished(naive) && pipeline.solveMs ? naive!.solveMs! / pipeline.solveMs : null,
      pruningLoss: exact(unpruned) && exact(pipeline) ? (unpruned!.objective! - pipeline.objective!) / Math.abs(unpruned!.objective!) : null,
      ...(notes.length > 0 ? { note: notes.join('; ') } : {}),
    };
  });
}

/** The targets of DESIGN.md §5, against what was measured. */
export function targets(measurements: readonly Measurement[]): Target[] {
  const checked: Target[] = [];
  const ipr = byName(measurements, 'ipr-1500');
  if (ipr) {
    checked.push({ work: 'IPR round, 1,500 participants', target: 'optimal, solve < 1 s', measured: `${ipr.status}, solve ${seconds(ipr.solveMs)} s (end to end ${seconds(ipr.wallMs)} s)`, met: ipr.status === 'optimal' && (ipr.solveMs ?? Infinity) < 1000 });
  }
  const national = byName(measurements, 'national-10000');
  if (national) {
    checked.push({ work: 'national round, 10,000 participants', target: 'end to end < 10 s', measured: `${seconds(national.wallMs)} s`, met: national.wallMs < 10_000 });
    checked.push({ work: 'national round, peak memory', target: '< 1 GiB', measured: `${national.peakRssMiB.toFixed(0)} MiB`, met: national.peakRssMiB < 1024 });
    checked.push({ work: 'national round, objective', target: 'gap to bound ≤ 0.1 %', measured: `${national.status}, gap ${percent(national.gap)}`, met: national.gap !== null && national.gap <= 0.001 });
  }
  const scenarios = byName(measurements, 'scenarios-50x1500');
  if (scenarios) {
    checked.push({ work: '50 capacity scenarios on 1,500', target: '< 30 s', measured: `${seconds(scenarios.wallMs)} s`, met: scenarios.wallMs < 30_000 });
  }
  return checked;
}
