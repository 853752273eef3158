import type { FastifyError, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { ConflictError, ForbiddenError, InputError, NotFoundError, type FieldIssue } from '../../services/errors.js';
import { loggableError } from '../../services/loggable-error.js';
import type { ErrorBody } from '../schemas/common.js';
import { globalPlugin } from './global-plugin.js';

const reasons: Record<number, string> = {
  400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed',
  406: 'Not Acceptable', 409: 'Conflict', 413: 'Payload Too Large', 415: 'Unsupported Media Type', 429: 'Too Many Requests',
  500: 'Internal Server Error',
};

function send(reply: FastifyReply, statusCode: number, message: string, extra: Partial<ErrorBody> = {}) {
  return reply.code(statusCode).type('application/json').send({ statusCode, error: reasons[statusCode] ?? 'Error', message, ...extra });
}

/** `/household/adults` in the body → `body.household.adults`. */
function fieldPath(context: string | undefined, instancePath: string): string {
  const tail = instancePath.split('/').filter(Boolean).join('.');
  return [context ?? 'request', tail].filter(Boolean).join('.');
}

/** curl's `--data-binary @file.csv` alone sends a form type: say which types the service reads. */
function unsupportedMediaType(sent: string | undefined): [string, Partial<ErrorBody>] {
  const message = `content-type ${sent ? `"${sent.slice(0, 100)}"` : 'missing'}: send JSON as application/json, or a CSV file to an …/import route as text/csv`;
  return [message, { issues: [{ path: 'headers.content-type', message: 'must be application/json, or text/csv for imports' }] }];
}

/**
 * Errors Fastify's router meets before any route, hook or error handler runs (a URL whose
 * percent escapes decode to nothing, a path parameter over its length limit): given as the
 * `frameworkErrors` server option, so they get the same JSON body as every other error.
 */
export function frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  if (error.code === 'FST_ERR_BAD_URL') {
    void send(reply, 400, 'malformed URL: a percent sign must start an escape of a character (%xx)', { issues: [{ path: 'url', message: 'has an escape that decodes to no character' }] });
    return;
  }
  if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') {
    void send(reply, 400, 'malformed URL: a path parameter is too long', { issues: [{ path: 'url', message: 'has a path parameter over 100 characters' }] });
    return;
  }
  request.log.error({ code: error.code }, 'request failed in the router');
  void send(reply, 500, 'internal error: the request was not carried out');
}

// Prisma's codes for a broken unique or foreign key: a clash with stored data, not a server fault.
const prismaConflicts = new Set(['P2002', 'P2003', 'P2014']);

/**
 * One place turns every error into JSON: bad input is a 4xx naming each field, and only a
 * real fault is a 500, whose details go to the log and never to the client.
 */
export const errorHandlerPlugin = globalPlugin(async (app) => {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (hasZodFastifySchemaValidationErrors(error)) {
      const issues: FieldIssue[] = error.validation.map((v) => ({ path: fieldPath(error.validationContext, v.instancePath), message: v.message ?? 'is invalid' }));
      return send(reply, 400, `invalid request: ${issues.map((i) => i.path).join(', ')}`, { issues });
    }
    const known: unknown = error;
    if (known instanceof InputError) return send(reply, 400, known.message, { issues: known.issues });
    if (known instanceof NotFoundError) return send(reply, 404, known.message);
    if (known instanceof ForbiddenError) return send(reply, 403, known.message);
    if (known instanceof ConflictError) return send(reply, 409, known.message, known.details === undefined ? {} : { details: known.details });
    if (prismaConflicts.has(String(error.code))) return send(reply, 409, 'the change clashes with stored data (a duplicate or a dangling id)');
    if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return send(reply, 415, ...unsupportedMediaType(request.headers['content-type']));
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500 && !isResponseSerializationError(error)) {
      return send(reply, status, error.message, { issues: [{ path: 'request', message: error.message }] });
    }
    request.log.error({ error: loggableError(error) }, 'request failed');
    return send(reply, 500, 'internal error: the request was not carried out');
  });
  app.setNotFoundHandler((request, reply) => send(reply, 404, `no route ${request.method} ${request.url.split('?')[0]}`));
}) as FastifyPluginAsync;
