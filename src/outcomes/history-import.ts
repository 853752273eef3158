import { parse } from 'csv-parse/sync';
import type { z } from 'zod';
import { Outcome, outcomeColumns, outcomeContradictions, type OutcomeColumn } from '../domain/outcome.js';

/** One thing wrong with one row of a history file: where, which field, what. */
export interface RowProblem {
  /** "line 14" for CSV (the file's own line number), "record 3" for JSON (from 1). */
  where: string;
  field: string;
  message: string;
}

/** A history file with any bad row imports nothing: every bad row is listed. */
export class HistoryError extends Error {
  constructor(readonly source: string, readonly problems: readonly RowProblem[]) {
    super(`${source}: ${problems.length} problem(s), nothing imported:\n${problems.map(formatProblem).join('\n')}`);
  }
}

export function formatProblem(problem: RowProblem): string {
  return `  ${problem.where}, ${problem.field}: ${problem.message}`;
}

const trueWords = new Set(['true', 'yes', '1']);
const falseWords = new Set(['false', 'no', '0']);

function readCell(column: OutcomeColumn, cell: string): { value?: unknown; problem?: string } {
  const text = cell.trim();
  if (text === '') return {};
  switch (outcomeColumns[column]) {
    case 'text': return { value: text };
    case 'number': {
      const value = Number(text);
      return Number.isFinite(value) ? { value } : { problem: `"${text}" is not a number` };
    }
    case 'boolean': {
      const word = text.toLowerCase();
      if (trueWords.has(word)) return { value: true };
      if (falseWords.has(word)) return { value: false };
      return { problem: `"${text}" is not a yes/no value (true, false, yes, no, 1, 0)` };
    }
  }
}

/** A value as a message shows it: text quoted and cut short, null and lists by name. */
function shown(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  return String(value);
}

const expectedWords: Record<string, string> = {
  int: 'a whole number', number: 'a number', boolean: 'true or false', string: 'text',
};

/**
 * What is wrong with one field, in the user's words. zod v4 does not report the input of an
 * issue (`issue.input` is undefined unless asked for), so "is missing" is decided from the row
 * itself: only a field the row does not have is missing; any other type error says what the
 * field must be and what it is.
 */
function fieldMessage(issue: z.core.$ZodIssue, data: Record<string, unknown>): string {
  const field = issue.path[0];
  const present = typeof field === 'string' && data[field] !== undefined;
  if (issue.code !== 'invalid_type') return issue.message;
  if (!present) return 'is missing';
  const expected = expectedWords[issue.expected];
  return expected ? `must be ${expected}, got ${shown(data[field as string])}` : issue.message;
}

function zodProblems(where: string, issues: readonly z.core.$ZodIssue[], data: Record<string, unknown>): RowProblem[] {
  return issues.map((issue) => ({
    where,
    field: issue.path.length > 0 ? issue.path.map(String).join('.') : '(row)',
    message: fieldMessage(issue, data),
  }));
}

/** A row as read from the file, before validation; `unreadable` when it is not even a record. */
interface RawRow {
  where: string;
  data: Record<string, unknown>;
  problems: RowProblem[];
  unreadable?: boolean;
}

/** Validates rows one by one; duplicate ids are refused too. */
function validateRows(source: string, rows: RawRow[]): Outcome[] {
  const problems: RowProblem[] = [];
  const outcomes: Outcome[] = [];
  const seen = new Map<string, string>();
  for (const row of rows) {
    problems.push(...row.problems);
    if (row.unreadable) continue;
    const parsed = Outcome.safeParse(row.data);
    if (!parsed.success) {
      // zod checks contradictions only on an otherwise valid row: check them here too, so that one pass lists everything.
      const contradictions = outcomeContradictions(row.data).map((c) => ({ where: row.where, ...c }));
      const found = [...zodProblems(row.where, parsed.error.issues, row.data), ...contradictions];
      problems.push(...found.filter((p, i) => !row.problems.some((q) => q.field === p.field)
        && found.findIndex((q) => q.field === p.field && q.message === p.message) === i));
      continue;
    }
    const first = seen.get(parsed.data.id);
    if (first) problems.push({ where: row.where, field: 'id', message: `duplicate id "${parsed.data.id}" (already on ${first})` });
    else seen.set(parsed.data.id, row.where);
    outcomes.push(parsed.data);
  }
  if (problems.length > 0) throw new HistoryError(source, problems);
  return outcomes;
}

