import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { EntityStore } from '../../../db/repositories/json-table.js';
import type { Role } from '../../../services/api-keys.js';
import { parseCsvRowsInSlices } from '../../../services/csv/import-csv.js';
import type { ColumnSpec } from '../../../services/csv/columns.js';
import { InputError } from '../../../services/errors.js';
import { createItem, deleteItem, getItem, importItems, listItems, replaceItem } from '../../../services/resources.js';
import { actorOf } from '../../plugins/auth.js';
import { IdParams, PageQuery, bearer, errorResponses, pageOf, parsedOnRead } from '../../schemas/common.js';

export interface ResourceRoutesSpec<S extends z.ZodType> {
  tag: string;
  store: EntityStore<S>;
  /** The domain schema: request body and response item alike. */
  schema: S;
  csv: ColumnSpec;
  readRoles: readonly Role[];
  writeRoles: readonly Role[];
  /** Extra list filters (e.g. `region`) and the columns they match. */
  filters: z.ZodObject;
  where(query: Record<string, unknown>): object;
}

/**
 * CRUD and CSV import for one kind of pool item (participants, mentors, training sessions,
 * housing units): the handlers only translate HTTP; the services do the work.
 */
export function resourceRoutes<S extends z.ZodType>(spec: ResourceRoutesSpec<S>) {
  type Item = z.infer<S> & { id: string };
  const name = spec.store.name;
  const common = { tags: [spec.tag], security: bearer };
  return async (instance: FastifyInstance) => {
    const app = instance.withTypeProvider<ZodTypeProvider>();
    const read = { roles: spec.readRoles };
    const write = { roles: spec.writeRoles };
    const ListQuery = PageQuery.extend(spec.filters.shape).strict();
    // Erased to ZodType: the handlers below are shared by four schemas, and the services carry the types.
    const itemSchema: z.ZodType = spec.schema;

    app.get('/', { ...parsedOnRead, config: read, schema: { ...common, summary: `List ${name}s`, querystring: ListQuery, response: { 200: pageOf(itemSchema), ...errorResponses } } },
      async (request) => {
        const query = request.query as z.infer<typeof PageQuery> & Record<string, unknown>;
        return listItems(app.services.db, spec.store, spec.where(query), query.limit, query.offset);
      });

    app.get('/:id', { ...parsedOnRead, config: read, schema: { ...common, summary: `Read one ${name}`, params: IdParams, response: { 200: itemSchema, ...errorResponses } } },
      async (request) => getItem(app.services.db, spec.store, request.params.id));

    app.post('/', { config: write, schema: { ...common, summary: `Create a ${name}`, body: itemSchema, response: { 201: itemSchema, ...errorResponses } } },
      async (request, reply) => reply.code(201).send(await createItem(app.services.db, spec.store, request.body as Item, actorOf(request))));

    app.put('/:id', { config: write, schema: { ...common, summary: `Replace a ${name}`, params: IdParams, body: itemSchema, response: { 200: itemSchema, ...errorResponses } } },
      async (request) => {
        const item = request.body as Item;
        if (item.id !== request.params.id) throw new InputError('the body names another id than the path', [{ path: 'body.id', message: `must be "${request.params.id}", the id in the path` }]);
        return replaceItem(app.services.db, spec.store, item, actorOf(request));
      });

    app.delete('/:id', { config: write, schema: { ...common, summary: `Delete a ${name}`, params: IdParams, response: { 204: z.null(), ...errorResponses } } },
      async (request, reply) => {
        await deleteItem(app.services.db, spec.store, request.params.id, actorOf(request));
        return reply.code(204).send(null);
      });

    app.post('/import', {
      config: write,
      schema: {
        ...common,
        summary: `Import ${name}s from CSV (text/csv body; columns in docs/service.md, CSV imports); a file with a bad row imports nothing`,
        body: z.string().min(1, 'must be CSV text with a header line'),
        response: { 200: z.object({ created: z.number().int(), updated: z.number().int() }), ...errorResponses },
      },
    }, async (request) => importItems(app.services.db, spec.store, await parseCsvRowsInSlices(request.body, spec.csv, spec.schema), actorOf(request)));
  };
}
