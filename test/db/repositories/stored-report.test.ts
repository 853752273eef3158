import { describe, expect, it } from 'vitest';
import { decodeReport, encodeReport, reportFromText } from '../../../src/db/repositories/stored-report.js';
import type { RoundReport } from '../../../src/round/report.js';

/** People with accents, quotes and a line break in their explanations: none of it may move a line. */
const report = {
  status: 'optimal', objective: 7.5, totals: { participants: 3, placed: 1, unplaced: 2 },
  resources: [{ resource: 'm-idf', kind: 'mentor', region: 'Île-de-France', capacity: 1, used: 1, remaining: 0 }],
  participants: [
    { participant: 'amina', placed: true, region: 'Île-de-France', assignments: [{ resource: 'm-idf', kind: 'mentor', score: 7.5, breakdown: { sector: { value: 1, weight: 7.5, contribution: 7.5 } } }], missing: [] },
    { participant: 'chen', placed: false, assignments: [], missing: [{ kind: 'mentor', reason: 'capacity', refusals: [], fullResources: ['m-idf'], eligibleResources: 1 }] },
    { participant: 'dana', placed: false, assignments: [], missing: [{ kind: 'housing', reason: 'no_eligible_resource', eligibleResources: 0,
      refusals: [{ resource: 'h-1', rule: 'relocation', message: 'lives in Provence-Alpes-Côte d\'Azur and "does not wish"\nto relocate' }] }] },
  ],
} as unknown as RoundReport;

describe('a report as the store keeps it', () => {
  it('gives back every explanation, who is placed and the resources, as they were', async () => {
    const stored = await decodeReport(encodeReport(report));
    expect(stored.participants).toEqual([{ participant: 'amina', placed: true }, { participant: 'chen', placed: false }, { participant: 'dana', placed: false }]);
    expect(report.participants.map((_, i) => stored.explanation(i))).toEqual(report.participants);
    expect(stored.resources).toEqual(report.resources);
  });

  it('reads a report stored as text the same way', () => {
    const stored = reportFromText(JSON.stringify(report));
    expect(stored.participants.map((p) => p.participant)).toEqual(['amina', 'chen', 'dana']);
    expect(stored.explanation(2)).toEqual(report.participants[2]);
  });

  it('holds a report without participants', async () => {
    const stored = await decodeReport(encodeReport({ ...report, participants: [] }));
    expect(stored.participants).toEqual([]);
    expect(stored.resources).toEqual(report.resources);
  });
});