function headerOf(source: string, header: readonly string[]): OutcomeColumn[] {
  const known = new Set(Object.keys(outcomeColumns));
  const problems: RowProblem[] = [];
  header.forEach((name, i) => {
    if (!known.has(name)) problems.push({ where: 'line 1', field: name || `column ${i + 1}`, message: 'is not a column of the outcome history' });
  });
  for (const name of known) {
    const required = !Outcome.shape[name as OutcomeColumn].safeParse(undefined).success;
    if (required && !header.includes(name)) problems.push({ where: 'line 1', field: name, message: 'column is missing' });
  }
  if (problems.length > 0) throw new HistoryError(source, problems);
  return header as OutcomeColumn[];
}

/** Reads a history CSV: a header of `outcomeColumns` names, then one outcome per line. */
export function parseHistoryCsv(text: string, source = 'history'): Outcome[] {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, { info: true, skip_empty_lines: true, relax_column_count: true, bom: true }) as unknown as typeof records;
  } catch (error) {
    throw new HistoryError(source, [{ where: 'file', field: '(csv)', message: (error as Error).message }]);
  }
  if (records.length === 0) throw new HistoryError(source, [{ where: 'file', field: '(header)', message: 'the file is empty' }]);
  const header = headerOf(source, records[0]!.record.map((h) => h.trim()));
  const rows = records.slice(1).map(({ record, info }) => {
    const where = `line ${info.lines}`;
    const data: Record<string, unknown> = {};
    const problems: RowProblem[] = [];
    if (record.length !== header.length) problems.push({ where, field: '(row)', message: `has ${record.length} cells, the header has ${header.length}` });
    header.forEach((column, i) => {
      const cell = readCell(column, record[i] ?? '');
      if (cell.problem) problems.push({ where, field: column, message: cell.problem });
      else if (cell.value !== undefined) data[column] = cell.value;
    });
    return { where, data, problems };
  });
  return validateRows(source, rows);
}

/**
 * Keys that are not fields of the outcome history, refused by name as the CSV header's unknown
 * columns are: dropped silently, a misspelt `waiting_days` would leave `waitingDays` missing
 * or, for an optional field, read as absent.
 */
function unknownFields(where: string, record: Record<string, unknown>): RowProblem[] {
  return Object.keys(record).filter((key) => !Object.hasOwn(outcomeColumns, key))
    .map((key) => ({ where, field: key, message: 'is not a field of the outcome history' }));
}

/** Reads a history JSON file: an array of outcomes, or `{ "outcomes": [...] }`. */
export function parseHistoryJson(text: string, source = 'history'): Outcome[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new HistoryError(source, [{ where: 'file', field: '(json)', message: (error as Error).message }]);
  }
  const list = Array.isArray(data) ? data : (data as { outcomes?: unknown } | null)?.outcomes;
  if (!Array.isArray(list)) {
    throw new HistoryError(source, [{ where: 'file', field: 'outcomes', message: 'must be an array of outcome records' }]);
  }
  const rows = list.map((item, i) => {
    const where = `record ${i + 1}`;
    const isObject = typeof item === 'object' && item !== null && !Array.isArray(item);
    if (isObject) return { where, data: item as Record<string, unknown>, problems: unknownFields(where, item as Record<string, unknown>) };
    return { where, data: {}, problems: [{ where, field: '(row)', message: 'must be an object' }], unreadable: true };
  });
  return validateRows(source, rows);
}
