import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyPluginAsync } from 'fastify';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import { globalPlugin } from './global-plugin.js';

/** OpenAPI generated from the routes' zod schemas, browsable at /docs (JSON at /docs/json). */
export const swaggerPlugin = globalPlugin(async (app) => {
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Placement service',
        description: 'Placement rounds for integration programmes: coordinators, employers and planners. Send `Authorization: Bearer <key>`.',
        version: '1.0.0',
      },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });
}) as FastifyPluginAsync;
