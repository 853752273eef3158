import type { z } from 'zod';
import type { Database, Tx } from '../db/client.js';
import { inChunks } from '../db/id-chunks.js';
import { findOne, save, saveAll, toDomain, type EntityStore } from '../db/repositories/json-table.js';
import { audit, type Actor } from './audit.js';
import { capacityFloorBreaches } from './capacity-floor.js';
import type { Page } from './page.js';
import { ReadCache } from './read-cache.js';
import type { CsvRow } from './csv/import-csv.js';
import { ConflictError, InputError, NotFoundError } from './errors.js';

type Item<S extends z.ZodType> = z.infer<S> & { id: string };

export type { Page };

/** Pages of items as they were last read: lists are polled, and each read parses every item again. */
const recentPages = new ReadCache<Page<unknown>>(64);

export async function listItems<S extends z.ZodType>(db: Database, store: EntityStore<S>, where: object, limit: number, offset: number): Promise<Page<z.infer<S>>> {
  const key = `${store.name}|${JSON.stringify(where)}|${limit}|${offset}`;
  return recentPages.get(db, key, async () => {
    const table = store.table(db.prisma);
    const [rows, total] = await Promise.all([
      table.findMany({ where, orderBy: { id: 'asc' }, skip: offset, take: limit }),
      table.count({ where }),
    ]);
    return { items: rows.map((row) => toDomain(store, row)), total, limit, offset };
  }) as Promise<Page<z.infer<S>>>;
}

export async function getItem<S extends z.ZodType>(db: Database, store: EntityStore<S>, id: string): Promise<z.infer<S>> {
  const item = await findOne(db.prisma, store, id);
  if (!item) throw new NotFoundError(store.name, id);
  return item;
}

export async function createItem<S extends z.ZodType>(db: Database, store: EntityStore<S>, item: Item<S>, actor: Actor): Promise<Item<S>> {
  return db.write(async (tx) => {
    if (await store.table(tx).findUnique({ where: { id: item.id } })) throw new ConflictError(`${store.name} "${item.id}" already exists`);
    await save(tx, store, item);
    await audit(tx, actor, 'create', store.name, item.id);
    return item;
  });
}

export async function replaceItem<S extends z.ZodType>(db: Database, store: EntityStore<S>, item: Item<S>, actor: Actor): Promise<Item<S>> {
  return db.write(async (tx) => {
    if (!(await store.table(tx).findUnique({ where: { id: item.id } }))) throw new NotFoundError(store.name, item.id);
    const breaches = await capacityFloorBreaches(tx, store.name, [item]);
    if (breaches.length > 0) {
      throw new InputError(`${store.name} "${item.id}" would have less room than published rounds use`, breaches.map((b) => ({ path: `body.${b.field}`, message: b.message })));
    }
    await save(tx, store, item);
    await audit(tx, actor, 'update', store.name, item.id);
    return item;
  });
}

/**
 * Deletes a participant or a resource. Refused while a published assignment names it (that
 * placement happened); proposals and overrides that name it go with it.
 */
export async function deleteItem<S extends z.ZodType>(db: Database, store: EntityStore<S>, id: string, actor: Actor): Promise<void> {
  await db.write(async (tx) => {
    if (!(await store.table(tx).findUnique({ where: { id } }))) throw new NotFoundError(store.name, id);
    const column = store.name === 'participant' ? 'participantId' : 'resourceId';
    await dropProposals(tx, column, id);
    await store.table(tx).delete({ where: { id } });
    await audit(tx, actor, 'delete', store.name, id);
  });
}

async function dropProposals(tx: Tx, column: 'participantId' | 'resourceId', id: string): Promise<void> {
  const published = await tx.assignment.count({ where: { [column]: id, status: 'published' } });
  if (published > 0) throw new ConflictError(`"${id}" has ${published} published assignment(s) and cannot be deleted`);
  await tx.assignment.deleteMany({ where: { [column]: id } });
  await tx.override.deleteMany({ where: { [column]: id } });
}

/**
 * Creates or replaces every row's item in one transaction: all of them, or none. A row that
 * would leave less room than published rounds use is reported by its line and column.
 */
export async function importItems<S extends z.ZodType>(db: Database, store: EntityStore<S>, rows: CsvRow<Item<S>>[], actor: Actor): Promise<{ created: number; updated: number }> {
  const items = rows.map((row) => row.item);
  const lineOf = new Map(rows.map((row) => [row.item.id, row.line]));
  return db.write(async (tx) => {
    const ids = items.map((item) => item.id);
    const existing = await inChunks(ids, (chunk) => store.table(tx).findMany({ where: { id: { in: chunk } }, select: { id: true } }));
    const breaches = await capacityFloorBreaches(tx, store.name, items);
    if (breaches.length > 0) {
      throw new InputError(`${new Set(breaches.map((b) => b.id)).size} row(s) would leave less room than published rounds use: nothing was imported`,
        breaches.map((b) => ({ line: lineOf.get(b.id)!, path: b.field, message: `${store.name} "${b.id}": ${b.message}` })));
    }
    await saveAll(tx, store, items);
    await audit(tx, actor, 'import', store.name, null, { rows: items.length, updated: existing.length });
    return { created: items.length - existing.length, updated: existing.length };
  });
}
