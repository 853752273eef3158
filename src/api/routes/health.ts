import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';

const Health = z.object({ status: z.literal('ok'), database: z.literal('ok'), uptimeSeconds: z.number() });

/** Liveness and readiness in one: answers only once the database answers. */
export async function healthRoutes(instance: FastifyInstance): Promise<void> {
  const app = instance.withTypeProvider<ZodTypeProvider>();
  app.get('/health', { schema: { tags: ['health'], summary: 'Service and database are up', response: { 200: Health } } }, async () => {
    await app.services.db.prisma.$queryRawUnsafe('SELECT 1');
    return { status: 'ok' as const, database: 'ok' as const, uptimeSeconds: Math.round(process.uptime()) };
  });
}
