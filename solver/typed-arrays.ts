/**
 * A typed array of `value(item, i)` for each item. `Float64Array.from(items, value)` does the
 * same through the iterator protocol, 6 to 15 times slower (measured on 200,000 candidates:
 * 22-34 ms against 2-9 ms), and a national round's candidates are flattened once per pricing round.
 */
export function typedOf<T extends Float64Array | Int32Array | Uint8Array, U>(
  Type: new (length: number) => T, items: readonly U[], value: (item: U, i: number) => number,
): T {
  const out = new Type(items.length);
  for (let i = 0; i < items.length; i += 1) out[i] = value(items[i]!, i);
  return out;
}
