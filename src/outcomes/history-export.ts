import { outcomeColumns, type Outcome, type OutcomeColumn } from '../domain/outcome.js';

function cell(value: unknown): string {
  if (value === undefined) return '';
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Writes a history as CSV, one outcome per line, in the column order that `parseHistoryCsv` reads. */
export function historyToCsv(history: readonly Outcome[]): string {
  const columns = Object.keys(outcomeColumns) as OutcomeColumn[];
  const lines = [columns.join(','), ...history.map((o) => columns.map((c) => cell(o[c])).join(','))];
  return `${lines.join('\n')}\n`;
}
