import type { FastifyPluginAsync } from 'fastify';
import type { Services } from '../../services/context.js';
import { globalPlugin } from './global-plugin.js';

declare module 'fastify' {
  interface FastifyInstance {
    services: Services;
  }
}

/** The database and the job runner, as one decorator every route reads. */
export const servicesPlugin = globalPlugin<FastifyPluginAsync<{ services: Services }>>(async (app, opts) => {
  app.decorate('services', opts.services);
});
