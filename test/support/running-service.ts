import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { buildApp, type AppOptions, type ServiceApp } from '../../src/app.js';
import type { PoolInput } from '../../src/domain/pool.js';
import { createApiKey } from '../../src/services/api-keys.js';
import { Api } from './http.js';
import { seedPool } from './seed.js';
import { servicePool } from './service-pool.js';

export interface Keys {
  admin: string;
  coordinator: string;
  planner: string;
  /** Bound to the first employer of the pool. */
  employer: string;
}

export interface RunningService {
  api: Api;
  service: ServiceApp;
  keys: Keys;
  keyIds: Record<keyof Keys, string>;
  /** Closes the server and the database, and deletes the temporary folder. */
  stop(): Promise<void>;
}

/**
 * The real service (buildApp) listening on a random local port, on a fresh SQLite file under
 * the system's temporary directory, with the pool written into it and one key per role.
 */
export async function startService(options: { pool?: PoolInput; bodyLimit?: number; logger?: AppOptions['logger'] } = {}): Promise<RunningService> {
  const dir = mkdtempSync(join(tmpdir(), 'placement-api-'));
  const service = await buildApp({ databaseUrl: `file:${join(dir, 'service.db')}`, logger: options.logger ?? false, shutdownGraceMs: 2_000, ...(options.bodyLimit ? { bodyLimit: options.bodyLimit } : {}) });
  const pool = await seedPool(service.db, options.pool ?? servicePool());
  await service.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = service.app.server.address() as AddressInfo;
  const made = {
    admin: await createApiKey(service.db, { role: 'admin' }),
    coordinator: await createApiKey(service.db, { role: 'coordinator' }),
    planner: await createApiKey(service.db, { role: 'planner' }),
    employer: await createApiKey(service.db, { role: 'employer', employerId: pool.employers[0]!.id }),
  };
  const pick = <F extends 'key' | 'keyId'>(field: F) =>
    Object.fromEntries(Object.entries(made).map(([role, k]) => [role, k[field]])) as Record<keyof Keys, string>;
  return {
    api: new Api(`http://127.0.0.1:${port}`),
    service,
    keys: pick('key'),
    keyIds: pick('keyId'),
    stop: async () => {
      await service.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
