import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Id } from '../../../domain/common.js';
import { exportRoundCsv } from '../../../services/export-csv.js';
import { ExplanationQuery, ResourceUseQuery, listExplanations, listResourceUse } from '../../../services/round-explanations.js';
import { publishRound } from '../../../services/publication.js';
import { startSolve } from '../../../services/round-solve.js';
import { listAssignments } from '../../../services/round-assignments.js';
import { AssignmentDecision, AssignmentQuery, OverrideInput, RoundCreate, RoundStatus } from '../../../services/round-schemas.js';
import { addOverride, cancelRound, createRound, decideAssignment, getRound, listOverrides, listRounds, removeOverride } from '../../../services/rounds.js';
import { actorOf, allow } from '../../plugins/auth.js';
import { IdParams, JobAccepted, bearer, encodedOnceOnRead, errorResponses, pageOf, parsedOnRead } from '../../schemas/common.js';
import { AssignmentBody, OverrideBody, ParticipantExplanation, ResourceUseBody, RoundDetailBody, RoundSummaryBody } from '../../schemas/round.js';

const common = { tags: ['rounds'], security: bearer };
const coordinators = { roles: allow('coordinator') };

/** Placement rounds: create, solve (a job), review, override, decide, publish, export. */
export async function roundRoutes(instance: FastifyInstance): Promise<void> {
  const app = instance.withTypeProvider<ZodTypeProvider>();
  const db = app.services.db;

  app.post('/', { config: coordinators, schema: { ...common, summary: 'Create a round (draft) over a filtered pool', body: RoundCreate, response: { 201: RoundSummaryBody, ...errorResponses } } },
    async (request, reply) => reply.code(201).send(await createRound(db, request.body, actorOf(request))));

  // Planners read the list: statuses and totals, aggregates without personal data.
  app.get('/', { config: { roles: allow('coordinator', 'planner') }, schema: { ...common, summary: 'List rounds with their totals', querystring: z.object({ status: RoundStatus.optional() }).strict(), response: { 200: z.array(RoundSummaryBody), ...errorResponses } } },
    async (request) => listRounds(db, request.query.status));

  app.get('/:id', { ...encodedOnceOnRead, config: coordinators, schema: { ...common, summary: 'Read a round: status, solve statistics, totals and how many assignments it holds (the assignments: /assignments; explanations: /participants)', params: IdParams, response: { 200: RoundDetailBody, ...errorResponses } } },
    async (request) => getRound(db, request.params.id));

  app.get('/:id/assignments', { ...parsedOnRead, config: coordinators, schema: { ...common, summary: 'The round\'s assignments (paged), by participant then kind; filter by participant, resource, kind, status', params: IdParams, querystring: AssignmentQuery, response: { 200: pageOf(AssignmentBody), ...errorResponses } } },
    async (request) => listAssignments(db, request.params.id, request.query));

  app.get('/:id/participants', { ...encodedOnceOnRead, config: coordinators, schema: { ...common, summary: 'Explanations of the last solve, per participant (paged): assignments with score breakdowns, reasons for what was not given', params: IdParams, querystring: ExplanationQuery, response: { 200: pageOf(ParticipantExplanation), ...errorResponses } } },
    async (request) => listExplanations(db, request.params.id, request.query));

  app.get('/:id/resources', { ...encodedOnceOnRead, config: coordinators, schema: { ...common, summary: 'Capacity, planned use and room left of each resource in the round\'s pool (paged)', params: IdParams, querystring: ResourceUseQuery, response: { 200: pageOf(ResourceUseBody), ...errorResponses } } },
    async (request) => listResourceUse(db, request.params.id, request.query));

  app.post('/:id/solve', { config: coordinators, schema: { ...common, summary: 'Solve (or re-solve) the round as a job; poll GET /api/v1/jobs/{jobId}', params: IdParams, response: { 202: JobAccepted, ...errorResponses } } },
    async (request, reply) => {
      const { jobId } = await startSolve(db, app.services.jobs, request.params.id, actorOf(request));
      return reply.code(202).send({ jobId, status: 'queued' as const, poll: `/api/v1/jobs/${jobId}` });
    });

  app.get('/:id/overrides', { config: coordinators, schema: { ...common, summary: 'List the round\'s require/forbid overrides', params: IdParams, response: { 200: z.array(OverrideBody), ...errorResponses } } },
    async (request) => listOverrides(db, request.params.id));

  app.post('/:id/overrides', { config: coordinators, schema: { ...common, summary: 'Require or forbid a participant–resource pair in the next solve', params: IdParams, body: OverrideInput, response: { 201: OverrideBody, ...errorResponses } } },
    async (request, reply) => reply.code(201).send(await addOverride(db, request.params.id, request.body, actorOf(request))));

  app.delete('/:id/overrides/:overrideId', { config: coordinators, schema: { ...common, summary: 'Remove an override (also one an accept or reject made); the next solve ignores it', params: z.object({ id: Id, overrideId: Id }).strict(), response: { 204: z.null(), ...errorResponses } } },
    async (request, reply) => {
      await removeOverride(db, request.params.id, request.params.overrideId, actorOf(request));
      return reply.code(204).send(null);
    });

  app.patch('/:id/assignments/:assignmentId', {
    config: coordinators,
    schema: { ...common, summary: 'Accept or reject one proposed assignment', params: z.object({ id: Id, assignmentId: Id }).strict(), body: AssignmentDecision, response: { 200: AssignmentBody, ...errorResponses } },
  }, async (request) => decideAssignment(db, request.params.id, request.params.assignmentId, request.body, actorOf(request)));

  app.post('/:id/publish', { config: coordinators, schema: { ...common, summary: 'Publish the round: all its assignments or none (409 names the full resources)', params: IdParams, response: { 200: RoundSummaryBody, ...errorResponses } } },
    async (request) => publishRound(db, request.params.id, actorOf(request)));

  app.post('/:id/cancel', { config: coordinators, schema: { ...common, summary: 'Cancel a draft or proposed round, or one being solved (its solve is stopped first)', params: IdParams, response: { 200: RoundSummaryBody, ...errorResponses } } },
    async (request) => cancelRound(db, app.services.jobs, request.params.id, request.principal));

  app.get('/:id/export.csv', { config: coordinators, schema: { ...common, summary: 'The round\'s assignments as CSV', params: IdParams, produces: ['text/csv'], response: { 200: z.string(), ...errorResponses } } },
    async (request, reply) => {
      const csv = await exportRoundCsv(db, request.params.id);
      return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="round-${request.params.id}.csv"`).send(csv);
    });
}
