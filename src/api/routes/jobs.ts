import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { stopJob } from '../../services/job-control.js';
import { getJob, JobView } from '../../services/job-views.js';
import { allow } from '../plugins/auth.js';
import { IdParams, bearer, errorResponses } from '../schemas/common.js';

/** Long work (solves, scenarios) is followed here by polling until `succeeded`, `failed` or `cancelled`, and stopped here. */
export async function jobRoutes(instance: FastifyInstance): Promise<void> {
  const app = instance.withTypeProvider<ZodTypeProvider>();
  app.get('/:id', {
    // Jobs hold ids and counts only, so every role that starts jobs may follow them.
    config: { roles: allow('coordinator', 'planner') },
    schema: { tags: ['jobs'], security: bearer, summary: 'Follow a job: status, progress, result summary or error', params: IdParams, response: { 200: JobView, ...errorResponses } },
  }, async (request) => getJob(app.services.db, request.params.id));

  app.delete('/:id', {
    // Planners may stop their scenarios; a solve is a coordinator's (the service answers 403).
    config: { roles: allow('coordinator', 'planner') },
    schema: {
      tags: ['jobs'], security: bearer, params: IdParams, response: { 200: JobView, ...errorResponses },
      summary: 'Stop a queued or running job: it ends cancelled; a stopped solve leaves its round as before the solve',
    },
  }, async (request) => stopJob(app.services.db, app.services.jobs, request.principal, request.params.id));
}
