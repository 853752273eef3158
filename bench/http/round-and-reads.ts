import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import autocannon from 'autocannon';
import { participantsCsv } from './participants-csv.js';

/**
 * HTTP benchmark of the placement service:
 *   1. a full round over HTTP on a fixture (create → solve → poll the job → read → publish), timed step by step;
 *   2. autocannon against read endpoints for `--seconds` each: requests per second and p99 latency.
 *      each twice: as fast as `--connections` go (throughput), then at `--rate` requests/s offered (latency at the target load).
 *   3. a CSV import of as many new participants as the fixture holds.
 * Usage: npm run bench:http -- [--fixture fixtures/x.json] [--seconds 10] [--connections 10] [--rate 200]
 * Without --fixture, the largest fixtures/*.json is used.
 */
const root = resolve(import.meta.dirname, '../..');

function option(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 && process.argv[at + 1] ? process.argv[at + 1]! : fallback;
}

function largestFixture(): string {
  const dir = join(root, 'fixtures');
  const files = readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => join(dir, f));
  return files.sort((a, b) => statSync(b).size - statSync(a).size)[0]!;
}

async function startServer(databaseFile: string, fixture: string): Promise<{ child: ChildProcess; base: string; key: string; participants: number }> {
  const child = fork(join(import.meta.dirname, 'serve.ts'), [databaseFile, fixture], {
    execArgv: ['--import', 'tsx'], stdio: ['ignore', 'ignore', 'inherit', 'ipc'], cwd: root,
  });
  const ready = await new Promise<{ port: number; key: string; participants: number }>((done, fail) => {
    child.once('message', (m) => done(m as { port: number; key: string; participants: number }));
    child.once('exit', (code) => fail(new Error(`the server exited with code ${code} before it was ready`)));
  });
  return { child, base: `http://127.0.0.1:${ready.port}`, key: ready.key, participants: ready.participants };
}

