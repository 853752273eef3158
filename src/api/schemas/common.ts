import { z } from 'zod';
import { Id } from '../../domain/common.js';
import { PageQuery } from '../../services/page.js';

export const FieldIssue = z.object({
  path: z.string(),
  message: z.string(),
  line: z.number().int().optional(),
});

/**
 * Route option for answers built from values that were parsed by their zod schema on the way
 * out of the store, or written by the engine itself (items read by toDomain, rounds and
 * assignments mapped from typed rows, the stored report of a solve):
 * encoding them through zod again would only double the work (a round's 800 assignments cost
 * the round detail half its time); the response schema still documents and types the answer.
 */
export const parsedOnRead = { serializerCompiler: () => (data: unknown) => JSON.stringify(data) };

const encodedAnswers = new WeakMap<object, string>();

/**
 * parsedOnRead for an answer that a read cache keeps until the next write and nobody changes
 * once built (the round detail, pages of explanations and of resource use): it is encoded the
 * first time it is sent and the text is reused while the answer lives. At national size a page
 * of 50 explanations is 130 kB, and encoding it again was a sixth of the server's time under load.
 */
export const encodedOnceOnRead = {
  serializerCompiler: () => (data: unknown) => {
    if (typeof data !== 'object' || data === null) return JSON.stringify(data);
    let text = encodedAnswers.get(data);
    if (text === undefined) {
      text = JSON.stringify(data);
      encodedAnswers.set(data, text);
    }
    return text;
  },
};

/** Every error the API returns: the status, a sentence, and each bad field by its path. */
export const ErrorBody = z.object({
  statusCode: z.number().int(),
  error: z.string(),
  message: z.string(),
  issues: z.array(FieldIssue).optional(),
  details: z.unknown().optional(),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

export const errorResponses = {
  400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 413: ErrorBody, 415: ErrorBody,
} as const;

export const IdParams = z.object({ id: Id }).strict();

export { PageQuery };

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), total: z.number().int(), limit: z.number().int(), offset: z.number().int() });
}

export const JobAccepted = z.object({ jobId: z.string(), status: z.literal('queued'), poll: z.string() });

export const bearer = [{ bearer: [] }];
