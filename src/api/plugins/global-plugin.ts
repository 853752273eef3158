import type { FastifyPluginAsync } from 'fastify';

/**
 * Lets a plugin's hooks and decorations reach its parent, the way `fastify-plugin` does
 * (the same documented `skip-override` symbol), without one more dependency.
 */
export function globalPlugin<T extends FastifyPluginAsync<never>>(plugin: T): T {
  (plugin as unknown as Record<symbol, boolean>)[Symbol.for('skip-override')] = true;
  return plugin;
}