async function call(base: string, key: string, method: string, path: string, json?: unknown): Promise<{ status: number; body: any }> {
  const response = await fetch(`${base}${path}`, {
    method, headers: { authorization: `Bearer ${key}`, ...(json ? { 'content-type': 'application/json' } : {}) }, body: json ? JSON.stringify(json) : undefined,
  });
  const body = await response.json();
  if (response.status >= 400) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(body)}`);
  return { status: response.status, body };
}

/** Milliseconds of each step of a round, from creation to publication, as a client sees them. */
async function timeRound(base: string, key: string, policy: object): Promise<Record<string, number | string>> {
  const times: Record<string, number | string> = {};
  const step = async <T>(name: string, work: () => Promise<T>): Promise<T> => {
    const t0 = performance.now();
    const result = await work();
    times[name] = Math.round(performance.now() - t0);
    return result;
  };
  const start = performance.now();
  const round = await step('create', () => call(base, key, 'POST', '/api/v1/rounds', { name: 'http benchmark', policy }));
  const id = round.body.id as string;
  const accepted = await step('solve request (202)', () => call(base, key, 'POST', `/api/v1/rounds/${id}/solve`));
  // Each poll is a read served while the solve runs: its slowest says how long the service stalled.
  const polls: number[] = [];
  const job = await step('solve job (polled every 25 ms)', async () => {
    for (;;) {
      const t0 = performance.now();
      const j = await call(base, key, 'GET', `/api/v1/jobs/${accepted.body.jobId}`);
      polls.push(performance.now() - t0);
      if (j.body.status === 'succeeded' || j.body.status === 'failed') return j.body;
      await new Promise((r) => setTimeout(r, 25));
    }
  });
  if (job.status !== 'succeeded') throw new Error(`solve failed: ${job.error}`);
  const detail = await step('read proposal', () => call(base, key, 'GET', `/api/v1/rounds/${id}`));
  // The first page reads the stored report; later pages are served from what it read.
  await step('first page of explanations', () => call(base, key, 'GET', `/api/v1/rounds/${id}/participants?limit=50`));
  await step('publish', () => call(base, key, 'POST', `/api/v1/rounds/${id}/publish`));
  times.total = Math.round(performance.now() - start);
  times.round = id;
  polls.sort((x, y) => x - y);
  times['job polls during the solve'] = `${polls.length}: p50 ${Math.round(polls[Math.floor(polls.length / 2)]!)} ms, slowest ${Math.round(polls.at(-1)!)} ms`;
  times.placed = `${job.result.placed}/${job.result.placed + job.result.unplaced} (solver ${job.result.milliseconds} ms, ${detail.body.assignmentCounts.total} assignments)`;
  return times;
}

/** An import is a write: it waits for no read, but every read waits while it holds the main thread. */
async function timeImport(base: string, key: string, csv: string): Promise<string> {
  const t0 = performance.now();
  let done = false;
  let slowest = 0;
  const reads = (async () => {
    while (!done) {
      const r0 = performance.now();
      await fetch(`${base}/health`).then((r) => r.text());
      slowest = Math.max(slowest, performance.now() - r0);
      await new Promise((r) => setTimeout(r, 25));
    }
  })();
  const response = await fetch(`${base}/api/v1/participants/import`, { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'text/csv' }, body: csv });
  const text = await response.text();
  const ms = Math.round(performance.now() - t0);
  done = true;
  await reads;
  if (response.status !== 200) throw new Error(`import: ${response.status} ${text.slice(0, 300)}`);
  return `${ms} ms for ${Math.round(csv.length / 1024)} kB, ${text}; the slowest GET /health meanwhile ${Math.round(slowest)} ms`;
}

/** `rate` undefined: as fast as the connections go (throughput); a number: that many requests per second offered (latency at a load). */
async function load(base: string, key: string, path: string, seconds: number, connections: number, rate?: number) {
  const result = await autocannon({
    url: `${base}${path}`, duration: seconds, connections, headers: { authorization: `Bearer ${key}` }, ...(rate ? { overallRate: rate } : {}),
  });
  return {
    endpoint: `GET ${path.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/, '{round}')}`,
    offered: rate ? `${rate}/s` : 'max',
    'requests/s': Math.round(result.requests.average),
    'p50 ms': result.latency.p50,
    'p99 ms': result.latency.p99,
    'kB/response': Math.round(result.throughput.average / Math.max(1, result.requests.average) / 1024),
    requests: Object.values(result.statusCodeStats).reduce((s, c) => s + Number(c.count), 0),
    'non-2xx': result.non2xx,
    errors: result.errors,
  };
}

async function main(): Promise<void> {
  const fixture = resolve(option('fixture', largestFixture()));
  const seconds = Number(option('seconds', '10'));
  const connections = Number(option('connections', '10'));
  // DESIGN.md §5: 200 requests/s on read endpoints with p99 < 50 ms.
  const rate = Number(option('rate', '200'));
  const pool = JSON.parse(readFileSync(fixture, 'utf8')) as { referenceDate: string; policy?: object; participants: Parameters<typeof participantsCsv>[0] };
  const dir = mkdtempSync(join(tmpdir(), 'placement-bench-http-'));
  const server = await startServer(join(dir, 'bench.db'), fixture);
  try {
    console.log(`fixture ${fixture} (${server.participants} participants), server ${server.base}, ${connections} connections, ${seconds} s per run`);
    console.log(`machine: ${cpus().length} cores, load average ${machineLoad()} at the start`);
    const round = await timeRound(server.base, server.key, { ...pool.policy, referenceDate: pool.referenceDate });
    console.log('\nfull round over HTTP (ms):');
    console.table(round);
    const reads = [];
    const paths = [
      '/api/v1/participants?limit=50', `/api/v1/mentors/${await firstMentor(server.base, server.key)}`,
      `/api/v1/rounds/${round.round}`, `/api/v1/rounds/${round.round}/assignments?limit=50`,
      `/api/v1/rounds/${round.round}/participants?limit=50`,
    ];
    for (const path of paths) {
      reads.push(await load(server.base, server.key, path, seconds, connections));
      reads.push(await load(server.base, server.key, path, seconds, connections, rate));
    }
    console.log('\nread endpoints under load (autocannon):');
    console.table(reads);
    // New ids: the import creates as many participants again, and changes none the round read.
    const csv = participantsCsv(pool.participants.map((p) => ({ ...p, id: `${p.id}-csv` })));
    console.log(`\nPOST /api/v1/participants/import of ${pool.participants.length} new participants as CSV: ${await timeImport(server.base, server.key, csv)}`);
    console.log(`server memory: ${JSON.stringify(await serverMemory(server.child))}`);
    console.log(`load average ${machineLoad()} at the end (the server and autocannon add about 2 while they run)`);
  } finally {
    server.child.send('stop');
    await new Promise((r) => server.child.once('exit', r));
    rmSync(dir, { recursive: true, force: true });
  }
}

function serverMemory(child: ChildProcess): Promise<unknown> {
  const answer = new Promise((done) => child.once('message', done));
  child.send('memory');
  return answer;
}

/** Other work on the machine skews every figure: say how busy it was (1, 5, 15 minutes). */
function machineLoad(): string {
  return loadavg().map((l) => l.toFixed(2)).join(', ');
}

async function firstMentor(base: string, key: string): Promise<string> {
  return (await call(base, key, 'GET', '/api/v1/mentors?limit=1')).body.items[0].id as string;
}

await main();
