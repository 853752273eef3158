import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { getJob, JobView } from '../../services/job-views.js';
import { allow } from '../plugins/auth.js';
import { IdParams, bearer, errorResponses } from '../schemas/common.js';

/** Long work (solves, scenarios) is followed here by polling until `succeeded` or `failed`. */
export async function jobRoutes(instance: FastifyInstance): Promise<void> {
  const app = instance.withTypeProvider<ZodTypeProvider>();
  app.get('/:id', {
    // Jobs hold ids and counts only, so every role that starts jobs may follow them.
    config: { roles: allow('coordinator', 'planner') },
    schema: { tags: ['jobs'], security: bearer, summary: 'Follow a job: status, progress, result summary or error', params: IdParams, response: { 200: JobView, ...errorResponses } },
  }, async (request) => getJob(app.services.db, request.params.id));
}
