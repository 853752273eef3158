import type { Measurement } from './measure.js';

export interface Comparison {
  participants: number;
  /** Naive solve time over the pipeline's solve time. */
  solveRatio: number | null;
  /** (unpruned optimum − pruned optimum) / |unpruned optimum|. */
  pruningLoss: number | null;
  note?: string;
}

export interface Target {
  work: string;
  target: string;
  measured: string;
  met: boolean;
}

const seconds = (ms: number | undefined) => (ms === undefined || Number.isNaN(ms) ? '—' : (ms / 1000).toFixed(2));
const percent = (value: number | null | undefined) => (value === null || value === undefined ? '—' : `${(value * 100).toFixed(3)} %`);

/** Relative change against the reference run's figure of the same case, e.g. "−35 %"; "—" without one. */
function change(now: number | null | undefined, before: number | null | undefined): string {
  if (now === null || now === undefined || before === null || before === undefined || Number.isNaN(now) || Number.isNaN(before) || before === 0) return '—';
  const relative = (now - before) / Math.abs(before);
  return `${relative > 0 ? '+' : relative < 0 ? '−' : '±'}${(Math.abs(relative) * 100).toFixed(Math.abs(relative) < 0.01 ? 2 : 0)} %`;
}

export function caseTable(measurements: readonly Measurement[], reference: readonly Measurement[] = []): string {
  const header = ['case', 'n', 'status', 'objective', 'gap', 'wall s', 'cpu s', 'solve s', 'peak MiB', 'load', 'backend', 'wall vs ref', 'objective vs ref'];
  const rows = measurements.map((m) => {
    const before = reference.find((r) => r.case === m.case);
    return [
      m.case, String(m.participants), m.status, m.objective === null ? '—' : m.objective.toFixed(2), percent(m.gap),
      seconds(m.wallMs), seconds(m.cpuMs), seconds(m.solveMs), Number.isNaN(m.peakRssMiB) ? '—' : m.peakRssMiB.toFixed(0),
      typeof m.loadAverage === 'number' ? m.loadAverage.toFixed(1) : '—', m.backend ?? '—',
      change(m.wallMs, before?.wallMs), change(m.objective, before?.objective),
    ];
  });
  const notes = measurements.filter((m) => m.note).map((m) => `  ${m.case}: ${m.note}`);
  return [markdownTable(header, rows), ...(notes.length > 0 ? ['', 'notes:', ...notes] : [])].join('\n');
}

export function comparisonTable(comparisons: readonly Comparison[]): string {
  const rows = comparisons.map((c) => [
    String(c.participants), c.solveRatio === null ? '—' : `${c.solveRatio.toFixed(1)}×`, percent(c.pruningLoss), c.note ?? '',
  ]);
  return markdownTable(['n', 'naive solve / pipeline solve', 'pruned below unpruned optimum', 'note'], rows);
}

export function targetTable(targets: readonly Target[]): string {
  return markdownTable(['work', 'target', 'measured', 'met'], targets.map((t) => [t.work, t.target, t.measured, t.met ? 'yes' : 'NO']));
}

function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: readonly string[]) => `| ${cells.map((cell, i) => cell.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

export { seconds, percent };
