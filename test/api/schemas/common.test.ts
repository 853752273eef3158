import { describe, expect, it } from 'vitest';
import { encodedOnceOnRead } from '../../../src/api/schemas/common.js';

describe('answers encoded once while a read cache keeps them', () => {
  const encode = encodedOnceOnRead.serializerCompiler();

  it('gives the JSON of the answer, the same each time it is sent', () => {
    const detail = { id: 'r1', assignments: [{ participant: 'p1', resource: 'm1' }] };
    const first = encode(detail);
    expect(JSON.parse(first)).toEqual(detail);
    expect(encode(detail)).toBe(first);
  });

  it('encodes a new answer anew: a write gives a new object, never the old text', () => {
    const before = { id: 'r1', status: 'proposed' };
    encode(before);
    expect(JSON.parse(encode({ id: 'r1', status: 'published' }))).toEqual({ id: 'r1', status: 'published' });
  });

  it('encodes values that are not objects as JSON does', () => {
    expect(encode(null)).toBe('null');
    expect(encode('text')).toBe('"text"');
  });
});
