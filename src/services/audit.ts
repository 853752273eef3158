import type { Tx } from '../db/client.js';

export interface Actor {
  keyId: string | null;
}

/**
 * Records one change by a user, inside the transaction that makes it, so the log and the
 * data never disagree. `details` holds ids and counts only, never personal data.
 */
export async function audit(tx: Tx, actor: Actor, action: string, subject: string, subjectId: string | null, details?: object): Promise<void> {
  await tx.auditLog.create({
    data: { keyId: actor.keyId, action, subject, subjectId, details: details ? JSON.stringify(details) : null },
  });
}
