import { parse } from 'csv-parse/sync';
import type { z } from 'zod';
import { yieldToRequests } from '../../db/yield.js';
import { InputError, type FieldIssue } from '../errors.js';
import type { CellType, ColumnSpec } from './columns.js';

type Cell = { ok: true; value: unknown } | { ok: false; message: string };

const list = (text: string) => text.split(';').map((s) => s.trim()).filter((s) => s.length > 0);

function pairs(text: string, make: (key: string, value: string | undefined) => unknown): unknown[] {
  return list(text).map((item) => {
    const [key, value] = item.split(':').map((s) => s.trim());
    return make(key ?? '', value);
  });
}

function convert(text: string, type: CellType): Cell {
  switch (type) {
    case 'string': return { ok: true, value: text };
    case 'int': case 'number': {
      const value = Number(text);
      if (!Number.isFinite(value) || (type === 'int' && !Number.isInteger(value))) {
        return { ok: false, message: type === 'int' ? 'must be a whole number' : 'must be a number' };
      }
      return { ok: true, value };
    }
    case 'bool': {
      const lower = text.toLowerCase();
      if (['true', 'yes', '1'].includes(lower)) return { ok: true, value: true };
      if (['false', 'no', '0'].includes(lower)) return { ok: true, value: false };
      return { ok: false, message: 'must be true or false' };
    }
    case 'list': return { ok: true, value: list(text) };
    case 'languages': return { ok: true, value: pairs(text, (language, level) => ({ language, level })) };
    case 'statuses': return {
      ok: true,
      value: pairs(text, (status, months) => (months === undefined ? { status } : { status, minMonths: Number(months) })),
    };
  }
}

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let node = target;
  for (const key of keys.slice(0, -1)) node = (node[key] ??= {}) as Record<string, unknown>;
  node[keys.at(-1)!] = value;
}

function readRows(text: string): { header: string[]; rows: { line: number; cells: string[] }[] } {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    // With `info`, csv-parse returns each record with the line it ended on.
    records = parse(text, { info: true, trim: true, skip_empty_lines: true, relax_column_count: true, bom: true }) as unknown as typeof records;
  } catch (error) {
    // csv-parse says on which line the text stopped being CSV (an unclosed or stray quote).
    const line = (error as { lines?: unknown }).lines;
    throw new InputError('the CSV text cannot be read', [{ path: 'body', message: (error as Error).message, ...(typeof line === 'number' ? { line } : {}) }]);
  }
  const [head, ...rest] = records;
  if (!head) throw new InputError('the CSV text is empty', [{ path: 'body', message: 'needs a header line and at least one row' }]);
  return { header: head.record, rows: rest.map((r) => ({ line: r.info.lines, cells: r.record })) };
}

function checkHeader(header: string[], columns: ColumnSpec): void {
  const issues: FieldIssue[] = [];
  header.forEach((name, i) => {
    // Own keys only: `in` would also find `__proto__`, `constructor` or `toString` on the prototype.
    if (!Object.hasOwn(columns, name)) issues.push({ line: 1, path: name || `column ${i + 1}`, message: `unknown column (known: ${Object.keys(columns).join(', ')})` });
    else if (header.indexOf(name) !== i) issues.push({ line: 1, path: name, message: 'column appears twice' });
  });
  if (issues.length > 0) throw new InputError('the CSV header has unknown or repeated columns', issues);
}

/** One record of a file and the line it ends on, so that later checks (capacity floors) can name it too. */
export interface CsvRow<T> {
  line: number;
  item: T;
}

const rowsPerSlice = 1000;

/**
 * The work of parsing, a slice of rows at a time: it pauses after each slice (the generator's
 * yields) and returns the rows. Every bad row is collected before the file is refused.
 */
