/** Plain-text layout helpers for the round report: aligned tables, wrapped lists, short numbers. */

export const fixed = (n: number | null, digits = 2): string => (n === null ? '—' : n.toFixed(digits));

/** "1 participant", "3 participants". */
export function count(n: number, word: string): string {
  return `${n} ${n === 1 ? word : `${word}s`}`;
}

export function percent(part: number, whole: number): string {
  return whole === 0 ? '—' : `${((100 * part) / whole).toFixed(1)} %`;
}

/** Columns padded to their widest cell; `numeric` columns are right-aligned. */
export function table(header: readonly string[], rows: readonly string[][], numeric: readonly number[] = []): string[] {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? '').length)));
  const pad = (cell: string, c: number) => (numeric.includes(c) ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!));
  const line = (cells: readonly string[]) => cells.map(pad).join('  ').trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)];
}

/** Items joined by two spaces, wrapped at `width`, every line after the first indented like the first. */
export function wrap(lead: string, items: readonly string[], width = 110): string[] {
  const lines: string[] = [];
  let line = lead;
  const indent = ' '.repeat(lead.length);
  for (const item of items) {
    if (line.length > indent.length && line.length + 2 + item.length > width) {
      lines.push(line.trimEnd());
      line = indent;
    }
    line += line.length > indent.length ? `  ${item}` : item;
  }
  lines.push(line.trimEnd());
  return lines;
}

/** Cuts a long message to `max` characters with an ellipsis: the JSON report keeps it whole. */
export function truncate(text: string, max = 110): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** "a, b, c, … (12)": the first few of a list, and how many there are in all. */
export function firstFew(items: readonly string[], total: number, shown = 4): string {
  const more = total > Math.min(shown, items.length) ? `, … (${total})` : '';
  return items.slice(0, shown).join(', ') + more;
}
