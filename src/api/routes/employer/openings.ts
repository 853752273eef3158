import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Id } from '../../../domain/common.js';
import { Employer } from '../../../domain/opening.js';
import {
  OpeningCreate, OpeningInput, OpeningView, createEmployer, createOpening, getOpening, listEmployers, listOpenings, updateOpening, visibleEmployer, withdrawOpening,
} from '../../../services/openings.js';
import { actorOf, allow } from '../../plugins/auth.js';
import { IdParams, bearer, errorResponses } from '../../schemas/common.js';

const common = { tags: ['employers'], security: bearer };
const staff = { roles: allow('coordinator') };
const owners = { roles: allow('coordinator', 'employer') };
const OpeningParams = z.object({ id: Id, openingId: Id }).strict();

/** Employers and their openings; an employer key sees its own employer only. */
export async function employerRoutes(instance: FastifyInstance): Promise<void> {
  const app = instance.withTypeProvider<ZodTypeProvider>();
  const db = app.services.db;

  app.get('/', { config: staff, schema: { ...common, summary: 'List employers', response: { 200: z.array(Employer), ...errorResponses } } },
    async () => listEmployers(db));

  app.post('/', { config: staff, schema: { ...common, summary: 'Register an employer', body: Employer.strict(), response: { 201: Employer, ...errorResponses } } },
    async (request, reply) => reply.code(201).send(await createEmployer(db, request.body, actorOf(request))));

  app.get('/:id', { config: owners, schema: { ...common, summary: 'Read an employer', params: IdParams, response: { 200: Employer, ...errorResponses } } },
    async (request) => visibleEmployer(db, request.principal, request.params.id));

  app.get('/:id/openings', { config: owners, schema: { ...common, summary: 'List the employer\'s openings with the seats filled by published rounds', params: IdParams, response: { 200: z.array(OpeningView), ...errorResponses } } },
    async (request) => {
      await visibleEmployer(db, request.principal, request.params.id);
      return listOpenings(db, request.params.id);
    });

  app.post('/:id/openings', { config: owners, schema: { ...common, summary: 'Create an opening (employer keys leave out `id`: the service names it)', params: IdParams, body: OpeningCreate, response: { 201: OpeningView, ...errorResponses } } },
    async (request, reply) => {
      await visibleEmployer(db, request.principal, request.params.id);
      return reply.code(201).send(await createOpening(db, request.params.id, request.body, request.principal));
    });

  app.get('/:id/openings/:openingId', { config: owners, schema: { ...common, summary: 'Read one opening', params: OpeningParams, response: { 200: OpeningView, ...errorResponses } } },
    async (request) => {
      await visibleEmployer(db, request.principal, request.params.id);
      return getOpening(db, request.params.id, request.params.openingId);
    });

  app.put('/:id/openings/:openingId', { config: owners, schema: { ...common, summary: 'Update an opening', params: OpeningParams, body: OpeningInput, response: { 200: OpeningView, ...errorResponses } } },
    async (request) => {
      await visibleEmployer(db, request.principal, request.params.id);
      return updateOpening(db, request.params.id, request.params.openingId, request.body, actorOf(request));
    });

  app.delete('/:id/openings/:openingId', { config: owners, schema: { ...common, summary: 'Withdraw an opening (published placements stand)', params: OpeningParams, response: { 200: OpeningView, ...errorResponses } } },
    async (request) => {
      await visibleEmployer(db, request.principal, request.params.id);
      return withdrawOpening(db, request.params.id, request.params.openingId, actorOf(request));
    });
}
