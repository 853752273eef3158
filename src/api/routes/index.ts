import type { FastifyInstance } from 'fastify';
import { keyRoutes } from './admin/keys.js';
import { poolItemRoutes } from './coordinator/pool-items.js';
import { roundRoutes } from './coordinator/rounds.js';
import { employerRoutes } from './employer/openings.js';
import { jobRoutes } from './jobs.js';
import { scenarioRoutes } from './planner/scenarios.js';

/** Every route under /api/v1, each module under its own prefix. */
export async function apiRoutes(app: FastifyInstance): Promise<void> {
  await app.register(poolItemRoutes);
  await app.register(employerRoutes, { prefix: '/employers' });
  await app.register(roundRoutes, { prefix: '/rounds' });
  await app.register(jobRoutes, { prefix: '/jobs' });
  await app.register(scenarioRoutes, { prefix: '/scenarios' });
  await app.register(keyRoutes, { prefix: '/keys' });
}
