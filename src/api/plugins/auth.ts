import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { verifyApiKey, type Principal, type Role } from '../../services/api-keys.js';
import type { Actor } from '../../services/audit.js';
import { globalPlugin } from './global-plugin.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * Roles admitted by the route (`allow` adds admin). Absent: public outside the API prefix
     * (health, docs); under it, no role at all, so a route that forgot its roles is closed.
     */
    roles?: readonly Role[];
  }
  interface FastifyRequest {
    principal: Principal | null;
  }
}

/** Where the API's routes live; every route under it needs a key. */
export const apiPrefix = '/api/v1';

const underApi = (url: string | undefined) => url !== undefined && (url === apiPrefix || url.startsWith(`${apiPrefix}/`));

/** The roles a route admits; admin is added to every list. */
export const allow = (...roles: Role[]): readonly Role[] => ['admin', ...roles];

function deny(reply: FastifyReply, statusCode: 401 | 403, message: string) {
  const error = statusCode === 401 ? 'Unauthorized' : 'Forbidden';
  if (statusCode === 401) reply.header('www-authenticate', 'Bearer');
  return reply.code(statusCode).send({ statusCode, error, message });
}

/**
 * Bearer API keys: every route with `config.roles` needs a key of one of those roles, and a
 * route under the API prefix without them is denied to every key (default deny).
 */
export const authPlugin = globalPlugin(async (app) => {
  app.decorateRequest('principal', null);
  app.addHook('onRequest', async (request, reply) => {
    const roles = request.routeOptions.config.roles ?? (underApi(request.routeOptions.url) ? [] : null);
    if (!roles) return;
    const header = request.headers.authorization;
    const match = header?.match(/^Bearer\s+(\S+)$/i);
    if (!match) return deny(reply, 401, 'send an API key as "Authorization: Bearer <key>"');
    const principal = await verifyApiKey(app.services.db.prisma, match[1]!);
    if (!principal) return deny(reply, 401, 'unknown or revoked API key');
    if (!roles.includes(principal.role)) return deny(reply, 403, `role ${principal.role} may not use this route`);
    request.principal = principal;
  });
}) as FastifyPluginAsync;

export function actorOf(request: FastifyRequest): Actor {
  return { keyId: request.principal?.keyId ?? null };
}
