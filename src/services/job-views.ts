import { z } from 'zod';
import type { Database } from '../db/client.js';
import { NotFoundError } from './errors.js';

export const JobView = z.object({
  id: z.string(),
  kind: z.string(),
  subjectId: z.string().nullable(),
  status: z.enum(['queued', 'running', 'succeeded', 'failed', 'cancelled']),
  progress: z.number(),
  message: z.string().nullable(),
  /** A small summary (ids and counts); the full result is on the subject (round or scenario). */
  result: z.record(z.string(), z.unknown()).nullable(),
  error: z.string().nullable(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
});
export type JobView = z.infer<typeof JobView>;

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export async function getJob(db: Database, id: string): Promise<JobView> {
  const row = await db.prisma.job.findUnique({ where: { id } });
  if (!row) throw new NotFoundError('job', id);
  return {
    id: row.id,
    kind: row.kind,
    subjectId: row.subjectId,
    status: JobView.shape.status.parse(row.status),
    progress: row.progress,
    message: row.message,
    result: row.result ? (JSON.parse(row.result) as Record<string, unknown>) : null,
    error: row.error,
    createdAt: row.createdAt.toISOString(),
    startedAt: iso(row.startedAt),
    finishedAt: iso(row.finishedAt),
  };
}
