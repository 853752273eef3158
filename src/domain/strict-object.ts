import { z } from 'zod';

/** Edit distance between two field names, for the "did you mean" of a misspelt one. */
function distance(a: string, b: string): number {
  const previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    let diagonal = previous[0]!;
    previous[0] = i;
    for (let j = 1; j <= b.length; j += 1) {
      const above = previous[j]!;
      const same = a[i - 1]!.toLowerCase() === b[j - 1]!.toLowerCase();
      previous[j] = Math.min(above + 1, previous[j - 1]! + 1, diagonal + (same ? 0 : 1));
      diagonal = above;
    }
  }
  return previous[b.length]!;
}

/** `"homeRegoin" (did you mean "homeRegion"?)`, or the name alone when nothing known is close. */
function described(key: string, known: readonly string[]): string {
  const nearest = known.map((name) => ({ name, d: distance(key, name) })).sort((x, y) => x.d - y.d)[0];
  const close = nearest !== undefined && nearest.d <= Math.max(2, Math.floor(key.length / 3));
  return close ? `"${key}" (did you mean "${nearest.name}"?)` : `"${key}"`;
}

/**
 * An object of the domain that refuses fields it does not define. A misspelt field would
 * otherwise be dropped without a word, and the rule it feeds would silently not apply
 * (a participant whose "homeRegoin" is ignored has no location rules at all).
 */
export function strictObject<T extends z.ZodRawShape>(shape: T): z.ZodObject<T, z.core.$strict> {
  const known = Object.keys(shape);
  return z.strictObject(shape, {
    error: (issue) => (issue.code === 'unrecognized_keys'
      ? `unknown field ${issue.keys.map((key) => described(key, known)).join(', ')}`
      : undefined),
  });
}
