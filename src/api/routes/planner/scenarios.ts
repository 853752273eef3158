import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ScenarioCreate, getScenario, listScenarios, startScenario } from '../../../services/scenarios.js';
import { actorOf, allow } from '../../plugins/auth.js';
import { IdParams, bearer, errorResponses } from '../../schemas/common.js';

const common = { tags: ['scenarios'], security: bearer };
const planners = { roles: allow('planner', 'coordinator') };

const ScenarioSummary = z.object({ id: z.string(), name: z.string(), status: z.string(), baseRound: z.string().nullable(), createdAt: z.string() });
const ScenarioBody = ScenarioSummary.extend({
  request: z.unknown(),
  /** When done: the scenario's metrics next to the base's, their difference and the marginal values. */
  result: z.unknown(),
});
const ScenarioAccepted = z.object({ scenarioId: z.string(), jobId: z.string(), status: z.literal('queued'), poll: z.string() });

/** Capacity scenarios: solved on a copy of the live pool, never changing it. */
export async function scenarioRoutes(instance: FastifyInstance): Promise<void> {
  const app = instance.withTypeProvider<ZodTypeProvider>();
  const { db, jobs } = app.services;

  app.post('/', {
    config: planners,
    schema: { ...common, summary: 'Run a capacity scenario on a base round or pool (a job; poll GET /api/v1/jobs/{jobId})', body: ScenarioCreate, response: { 202: ScenarioAccepted, ...errorResponses } },
  }, async (request, reply) => {
    const { scenarioId, jobId } = await startScenario(db, jobs, request.body, actorOf(request));
    return reply.code(202).send({ scenarioId, jobId, status: 'queued' as const, poll: `/api/v1/jobs/${jobId}` });
  });

  app.get('/', { config: planners, schema: { ...common, summary: 'List scenarios', response: { 200: z.array(ScenarioSummary), ...errorResponses } } },
    async () => listScenarios(db));

  app.get('/:id', { config: planners, schema: { ...common, summary: 'Read a scenario with its result', params: IdParams, response: { 200: ScenarioBody, ...errorResponses } } },
    async (request) => getScenario(db, request.params.id));
}
