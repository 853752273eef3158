import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startService, type RunningService } from '../support/running-service.js';

const doc = readFileSync(new URL('../../docs/service.md', import.meta.url), 'utf8');

/** The CSV examples of docs/service.md, in the order of the document: participants, mentors, training sessions, housing units. */
const examples = [...doc.matchAll(/```csv\n([\s\S]*?)```/g)].map((match) => match[1] ?? '');
const routes = ['participants', 'mentors', 'training-sessions', 'housing-units'];

describe('the CSV examples of docs/service.md', () => {
  let running: RunningService;
  beforeAll(async () => { running = await startService(); });
  afterAll(async () => running.stop());

  it('has one example per importable kind', () => {
    expect(examples).toHaveLength(routes.length);
  });

  it.each(routes.map((route, i) => [route, i] as const))('imports the %s example as the document says: two rows created', async (route, i) => {
    const answer = await running.api.post(`/api/v1/${route}/import`, { key: running.keys.coordinator, raw: examples[i]!, contentType: 'text/csv' });
    expect(answer.body).toEqual({ created: 2, updated: 0 });
  });
});
