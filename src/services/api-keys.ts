import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Database } from '../db/client.js';
import type { PrismaClient } from '../generated/prisma/client.js';
import { InputError, NotFoundError } from './errors.js';
import { audit } from './audit.js';

export const roles = ['admin', 'coordinator', 'employer', 'planner'] as const;
export const Role = z.enum(roles);
export type Role = z.infer<typeof Role>;

export interface Principal {
  keyId: string;
  role: Role;
  /** Set for employer keys only: the one employer whose openings the key sees. */
  employerId: string | null;
}

/** The key is 32 random bytes: high entropy, so a fast hash (not a password hash) protects it at rest. */
export function hashKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

export interface CreatedKey extends Principal {
  /** Shown once; only its hash is stored. */
  key: string;
}

export async function createApiKey(db: Database, input: { role: Role; employerId?: string | null; label?: string }, actorKeyId: string | null = null): Promise<CreatedKey> {
  if (input.role === 'employer' && !input.employerId) {
    throw new InputError('an employer key needs an employer', [{ path: 'body.employerId', message: 'required for role employer' }]);
  }
  if (input.role !== 'employer' && input.employerId) {
    throw new InputError('only employer keys are bound to an employer', [{ path: 'body.employerId', message: 'only for role employer' }]);
  }
  const keyId = randomUUID();
  const key = `pk_${randomBytes(32).toString('base64url')}`;
  const employerId = input.employerId ?? null;
  await db.write(async (tx) => {
    if (employerId && !(await tx.employer.findUnique({ where: { id: employerId } }))) throw new NotFoundError('employer', employerId);
    await tx.apiKey.create({ data: { id: keyId, hash: hashKey(key), role: input.role, employerId, label: input.label ?? null } });
    await audit(tx, { keyId: actorKeyId }, 'create', 'apiKey', keyId, { role: input.role, employerId });
  });
  return { keyId, key, role: input.role, employerId };
}

/** The principal behind a presented key, or null for an unknown or revoked key. */
export async function verifyApiKey(prisma: PrismaClient, key: string): Promise<Principal | null> {
  const row = await prisma.apiKey.findUnique({ where: { hash: hashKey(key) } });
  if (!row || row.revokedAt) return null;
  const role = Role.safeParse(row.role);
  return role.success ? { keyId: row.id, role: role.data, employerId: row.employerId } : null;
}

export interface KeySummary extends Principal {
  label: string | null;
  createdAt: string;
  revokedAt: string | null;
}

export async function listApiKeys(db: Database): Promise<KeySummary[]> {
  const rows = await db.prisma.apiKey.findMany({ orderBy: { createdAt: 'asc' } });
  return rows.map((r) => ({
    keyId: r.id, role: Role.catch('planner').parse(r.role), employerId: r.employerId, label: r.label,
    createdAt: r.createdAt.toISOString(), revokedAt: r.revokedAt?.toISOString() ?? null,
  }));
}

/** A revoked key is refused from its next request on; the row stays for the audit log. */
export async function revokeApiKey(db: Database, keyId: string, actorKeyId: string | null = null): Promise<void> {
  await db.write(async (tx) => {
    const row = await tx.apiKey.findUnique({ where: { id: keyId } });
    if (!row) throw new NotFoundError('API key', keyId);
    if (!row.revokedAt) await tx.apiKey.update({ where: { id: keyId }, data: { revokedAt: new Date() } });
    await audit(tx, { keyId: actorKeyId }, 'revoke', 'apiKey', keyId);
  });
}
