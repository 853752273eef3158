import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { HousingUnit } from '../../src/domain/housing-unit.js';
import { Mentor } from '../../src/domain/mentor.js';
import { Participant } from '../../src/domain/participant.js';
import { TrainingSession } from '../../src/domain/training-session.js';
import { housingUnitColumns, mentorColumns, participantColumns, trainingSessionColumns, type ColumnSpec } from '../../src/services/csv/columns.js';
import { startService, type RunningService } from '../support/running-service.js';

const doc = readFileSync(new URL('../../docs/service.md', import.meta.url), 'utf8');

interface Kind { label: string; route: string; schema: z.ZodObject; columns: ColumnSpec }
const kinds: Kind[] = [
  { label: 'Participants', route: 'participants', schema: Participant, columns: participantColumns },
  { label: 'Mentors', route: 'mentors', schema: Mentor, columns: mentorColumns },
  { label: 'Training sessions', route: 'training-sessions', schema: TrainingSession, columns: trainingSessionColumns },
  { label: 'Housing units', route: 'housing-units', schema: HousingUnit, columns: housingUnitColumns },
];

/** The text of docs/service.md about one kind: from its bold label in "CSV imports" to the next label. */
function sectionOf(label: string): string {
  const imports = doc.slice(doc.indexOf('## CSV imports'), doc.indexOf('## Errors'));
  const start = imports.indexOf(`**${label}**`);
  const next = kinds.map((k) => imports.indexOf(`**${k.label}**`, start + 1)).filter((i) => i > start);
  return imports.slice(start, Math.min(...next, imports.indexOf('**A bad file')));
}

const names = (text: string) => [...text.matchAll(/`([\w.]+)`/g)].map((m) => m[1]!);
const examplesOf = (section: string) => [...section.matchAll(/```csv\n([\s\S]*?)```/g)].map((m) => m[1]!);
/** The top-level fields a record cannot leave out: no default, not optional. */
const requiredFields = (schema: z.ZodObject) => Object.entries(schema.shape).filter(([, field]) => !(field as z.ZodType).safeParse(undefined).success).map(([name]) => name);

describe('the CSV columns and examples of docs/service.md', () => {
  let running: RunningService;
  beforeAll(async () => { running = await startService(); });
  afterAll(async () => running.stop());

  it.each(kinds)('documents the $route columns the import reads, and as required exactly the fields the schema requires', ({ label, schema, columns }) => {
    const section = sectionOf(label);
    const [listed = '', required = ''] = section.split(/Required:/);
    const documented = names(listed.replace(/```[\s\S]*?```/g, ''));
    expect(documented.filter((name) => !Object.hasOwn(columns, name))).toEqual([]);
    const eligibilityByName = /the eligibility columns/.test(listed);
    expect(Object.keys(columns).filter((name) => !documented.includes(name) && !(eligibilityByName && name.startsWith('eligibility.')))).toEqual([]);
    expect(names(required.split('\n\n')[0]!).sort()).toEqual(requiredFields(schema).sort());
  });

  it('has an example per importable kind, and one of participants with only the required columns', () => {
    for (const { label } of kinds) expect(examplesOf(sectionOf(label)).length, label).toBeGreaterThanOrEqual(1);
    const required = requiredFields(Participant).sort();
    expect(examplesOf(sectionOf('Participants')).some((csv) => csv.split('\n')[0]!.split(',').sort().join(',') === required.join(','))).toBe(true);
  });

  it.each(kinds)('imports each $route example as the document says: two rows created', async ({ label, route }) => {
    for (const [i, example] of examplesOf(sectionOf(label)).entries()) {
      const answer = await running.api.post(`/api/v1/${route}/import`, { key: running.keys.coordinator, raw: example, contentType: 'text/csv' });
      expect(answer.body, `${route} example ${i + 1}`).toEqual({ created: 2, updated: 0 });
    }
  });
});
