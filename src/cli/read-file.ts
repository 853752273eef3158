import { readFile } from 'node:fs/promises';
import type { z } from 'zod';
import { CliError, formatIssues } from './errors.js';

/** Reads a JSON file and validates it with `schema`; every bad field is named by its path. */
export async function readJsonFile<S extends z.ZodType>(path: string, schema: S, what: string): Promise<z.infer<S>> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CliError(code === 'ENOENT' ? `${what} file not found: ${path}` : `cannot read ${what} file ${path}: ${code ?? 'unknown error'}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new CliError(`${what} file ${path} is not valid JSON: ${(error as Error).message}`);
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    throw new CliError(`${what} file ${path} is invalid:\n${formatIssues(parsed.error.issues)}`);
  }
  return parsed.data;
}
