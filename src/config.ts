import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';

const booleanText = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

/** The service's environment, validated once at start-up: a bad value stops the start with its name. */
export const ConfigSchema = z.object({
  DATABASE_URL: z.string().regex(/^file:.+/, 'must be a SQLite URL such as file:./data/placement.db').default('file:./data/placement.db'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Largest request body accepted, in bytes (CSV imports included). */
  BODY_LIMIT: z.coerce.number().int().positive().default(5 * 1024 * 1024),
  /** Pool loaded into an empty database on first start; empty string: none. */
  DEMO_FIXTURE: z.string().default('fixtures/ipr-occitanie.json'),
  LOAD_DEMO: booleanText.default(true),
  /** Milliseconds given to in-flight requests and jobs on shutdown. */
  SHUTDOWN_GRACE_MS: z.coerce.number().int().positive().default(10_000),
  /**
   * Directory of the outcome models a round's policy may name (outcomes/model-registry.ts). Unset:
   * `./models`, which may not exist until a model is trained. Set: a mistyped path would only show
   * when a round names a model, so it is checked at start-up.
   */
  OUTCOME_MODELS_DIR: z.string().min(1).optional()
    .refine((directory) => directory === undefined || isDirectory(directory), 'must be an existing directory (the outcome models a policy names are read from it)'),
});
export type Config = z.infer<typeof ConfigSchema>;

export class ConfigError extends Error {}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = ConfigSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`invalid configuration:\n${lines.join('\n')}`);
  }
  return parsed.data;
}

/** `file:./data/x.db` → absolute path of the database file (relative to the working directory). */
export function databasePath(url: string): string {
  const path = url.replace(/^file:/, '');
  return path === ':memory:' ? path : resolve(path);
}
