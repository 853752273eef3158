import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Id } from '../../../domain/common.js';
import { Role, createApiKey } from '../../../services/api-keys.js';
import { actorOf, allow } from '../../plugins/auth.js';
import { bearer, errorResponses } from '../../schemas/common.js';

const KeyCreate = z.object({ role: Role, employerId: Id.optional(), label: z.string().min(1).max(200).optional() }).strict();
const KeyCreated = z.object({ keyId: z.string(), key: z.string(), role: Role, employerId: z.string().nullable() });

/** Admins hand out keys; the clear key is in this one response and never stored. */
export async function keyRoutes(instance: FastifyInstance): Promise<void> {
  const app = instance.withTypeProvider<ZodTypeProvider>();
  app.post('/', {
    config: { roles: allow() },
    schema: { tags: ['keys'], security: bearer, summary: 'Create an API key (shown once)', body: KeyCreate, response: { 201: KeyCreated, ...errorResponses } },
  }, async (request, reply) => {
    const created = await createApiKey(app.services.db, request.body, actorOf(request).keyId);
    return reply.code(201).send(created);
  });
}
