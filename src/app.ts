import { resolve } from 'node:path';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { apiPrefix, authPlugin } from './api/plugins/auth.js';
import { errorHandlerPlugin, frameworkErrors } from './api/plugins/error-handler.js';
import { servicesPlugin } from './api/plugins/services.js';
import { swaggerPlugin } from './api/plugins/swagger.js';
import { healthRoutes } from './api/routes/health.js';
import { apiRoutes } from './api/routes/index.js';
import { databasePath } from './config.js';
import { openDatabase, type Database } from './db/client.js';
import { loadDemoPool } from './services/demo.js';
import { JobRunner, failInterruptedJobs } from './services/jobs.js';

export const defaultDemoFixture = resolve(import.meta.dirname, '../fixtures/ipr-occitanie.json');

export interface AppOptions {
  /** `file:<path>` of the SQLite database; created and migrated when missing. */
  databaseUrl: string;
  /** false (default) for silence, true for info logs, or pino options. */
  logger?: boolean | Exclude<FastifyServerOptions['logger'], undefined>;
  /** Largest request body in bytes (default 5 MiB). */
  bodyLimit?: number;
  /** Load a fixture into an empty database: true for the IPR Occitanie demo, or a fixture path. */
  loadDemo?: boolean | string;
  /** How long close() waits for in-flight requests and the running job (default 10 s). */
  shutdownGraceMs?: number;
}

export interface ServiceApp {
  app: FastifyInstance;
  db: Database;
  jobs: JobRunner;
  /** Participants loaded from the demo fixture now, or null when none were. */
  demoLoaded: number | null;
  /** Stops taking requests, lets in-flight ones and the running job finish (up to the grace), closes the database. */
  close(): Promise<void>;
}

// Keys travel in the Authorization header; participants' data travels in bodies, which are never logged.
const redact = { paths: ['req.headers.authorization', 'req.headers.cookie', 'req.body', 'res.body'], censor: '[redacted]' };

function loggerOption(logger: AppOptions['logger']): FastifyServerOptions['logger'] {
  if (!logger) return false;
  return { level: 'info', ...(logger === true ? {} : logger), redact };
}

export async function buildApp(options: AppOptions): Promise<ServiceApp> {
  const db = await openDatabase(databasePath(options.databaseUrl));
  const graceMs = options.shutdownGraceMs ?? 10_000;
  const app = Fastify({ logger: loggerOption(options.logger), bodyLimit: options.bodyLimit ?? 5 * 1024 * 1024, frameworkErrors });
  const jobs = new JobRunner(db, app.log);
  try {
    await failInterruptedJobs(db);
    const demo = options.loadDemo === true ? defaultDemoFixture : options.loadDemo || null;
    const demoLoaded = demo ? await loadDemoPool(db, demo) : null;
    await assemble(app, { db, jobs });
    return { app, db, jobs, demoLoaded, close: () => closeService(app, jobs, db, graceMs) };
  } catch (error) {
    await app.close().catch(() => undefined);
    await db.close();
    throw error;
  }
}

async function assemble(app: FastifyInstance, services: { db: Database; jobs: JobRunner }): Promise<void> {
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // CSV imports arrive as text; the import routes parse them with their column specs.
  app.addContentTypeParser(['text/csv', 'text/plain'], { parseAs: 'string' }, (_request, body, done) => done(null, body));
  await app.register(servicesPlugin, { services });
  await app.register(errorHandlerPlugin);
  await app.register(authPlugin);
  await app.register(swaggerPlugin);
  await app.register(healthRoutes);
  await app.register(apiRoutes, { prefix: apiPrefix });
  await app.ready();
}

async function closeService(app: FastifyInstance, jobs: JobRunner, db: Database, graceMs: number): Promise<void> {
  const timer = setTimeout(() => app.server.closeAllConnections(), graceMs);
  timer.unref();
  try {
    // Fastify stops accepting at once (503 to late requests) and waits for in-flight ones.
    await Promise.all([app.close(), jobs.stop(graceMs)]);
  } finally {
    clearTimeout(timer);
    await db.close();
  }
}
