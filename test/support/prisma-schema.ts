import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** A scalar field of a model in schema.prisma, as the migration SQL must declare it. */
export interface SchemaField {
  name: string;
  type: 'String' | 'Int' | 'Float' | 'Boolean' | 'DateTime' | 'Bytes';
  optional: boolean;
}

export interface SchemaModel {
  name: string;
  fields: SchemaField[];
}

const scalarTypes = new Set(['String', 'Int', 'Float', 'Boolean', 'DateTime', 'Bytes']);
export const schemaFile = resolve(import.meta.dirname, '../../prisma/schema.prisma');

/**
 * The models of schema.prisma and their scalar columns, read from the text itself (not from
 * the generated client), so that a test can hold the committed SQL against the schema.
 */
export function readSchemaModels(file = schemaFile): SchemaModel[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/^model\s+(\w+)\s*\{([\s\S]*?)^\}/gm)].map(([, name, body]) => ({
    name: name!,
    fields: body!.split('\n')
      .map((line) => line.replace(/\/\/.*$/, '').trim())
      .map((line) => line.match(/^(\w+)\s+(\w+)(\?|\[\])?(\s|$)/))
      .filter((m): m is RegExpMatchArray => m !== null && scalarTypes.has(m[2]!) && m[3] !== '[]')
      .map((m) => ({ name: m[1]!, type: m[2] as SchemaField['type'], optional: m[3] === '?' })),
  }));
}

/** Prisma's column types on SQLite. */
export const sqliteTypeOf: Record<SchemaField['type'], string> = {
  String: 'TEXT', Int: 'INTEGER', Float: 'REAL', Boolean: 'BOOLEAN', DateTime: 'DATETIME', Bytes: 'BLOB',
};
