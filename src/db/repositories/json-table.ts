import type { z } from 'zod';
import type { PrismaClient } from '../../generated/prisma/client.js';
import type { Tx } from '../client.js';
import { yieldToRequests } from '../yield.js';
import { insertRows, prismaDateTime } from './bulk-insert.js';

/** A stored row: the id, a few columns for filters, and the domain object as JSON text. */
export interface JsonRow {
  id: string;
  data: string;
  [column: string]: unknown;
}

/**
 * The part of a Prisma model delegate that the JSON-backed tables share. Prisma gives each
 * model its own delegate type; this narrow view lets one repository serve all of them.
 */
export interface JsonTable {
  findUnique(args: { where: { id: string } }): Promise<JsonRow | null>;
  findMany(args: { where?: object; orderBy?: object; skip?: number; take?: number; select?: object }): Promise<JsonRow[]>;
  count(args: { where?: object }): Promise<number>;
  create(args: { data: object }): Promise<unknown>;
  upsert(args: { where: { id: string }; create: object; update: object }): Promise<unknown>;
  update(args: { where: { id: string }; data: object }): Promise<unknown>;
  delete(args: { where: { id: string } }): Promise<unknown>;
}

export type Client = PrismaClient | Tx;

/** How one domain object is stored: its table, its schema, and the columns it fills. */
export interface EntityStore<S extends z.ZodType> {
  /** Singular, as used in messages and the audit log, e.g. `participant`. */
  name: string;
  schema: S;
  table(client: Client): JsonTable;
  /** The table's name in SQL, for bulk writes (`Participant`). */
  sqlTable: string;
  /** The filter columns, always the same keys in the same order; values are text, numbers or null. */
  columns(item: z.infer<S>): Record<string, string | number | null>;
  /** Columns that outrank the JSON copy (e.g. a mentor's caseload moved by publications). */
  fromRow?(row: JsonRow, item: z.infer<S>): z.infer<S>;
}

export function toDomain<S extends z.ZodType>(store: EntityStore<S>, row: JsonRow): z.infer<S> {
  const item = store.schema.parse(JSON.parse(row.data)) as z.infer<S>;
  return store.fromRow ? store.fromRow(row, item) : item;
}

export function toRow<S extends z.ZodType>(store: EntityStore<S>, item: z.infer<S>): Record<string, string | number | null> {
  return { ...store.columns(item), data: JSON.stringify(item) };
}

export async function findOne<S extends z.ZodType>(client: Client, store: EntityStore<S>, id: string): Promise<z.infer<S> | null> {
  const row = await store.table(client).findUnique({ where: { id } });
  return row ? toDomain(store, row) : null;
}

const rowsPerParse = 1000;

/** Every item `where` selects, in id order; parsed a thousand at a time (a national pool's 10,000 participants take 0.3 s). */
export async function findAll<S extends z.ZodType>(client: Client, store: EntityStore<S>, where: object = {}): Promise<z.infer<S>[]> {
  const rows = await store.table(client).findMany({ where, orderBy: { id: 'asc' } });
  const items: z.infer<S>[] = [];
  for (let i = 0; i < rows.length; i += rowsPerParse) {
    if (i > 0) await yieldToRequests();
    for (const row of rows.slice(i, i + rowsPerParse)) items.push(toDomain(store, row));
  }
  return items;
}

/**
 * Creates or replaces every item by its id, in bulk. Importing a national pool's 10,000
 * participants one upsert at a time took 4.4-5.4 s, during which the service answered nobody.
 */
export async function saveAll<S extends z.ZodType>(tx: Tx, store: EntityStore<S>, items: (z.infer<S> & { id: string })[]): Promise<void> {
  if (items.length === 0) return;
  const now = prismaDateTime(new Date());
  const rows = items.map((item) => ({ id: item.id, ...toRow(store, item) }));
  const columns = Object.keys(rows[0]!);
  await insertRows(tx, store.sqlTable, [...columns, 'createdAt', 'updatedAt'], rows.map((r) => [...columns.map((c) => r[c as keyof typeof r]), now, now]), { key: 'id', keep: ['createdAt'] });
}

/** Creates or replaces `item` by its id. */
export async function save<S extends z.ZodType>(client: Client, store: EntityStore<S>, item: z.infer<S> & { id: string }): Promise<void> {
  const row = toRow(store, item);
  await store.table(client).upsert({ where: { id: item.id }, create: { id: item.id, ...row }, update: row });
}
