import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');

interface Started { child: ChildProcess; stdout: string; base: string }

/** `npm start` as a user runs it (src/server.ts), on a chosen database, any free port; resolves once it listens. */
async function startServer(databaseFile: string): Promise<Started> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: `file:${databaseFile}`, PORT: '0', LOG_LEVEL: 'warn', DEMO_FIXTURE: 'fixtures/examples/minimal-pool.json' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
  const base = await new Promise<string>((done, fail) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const listening = /listening on (http:\/\/\S+) /.exec(stdout);
      if (listening) done(listening[1]!);
    });
    child.once('exit', (code) => fail(new Error(`the server exited with code ${code} before listening: ${stderr}`)));
  });
  return { child, stdout, base };
}

/** Stops it as Ctrl-C would; resolves with the exit code. */
async function stopServer(started: Started): Promise<number | null> {
  const exited = new Promise<number | null>((done) => started.child.once('exit', (code) => done(code)));
  started.child.kill('SIGINT');
  return exited;
}

describe('npm start on a fresh database, then again', () => {
  let dir: string;
  let first: Started;
  let adminKey: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'placement-first-start-'));
    first = await startServer(join(dir, 'data', 'placement.db'));
  });
  afterAll(async () => {
    if (first.child.exitCode === null) await stopServer(first);
    rmSync(dir, { recursive: true, force: true });
  });

  it('creates the database, loads the demo pool and prints one admin key that works', async () => {
    const printed = /First start: an admin key was created \(id [0-9a-f-]+\)\. It is shown only this once:\n\n {2}(pk_\S+)\n/.exec(first.stdout);
    expect(printed).not.toBeNull();
    adminKey = printed![1]!;
    expect(first.stdout).toMatch(/More keys: npm run --silent cli -- keys create --role/);
    expect(await (await fetch(`${first.base}/health`)).json()).toMatchObject({ status: 'ok', database: 'ok' });
    const listed = await fetch(`${first.base}/api/v1/participants`, { headers: { authorization: `Bearer ${adminKey}` } });
    expect(((await listed.json()) as { items: { id: string }[] }).items.map((p) => p.id)).toEqual(['p-001', 'p-002']);
  });

  it('keeps the data at the next start, loads nothing again and prints no key', async () => {
    const removed = await fetch(`${first.base}/api/v1/participants/p-002`, { method: 'DELETE', headers: { authorization: `Bearer ${adminKey}` } });
    expect(removed.status).toBe(204);
    expect(await stopServer(first)).toBe(0);
    const second = await startServer(join(dir, 'data', 'placement.db'));
    try {
      expect(second.stdout).not.toMatch(/pk_/);
      const listed = await fetch(`${second.base}/api/v1/participants`, { headers: { authorization: `Bearer ${adminKey}` } });
      expect(((await listed.json()) as { items: { id: string }[] }).items.map((p) => p.id)).toEqual(['p-001']);
    } finally {
      expect(await stopServer(second)).toBe(0);
    }
  });
});
