/** What one benchmark case reports; times in milliseconds, memory in MiB. */
export interface Measurement {
  case: string;
  participants: number;
  /** Wall time of the measured work (the pool's generation is not included). */
  wallMs: number;
  /** CPU time of the process over the same work: the figure a busy machine disturbs least. */
  cpuMs: number;
  /** Peak resident set size of the child process that ran the case (maxRSS). */
  peakRssMiB: number;
  status: string;
  objective: number | null;
  gap: number | null;
  solveMs?: number;
  variables?: number;
  constraints?: number;
  backend?: string;
  components?: number;
  prunedEdges?: number;
  candidatesPerKind?: number;
  /** Pairs that passed eligibility: with the participants, what identifies the pool a round was measured on. */
  eligiblePairs?: number;
  note?: string;
  /** One-minute load average of the machine when the case started. */
  loadAverage?: number;
  [extra: string]: unknown;
}

export interface Timed<T> {
  value: T;
  wallMs: number;
  cpuMs: number;
}

export async function timed<T>(work: () => Promise<T>): Promise<Timed<T>> {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const value = await work();
  const used = process.cpuUsage(cpu);
  return { value, wallMs: performance.now() - started, cpuMs: (used.user + used.system) / 1000 };
}

export function peakRssMiB(): number {
  // maxRSS is in kilobytes.
  return process.resourceUsage().maxRSS / 1024;
}
