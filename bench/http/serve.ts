import type { AddressInfo } from 'node:net';
import { buildApp } from '../../src/app.js';
import { createApiKey } from '../../src/services/api-keys.js';

/**
 * The service as the HTTP benchmark runs it: its own process (so the load generator does not
 * share its event loop), a fresh database loaded with a fixture, one coordinator key.
 * Tells its parent the port and the key over IPC; stops on "stop".
 */
const [databaseFile, fixture] = process.argv.slice(2);
if (!databaseFile || !fixture || !process.send) throw new Error('usage: fork(serve.ts, [databaseFile, fixture]) with an IPC channel');

const service = await buildApp({
  databaseUrl: `file:${databaseFile}`,
  logger: { level: process.env.LOG_LEVEL ?? 'info' },
  loadDemo: fixture,
});
const { key } = await createApiKey(service.db, { role: 'coordinator', label: 'http benchmark' });
await service.app.listen({ port: 0, host: '127.0.0.1' });
const { port } = service.app.server.address() as AddressInfo;
process.send({ port, key, participants: service.demoLoaded });
process.on('message', (message) => {
  if (message === 'stop') void service.close().then(() => process.exit(0));
  // Peak resident memory of the whole process (main thread, solver thread, SQLite), in MiB.
  if (message === 'memory') process.send!({ peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024), heapUsedMiB: Math.round(process.memoryUsage().heapUsed / 2 ** 20) });
});
