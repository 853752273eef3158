import { readFile } from 'node:fs/promises';
import type { Outcome } from '../domain/outcome.js';
import { HistoryError, parseHistoryCsv, parseHistoryJson } from './history-import.js';

/** Reads a history file: `.json` as JSON, anything else as CSV. Nothing is returned unless every row is valid. */
export async function readHistoryFile(path: string): Promise<Outcome[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const message = code === 'ENOENT' ? 'file not found' : `cannot read the file (${code ?? 'unknown error'})`;
    throw new HistoryError(`history file ${path}`, [{ where: 'file', field: '(file)', message }]);
  }
  const source = `history file ${path}`;
  return path.toLowerCase().endsWith('.json') ? parseHistoryJson(text, source) : parseHistoryCsv(text, source);
}
