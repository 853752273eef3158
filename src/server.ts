import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildApp, type ServiceApp } from './app.js';
import { databasePath, loadConfig, type Config } from './config.js';
import { createApiKey } from './services/api-keys.js';

/**
 * `npm start`: the service on the embedded SQLite database. The first start creates and
 * migrates the database, loads the demo pool, and prints one admin key (shown only then).
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const file = databasePath(config.DATABASE_URL);
  const firstStart = file === ':memory:' || !existsSync(file);
  const service = await buildApp({
    databaseUrl: config.DATABASE_URL,
    logger: { level: config.LOG_LEVEL },
    bodyLimit: config.BODY_LIMIT,
    loadDemo: config.LOAD_DEMO && config.DEMO_FIXTURE ? resolve(config.DEMO_FIXTURE) : false,
    shutdownGraceMs: config.SHUTDOWN_GRACE_MS,
  });
  stopOnSignals(service, config);
  const address = await service.app.listen({ host: config.HOST, port: config.PORT });
  const log = service.app.log;
  log.info({ database: file, demoParticipants: service.demoLoaded }, firstStart ? 'database created and migrated' : 'database opened');
  if (firstStart || (await service.db.prisma.apiKey.count()) === 0) await printAdminKey(service);
  process.stdout.write(`placement service listening on ${address} (API under ${address}/api/v1, docs at ${address}/docs)\n`);
}

/** The walk-through in docs/service.md needs one key; later keys come from `npm run cli -- keys create`. */
async function printAdminKey(service: ServiceApp): Promise<void> {
  const { key, keyId } = await createApiKey(service.db, { role: 'admin', label: 'first start' });
  process.stdout.write(
    `\nFirst start: an admin key was created (id ${keyId}). It is shown only this once:\n\n  ${key}\n\n`
    + 'More keys: npm run --silent cli -- keys create --role coordinator|planner|employer [--employer <id>]\n\n',
  );
}

function stopOnSignals(service: ServiceApp, config: Config): void {
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) {
      service.app.log.warn({ signal }, 'second signal: exiting at once');
      process.exit(1);
    }
    stopping = true;
    service.app.log.info({ signal, graceMs: config.SHUTDOWN_GRACE_MS }, 'shutting down: finishing in-flight requests and jobs');
    service.close().then(
      () => process.exit(0),
      (error: unknown) => {
        service.app.log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`placement service could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