function* parseInSlices<S extends z.ZodType>(text: string, columns: ColumnSpec, schema: S): Generator<void, CsvRow<z.infer<S> & { id: string }>[]> {
  const { header, rows } = readRows(text);
  checkHeader(header, columns);
  if (rows.length === 0) throw new InputError('the CSV text has no rows', [{ line: 1, path: 'body', message: 'needs at least one row under the header' }]);
  const issues: FieldIssue[] = [];
  const items: CsvRow<z.infer<S> & { id: string }>[] = [];
  const lineOfId = new Map<string, number>();
  for (const [index, { line, cells }] of rows.entries()) {
    if (index > 0 && index % rowsPerSlice === 0) yield;
    const row = rowObject(header, columns, cells, line, issues);
    if (!row) continue;
    const parsed = schema.safeParse(row.item);
    if (!parsed.success) {
      // A cell that could not be read is reported once, by its conversion message.
      for (const issue of parsed.error.issues) {
        const path = issue.path.join('.') || 'row';
        if (!row.unreadable.has(path)) issues.push({ line, path, message: cellMessage(issue, row.item) });
      }
      continue;
    }
    if (row.unreadable.size > 0) continue;
    const value = parsed.data as z.infer<S> & { id: string };
    const first = lineOfId.get(value.id);
    if (first !== undefined) issues.push({ line, path: 'id', message: `duplicate id "${value.id}" (also on line ${first})` });
    else lineOfId.set(value.id, line);
    items.push({ line, item: value });
  }
  if (issues.length > 0) throw new InputError(`${new Set(issues.map((i) => i.line)).size} bad row(s): nothing was imported`, issues);
  return items;
}

/**
 * Parses CSV text into domain objects validated by `schema`, each with its line. Every bad row
 * is reported, with its line in the file and the field; if any row is bad, the whole file is refused.
 */
export function parseCsvRows<S extends z.ZodType>(text: string, columns: ColumnSpec, schema: S): CsvRow<z.infer<S> & { id: string }>[] {
  const steps = parseInSlices(text, columns, schema);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * parseCsvRows for the service: it lets waiting requests in between slices of a thousand rows
 * (validating 10,000 participants takes 0.2-0.3 s).
 */
export async function parseCsvRowsInSlices<S extends z.ZodType>(text: string, columns: ColumnSpec, schema: S): Promise<CsvRow<z.infer<S> & { id: string }>[]> {
  const steps = parseInSlices(text, columns, schema);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await yieldToRequests();
  }
}

/** The domain objects of a CSV text (parseCsvRows without the lines). */
export function parseCsv<S extends z.ZodType>(text: string, columns: ColumnSpec, schema: S): (z.infer<S> & { id: string })[] {
  return parseCsvRows(text, columns, schema).map((row) => row.item);
}

/** An empty cell of a required field says so, rather than zod's "expected string, received undefined" or the enum's options. */
function cellMessage(issue: z.core.$ZodIssue, item: Record<string, unknown>): string {
  if (issue.code !== 'invalid_type' && issue.code !== 'invalid_value' && issue.code !== 'invalid_union') return issue.message;
  let value: unknown = item;
  for (const key of issue.path) value = value === undefined || value === null ? undefined : (value as Record<PropertyKey, unknown>)[key];
  return value === undefined ? 'is required: the cell is empty or the column is missing' : issue.message;
}

/** The row as an object, without the cells that could not be read (each reported in `issues`). */
function rowObject(header: string[], columns: ColumnSpec, cells: string[], line: number, issues: FieldIssue[]): { item: Record<string, unknown>; unreadable: Set<string> } | null {
  if (cells.length > header.length) {
    issues.push({ line, path: 'row', message: `has ${cells.length} cells but the header has ${header.length} columns` });
    return null;
  }
  const item: Record<string, unknown> = {};
  const unreadable = new Set<string>();
  header.forEach((name, i) => {
    const text = cells[i] ?? '';
    if (text === '') return;
    const cell = convert(text, columns[name]!);
    if (cell.ok) setPath(item, name, cell.value);
    else { unreadable.add(name); issues.push({ line, path: name, message: cell.message }); }
  });
  return { item, unreadable };
}
